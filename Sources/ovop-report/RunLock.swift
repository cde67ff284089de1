import Foundation
import Logging
import OVOPCore

#if canImport(Glibc)
import Glibc
#endif

/// Keeps two runs from working on one warehouse at once (SPEC 10): an exclusive `flock` on
/// `<warehouse>.lock`, which the kernel releases when the holder exits or is killed, so a
/// lock left by a killed run is simply taken over. The file says who holds it.
final class RunLock {
    private let fd: Int32
    let path: String

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit {
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Takes the lock for `warehouse`, or exits with status 4 naming the run that holds it.
    static func acquire(for warehouse: String, lang: Language, logger: Logger) throws -> RunLock {
        let path = warehouse + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            logger.critical("cannot open lock file \(path): \(String(cString: strerror(errno)))")
            throw ExitStatus.warehouseFailed.code
        }
        let previous = (try? String(contentsOfFile: path, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            let holder = previous.isEmpty ? "?" : previous
            let note = lang == .id
                ? "proses ovop-report lain sedang berjalan (\(holder)); coba lagi setelah selesai"
                : "another ovop-report run is in progress (\(holder)); try again when it has finished"
            logger.error("\(note)")
            throw ExitStatus.locked.code
        }
        if !previous.isEmpty {
            let note = lang == .id ? "kunci lama dari proses yang sudah berhenti (\(previous)) diambil alih"
                                   : "took over the lock left by a run that stopped (\(previous))"
            logger.warning("\(note)")
        }
        let stamp = "pid \(getpid()), started \(Clock.isoWITA(micros: Int64(Date().timeIntervalSince1970 * 1_000_000)))"
        ftruncate(fd, 0)
        _ = stamp.withCString { pwrite(fd, $0, strlen($0), 0) }
        return RunLock(fd: fd, path: path)
    }
}
