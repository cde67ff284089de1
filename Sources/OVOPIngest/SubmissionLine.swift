import Foundation
import OVOPCore

/// An accepted submission line: every value read, named and typed (SPEC 3).
public struct SubmissionLine: Sendable {
    public var period: Period
    /// The cooperative id as written (trimmed, spaces collapsed).
    public var cooperativeID: String
    public var cooperativeName: String
    public var district: District
    public var kecamatan: String?
    public var desa: String
    public var product: String
    public var category: Category
    public var unit: String?
    public var unitsProduced: Decimal?
    public var unitsSold: Decimal?
    public var revenue: Int64
    public var exportRevenue: Int64
    public var members: Int64?
    public var workers: Int64?
    public var channels: Set<Channel>
    public var certifications: Set<Certification>
    public var submittedAt: SubmittedAt?

    /// The normalised cooperative id, part of the line's key (SPEC 5, 11).
    public var cooperativeKey: String { Names.normalise(cooperativeID) }
    /// The normalised product, part of the line's key (SPEC 5).
    public var productKey: String { Names.normalise(product) }
}

/// The verdict on one line read: accepted (with warnings) or rejected (with errors).
public struct LineVerdict: Sendable {
    public var line: Int
    public var accepted: SubmissionLine?
    /// Error diagnostics; non-empty exactly when the line is rejected.
    public var errors: [Diagnostic]
    /// Warning diagnostics of an accepted line (one per counted occurrence).
    public var warnings: [Diagnostic]
    /// The period, when it could be read (rejected lines too): for quality per period.
    public var period: Period?
    /// The district, when it could be read (rejected lines too).
    public var district: District?
    /// The raw values by `Field.ordinal`, as written, for the rejects file.
    public var raw: [String?]
    /// The record's text when the values cannot show it (malformed rows, bad JSON).
    public var rawText: String?

    public var isAccepted: Bool { accepted != nil }
}

/// A file's status in the warehouse and the reports (SPEC 11 `quality.files`).
public enum FileStatus: String, Sendable {
    case ingested, rejected, duplicate
}

/// One input file after reading and validation.
public struct ValidatedFile: Sendable {
    /// Path relative to its input root, `/`-separated.
    public var path: String
    public var sha256: String
    public var status: FileStatus
    /// Whole-file rejection.
    public var fileError: Diagnostic?
    /// `encoding-fallback` and `unknown-column` (once per file / per column).
    public var fileWarnings: [Diagnostic]
    public var lines: [LineVerdict]
    public var convention: NumberConvention
    public var dateOrder: DateOrder

    public var read: Int { lines.count }
    public var acceptedCount: Int { lines.reduce(0) { $0 + ($1.isAccepted ? 1 : 0) } }
    public var rejectedCount: Int { read - acceptedCount }
}
