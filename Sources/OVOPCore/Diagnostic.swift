/// Every error and warning code of SPEC 4 and 11, kebab-case as the spec spells them.
public enum DiagnosticCode: String, CaseIterable, Sendable, Hashable, Comparable {
    // Line errors: the line is rejected.
    case missingField = "missing-field"
    case invalidNumber = "invalid-number"
    case negativeValue = "negative-value"
    case invalidPeriod = "invalid-period"
    case invalidDate = "invalid-date"
    case unknownDistrict = "unknown-district"
    case ambiguousDistrictCode = "ambiguous-district-code"
    case unknownCategory = "unknown-category"
    case exportExceedsRevenue = "export-exceeds-revenue"
    case malformedRow = "malformed-row"
    case invalidJSON = "invalid-json"
    // File errors: the whole file is rejected.
    case emptyFile = "empty-file"
    case missingColumn = "missing-column"
    case unreadableFile = "unreadable-file"
    // Warnings: the line (or file) is kept.
    case soldExceedsProduced = "sold-exceeds-produced"
    case unknownChannel = "unknown-channel"
    case unknownCertification = "unknown-certification"
    case unknownSubdistrict = "unknown-subdistrict"
    case revenueOutlier = "revenue-outlier"
    case futurePeriod = "future-period"
    case encodingFallback = "encoding-fallback"
    case unknownColumn = "unknown-column"

    public var isWarning: Bool {
        switch self {
        case .soldExceedsProduced, .unknownChannel, .unknownCertification, .unknownSubdistrict,
             .revenueOutlier, .futurePeriod, .encodingFallback, .unknownColumn:
            true
        default:
            false
        }
    }

    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}

/// One problem found in the input: a value, never thrown (STYLE 3).
public struct Diagnostic: Sendable, Hashable {
    public var code: DiagnosticCode
    /// Path of the file relative to its input root.
    public var file: String
    /// 1-based physical line (CSV) or record index (JSON); `nil` for file-level problems.
    public var line: Int?
    public var field: Field?
    /// The value as written, when one is concerned.
    public var raw: String?
    /// Extra words for the message (e.g. the two readings of an ambiguous code).
    public var detail: String?

    public init(code: DiagnosticCode, file: String, line: Int? = nil, field: Field? = nil,
                raw: String? = nil, detail: String? = nil) {
        self.code = code
        self.file = file
        self.line = line
        self.field = field
        self.raw = raw
        self.detail = detail
    }
}
