import OVOPCore

/// Reads one submission file into raw records (SPEC 3 "CSV" and "JSON", SPEC 11).
///
/// Staging only: cells are found, trimmed and mapped to their columns; values are
/// not interpreted here.
public enum SubmissionReader {
    /// Reads one file's bytes into records. Never throws, never crashes: problems
    /// become `fileError`, `fileWarnings` or record defects.
    ///
    /// The bytes are UTF-8 (a byte-order mark is dropped) or, when they are not valid
    /// UTF-8, Windows-1252, with the file warning `encoding-fallback`.
    public static func read(_ data: [UInt8], format: FileFormat) -> ParsedFile {
        let decoded = TextDecoding.decode(data)
        let text = decoded.bytes
        var result: ParsedFile
        if text.withUnsafeBufferPointer({ TextDecoding.isBlank($0, 0, $0.count) }) {
            result = ParsedFile(fileError: (.emptyFile, ""))
        } else {
            switch format {
            case .csv: result = CSVReader.read(text)
            case .json: result = JSONReader.readDocument(text)
            case .ndjson: result = JSONReader.readLines(text)
            }
        }
        if decoded.usedFallback {
            result.fileWarnings.insert((.encodingFallback, "Windows-1252"), at: 0)
        }
        return result
    }
}
