/// The format of a submission file, decided by its name's extension (SPEC 11 "Inputs and order").
public enum FileFormat: String, Sendable {
    case csv
    case json
    case ndjson

    /// Reads the format from the extension of the path's last component, in any case:
    /// `.csv`/`.tsv` are CSV, `.json` is JSON, `.ndjson`/`.jsonl` are NDJSON.
    /// Any other name is `nil`: such a file is skipped, not rejected.
    public init?(path: String) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv", "tsv": self = .csv
        case "json": self = .json
        case "ndjson", "jsonl": self = .ndjson
        default: return nil
        }
    }
}
