import OVOPCore

/// A cell as a reader found it, before any value rule is applied.
public enum RawValue: Sendable, Hashable {
    /// Text from a CSV cell or a JSON string (already trimmed; never empty).
    case text(String)
    /// A JSON number, as its literal text (`43200000`, `12.5`, `1e3`).
    case number(String)
    /// A JSON array of strings (channels, certifications); other JSON
    /// scalars inside are given as their text.
    case list([String])
    /// A JSON value of the wrong shape for a field (an object, a nested array);
    /// holds a short JSON rendering for messages.
    case invalid(String)

    /// The value as text for messages and the rejects file.
    public var display: String {
        switch self {
        case .text(let s), .number(let s), .invalid(let s): s
        case .list(let items): items.joined(separator: "|")
        }
    }
}

/// One record of a submission file: one submission line before validation.
public struct RawRecord: Sendable {
    /// 1-based physical start line (CSV) or record index after flattening (JSON).
    public var line: Int
    /// Values by `Field.ordinal`; `nil` when the cell is absent or empty.
    public var values: [RawValue?]
    /// Set when the record cannot be read as a line: `malformed-row` (wrong
    /// number of cells, quote left open) or `invalid-json` (syntax error in an
    /// NDJSON line, a non-object element or product). The values hold what
    /// could be mapped (CSV cells by position), possibly nothing.
    public var defect: DiagnosticCode?
    /// The record as written, for the rejects file when `values` cannot show it
    /// (a malformed row's cells joined, an NDJSON line's text).
    public var rawText: String?

    public init(line: Int, values: [RawValue?] = Array(repeating: nil, count: Field.allCases.count),
                defect: DiagnosticCode? = nil, rawText: String? = nil) {
        self.line = line
        self.values = values
        self.defect = defect
        self.rawText = rawText
    }

    public subscript(field: Field) -> RawValue? {
        get { values[field.ordinal] }
        set { values[field.ordinal] = newValue }
    }
}

/// The result of reading one file: its records, or why it was rejected whole.
public struct ParsedFile: Sendable {
    /// Whole-file rejection (`empty-file`, `invalid-json`, `missing-column`,
    /// `unreadable-file`) with a detail for the message (e.g. the missing
    /// columns, the JSON error position).
    public var fileError: (code: DiagnosticCode, detail: String)?
    /// `encoding-fallback` once, `unknown-column` once per distinct column
    /// (the detail is the column name as written).
    public var fileWarnings: [(code: DiagnosticCode, detail: String)]
    /// Records in file order. For a `missing-column` file: every non-blank
    /// record after the header (each will be rejected with `missing-field`).
    public var records: [RawRecord]

    public init(fileError: (code: DiagnosticCode, detail: String)? = nil,
                fileWarnings: [(code: DiagnosticCode, detail: String)] = [],
                records: [RawRecord] = []) {
        self.fileError = fileError
        self.fileWarnings = fileWarnings
        self.records = records
    }
}
