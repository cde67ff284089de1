import Foundation
import Testing
@testable import OVOPIngest

@Suite("SHA-256 of inputs and outputs")
struct DigestTests {
    @Test func aFileReadInPiecesHasTheDigestOfItsBytesAndSha256sumAgrees() throws {
        var bytes = [UInt8](repeating: 0, count: (3 << 20) + 17)  // several pieces and a partial one
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 7) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ovop-digest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(bytes).write(to: url)
        let digest = try Digest.sha256(file: url)
        #expect(digest.bytes == Int64(bytes.count))
        #expect(digest.hex == Digest.sha256(bytes))
        #expect(Digest.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")

        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        tool.arguments = [url.path]
        let pipe = Pipe()
        tool.standardOutput = pipe
        try tool.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        tool.waitUntilExit()
        #expect(output.hasPrefix(digest.hex + " "))
    }
}
