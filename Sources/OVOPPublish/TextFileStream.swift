import Foundation

/// A text file written through a buffer, for outputs too large to build in memory first.
/// `TextOutputStream` cannot throw: the first write error is kept and thrown by `close()`, naming the file.
final class TextFileStream: TextOutputStream {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var failure: (any Error)?
    private static let capacity = 1 << 20

    /// Creates (or empties) the file at `url`, in place.
    init(creating url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PublishError(path: url.path, reason: String(cString: strerror(errno))) }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        path = url.path
        buffer.reserveCapacity(TextFileStream.capacity)
    }

    /// Writes the file at `url` with `body`, and closes it.
    static func write(_ url: URL, _ body: (inout TextFileStream) throws -> Void) throws {
        var stream = try TextFileStream(creating: url)
        do {
            try body(&stream)
        } catch {
            try? stream.close()
            throw error
        }
        try stream.close()
    }

    func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= TextFileStream.capacity { flush() }
    }

    private func flush() {
        if failure == nil && !buffer.isEmpty {
            do { try handle.write(contentsOf: buffer) } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left in the buffer and closes the file; throws the first write error.
    func close() throws {
        flush()
        do { try handle.close() } catch { failure = failure ?? error }
        if let failure {
            throw PublishError(path: path, reason: (failure as NSError).localizedDescription)
        }
    }
}
