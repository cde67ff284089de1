import Foundation
import OVOPCore

#if canImport(Glibc)
import Glibc
#endif

/// A progress display on stderr, only when stderr is a terminal (SPEC 10): cron mail stays clean.
enum Progress {
    static func bar(_ lang: Language) -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(2) == 1 else { return nil }
        let word = lang == .id ? "berkas" : "files"
        return { done, total in
            let width = 30
            let filled = total == 0 ? width : done * width / total
            let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
                + "] \(done)/\(total) \(word)" + (done == total ? "\n" : "")
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
