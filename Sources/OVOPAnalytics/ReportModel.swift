import Foundation
import OVOPCore
import OVOPIngest
import OVOPWarehouse

/// The indicators of SPEC 6 for one scope (a district or the province).
public struct Indicators: Sendable, Equatable {
    public var cooperatives = 0
    public var villages = 0
    public var products = 0
    public var lines = 0
    public var revenue: Int64 = 0
    public var revenueShare: Double?
    public var exportRevenue: Int64 = 0
    public var exportShare: Double?
    public var members: Int64 = 0
    public var workers: Int64 = 0
    public var revenuePerWorker: Int64?
    /// All five categories present.
    public var revenueByCategory: [Category: Int64] = Dictionary(uniqueKeysWithValues: Category.allCases.map { ($0, 0) })
    /// Every channel present; values null when there are no cooperatives.
    public var channelReach: [Channel: Double?] = Dictionary(uniqueKeysWithValues: Channel.allCases.map { ($0, nil) })
    public var certifiedShare: Double?
    public var certificationShare: [Certification: Double?] = Dictionary(uniqueKeysWithValues: Certification.allCases.map { ($0, nil) })
    public var leadingProduct: String?
    public var leadingProductShare: Double?
    public var ovopFocus: Double?
    public var revenuePrevMonth: Int64 = 0
    public var momGrowth: Double?
    public var revenuePrevYear: Int64 = 0
    public var yoyGrowth: Double?
    public var ytdRevenue: Int64 = 0

    public init() {}
}

public struct DistrictIndicators: Sendable {
    public var district: District
    public var indicators: Indicators
}

/// One row of the products table (SPEC 6, 11).
public struct ProductRow: Sendable, Equatable {
    public var district: String
    public var product: String
    public var key: String
    public var category: Category
    public var unit: String?
    public var villages: Int
    public var cooperatives: Int
    public var unitsProduced: Decimal
    public var unitsSold: Decimal
    public var revenue: Int64
    public var exportRevenue: Int64
    public var momGrowth: Double?
}

public struct TopProduct: Sendable, Equatable {
    public var rank: Int
    public var product: String
    public var key: String
    public var category: Category
    public var revenue: Int64
    public var districts: [String]
}

/// Monthly revenue for the twelve months ending at the period.
public struct Trend: Sendable {
    public var months: [Period]
    public var province: [Int64]
    /// By Kemendagri code, all ten present.
    public var districts: [String: [Int64]]
}

public struct QualityTotals: Sendable {
    public var files = 0
    public var read = 0
    public var accepted = 0
    public var rejected = 0
    public var superseded = 0
    public var duplicates = 0

    /// The sums over `files`.
    init(_ files: [FileSummary]) {
        for f in files {
            self.files += 1
            read += f.counts.read
            accepted += f.counts.accepted
            rejected += f.counts.rejected
            superseded += f.counts.superseded
            if f.status == .duplicate { duplicates += 1 }
        }
    }
}

public struct Quality: Sendable {
    public var totals: QualityTotals
    public var skipped: [String]
    public var files: [FileSummary]
    /// Lines whose period is P: by district code (all ten, and `unknown`).
    public var districts: [String: LineCounts]
    public var errors: [DiagnosticCode: Int]
    public var warnings: [DiagnosticCode: Int]
    public var followUp: [CooperativeRef]
    public var newCooperatives: [CooperativeRef]
    /// Rejected lines of the period per error code, by district code (and `unknown`).
    public var districtErrors: [String: [DiagnosticCode: Int]] = [:]
    /// The files (relative paths) that brought lines of the period to each district, active or
    /// rejected, by district code.
    public var sources: [String: Set<String>] = [:]
}

/// Lines of a period (of one district, when narrowed), read from the warehouse one at a time,
/// each time they are visited: a month can be too large to hold, and a broken file of a million
/// lines gives a million rejected ones.
public struct PeriodLines<Kind: LineKind>: Sendable {
    /// How many lines the source gives.
    public let count: Int
    let warehouse: Warehouse
    let period: Period
    let district: String?

    public init(_ warehouse: Warehouse, period: Period, district: String? = nil) throws {
        count = try Kind.count(warehouse, period, district: district)
        self.warehouse = warehouse
        self.period = period
        self.district = district
    }

    public var isEmpty: Bool { count == 0 }

    /// Calls `body` for every line in read order, or for the first `limit` of them.
    public func forEach(limit: Int? = nil, _ body: (Kind.Line) throws -> Void) throws {
        try Kind.visit(warehouse, period, district: district, limit: limit, body)
    }

    /// The lines of one district.
    public func only(district code: String) throws -> PeriodLines {
        try PeriodLines(warehouse, period: period, district: code)
    }
}

/// Which lines of a period a `PeriodLines` reads.
public protocol LineKind: Sendable {
    associatedtype Line
    static func count(_ warehouse: Warehouse, _ period: Period, district: String?) throws -> Int
    static func visit(_ warehouse: Warehouse, _ period: Period, district: String?, limit: Int?,
                      _ body: (Line) throws -> Void) throws
}

/// The active lines of the period (the Data sheet, the villages).
public enum ActiveLines: LineKind {
    public static func count(_ warehouse: Warehouse, _ period: Period, district: String?) throws -> Int {
        try warehouse.activeLineCount(period, district: district)
    }

    public static func visit(_ warehouse: Warehouse, _ period: Period, district: String?, limit: Int?,
                             _ body: (FactLine) throws -> Void) throws {
        try warehouse.forEachActiveLine(period, district: district, limit: limit, body)
    }
}

/// The rejected lines of the period and those whose period cannot be read (the rejects file,
/// the quality sheet).
public enum RejectedLines: LineKind {
    public static func count(_ warehouse: Warehouse, _ period: Period, district: String?) throws -> Int {
        try warehouse.rejectedLineCount(period, district: district)
    }

    public static func visit(_ warehouse: Warehouse, _ period: Period, district: String?, limit: Int?,
                             _ body: (RejectedLine) throws -> Void) throws {
        try warehouse.forEachRejectedLine(period, district: district, limit: limit, body)
    }
}

public typealias LineSource = PeriodLines<ActiveLines>
public typealias RejectSource = PeriodLines<RejectedLines>

/// What a report says about itself (the workbook's "Tentang" sheet, the PDF's metadata).
public struct ReportMeta: Sendable {
    public var toolVersion: String
    /// The template's name.
    public var template: String
    /// "Now": `SOURCE_DATE_EPOCH` when set, else the clock (microseconds since 1970).
    public var generatedMicros: Int64

    public init(toolVersion: String, template: String, generatedMicros: Int64) {
        self.toolVersion = toolVersion
        self.template = template
        self.generatedMicros = generatedMicros
    }
}

/// Everything a report for one period shows: what the renderers receive.
public struct PeriodReport: Sendable {
    public var period: Period
    public var province: Indicators
    public var districts: [DistrictIndicators]
    public var products: [ProductRow]
    public var topProducts: [TopProduct]
    public var trend: Trend
    public var quality: Quality
    /// Rejected lines of the period and those whose period cannot be read.
    public var rejects: RejectSource
    /// Every active line of the period (the workbook's Data sheet).
    public var lines: LineSource
    /// Set when the report holds one district only (the district office's files); its
    /// `province` figures are then that district's.
    public var scope: District? = nil
}
