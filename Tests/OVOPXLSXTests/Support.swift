import Foundation
import Testing

/// The project's root folder.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Runs the real `ovop-report` binary (`OVOP_BIN`, else the debug or release build).
enum Tool {
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["OVOP_BIN"] { return URL(fileURLWithPath: path) }
        for candidate in [".build/debug/ovop-report", ".build/release/ovop-report"] {
            let url = projectRoot.appendingPathComponent(candidate)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return projectRoot.appendingPathComponent(".build/debug/ovop-report")
    }

    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs `executable` (the tool by default) in `directory` with `SOURCE_DATE_EPOCH` fixed unless given.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
                    executable: URL = Tool.binary) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = "1795000000"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let log = directory.appendingPathComponent("log-\(UUID().uuidString).txt")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: log)
        return Result(status: process.terminationStatus, output: text)
    }

    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ovop-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
