import Foundation
import Testing
@testable import OVOPPublish

/// The period's large files are written as they are made, never whole in memory.
@Suite("Streamed outputs")
struct StreamingOutputTests {
    @Test func rowsAreWrittenLikeAnArray() {
        let objects = (0..<3).map { i in JSONValue.object([("id", .int(Int64(i))), ("name", .string("K\"\(i)"))]) }
        let scalars = [JSONValue.int(1), .string("a\nb"), .null]
        for items in [objects, scalars, []] {
            let plain = JSONValue.object([("list", .array(items)), ("n", .int(1))]).serialized()
            let lazy = JSONValue.object([("list", .rows(items.count) { items[$0] }), ("n", .int(1))]).serialized()
            #expect(lazy == plain)
        }
    }

    @Test func aFileStreamWritesEverythingInOrder() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ovop-stream-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let big = JSONValue.rows(60_000) { .object([("i", .int(Int64($0))), ("s", .string("ç\u{1}"))]) }
        try TextFileStream.write(url) { out in big.write(to: &out) }
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(written == big.serialized())
        #expect(written.utf8.count > 2 << 20)  // twice the buffer: flushed along the way
    }

    @Test func aWriteErrorIsThrownWhenTheFileIsClosed() throws {
        // /dev/full accepts the open and fails every write with ENOSPC, like a full disk.
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        let error = #expect(throws: PublishError.self) {
            try TextFileStream.write(URL(fileURLWithPath: "/dev/full")) { out in
                out.write(String(repeating: "x", count: 3 << 20))
            }
        }
        #expect(error?.path == "/dev/full")
        #expect(error?.reason.contains("space") == true, "\(String(describing: error))")
    }

    @Test func csvCellsAreQuotedAndNeutralised() {
        var csv = CSVWriter("")
        csv.row(["=SUM(A1)", "a,b", "say \"hi\"", "plain"])
        #expect(csv.output == "\u{FEFF}'=SUM(A1),\"a,b\",\"say \"\"hi\"\"\",plain\r\n")
    }
}
