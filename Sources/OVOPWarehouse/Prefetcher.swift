import Foundation
import OVOPCore
import OVOPIngest

/// Reads, hashes and validates the next files on a second thread while the warehouse stores
/// the current one: parsing and SQLite each get a core. Results come back in read order.
final class Prefetcher: @unchecked Sendable {
    /// One input file, ready to be stored.
    struct Item {
        var bytes: Result<[UInt8], Error>
        var sha: String
        /// Nil when the file's content was already known (the loader then needs no lines).
        var validated: ValidatedFile?
    }

    private let condition = NSCondition()
    private var ready: [Int: Item] = [:]
    private var cancelled = false
    private let ahead = 3

    /// Starts preparing `inputs`; files whose path and content, or content, is in `known` are
    /// only hashed.
    init(_ inputs: [InputFile], context: IngestContext, knownPairs: Set<String>, knownContent: Set<String>) {
        let thread = Thread { [self] in
            var seen = knownContent
            for (index, input) in inputs.enumerated() {
                condition.lock()
                while ready.count >= ahead && !cancelled { condition.wait() }
                let stop = cancelled
                condition.unlock()
                if stop { return }
                let item: Item
                do {
                    let bytes = try [UInt8](Data(contentsOf: input.url))
                    let sha = Digest.sha256(bytes)
                    var validated: ValidatedFile?
                    if !knownPairs.contains(input.relativePath + "\u{0}" + sha) && !seen.contains(sha) {
                        let parsed = SubmissionReader.read(bytes, format: input.format)
                        validated = Validator.validate(parsed, path: input.relativePath, sha256: sha, context: context)
                    }
                    seen.insert(sha)
                    // The bytes are not needed once validated: keep memory to the files in flight.
                    item = Item(bytes: .success(validated == nil ? bytes : []), sha: sha, validated: validated)
                } catch {
                    item = Item(bytes: .failure(error), sha: "", validated: nil)
                }
                condition.lock()
                ready[index] = item
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The prepared file at `index`, waiting for it if needed.
    func item(_ index: Int) -> Item {
        condition.lock()
        defer { condition.unlock() }
        while ready[index] == nil { condition.wait() }
        let item = ready.removeValue(forKey: index)!
        condition.broadcast()
        return item
    }

    /// Stops the thread early (the load failed).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    deinit { cancel() }
}
