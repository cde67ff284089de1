import Foundation
import GRDB
import OVOPCore
import OVOPIngest

/// An active line as analytics reads it.
public struct FactLine: Sendable {
    public var district: String
    /// The warehouse's numbers for the cooperative and the product (one per normalised key):
    /// cheaper to count with than the keys themselves.
    public var cooperativeNumber: Int64 = 0
    public var productNumber: Int64 = 0
    public var cooperativeKey: String
    public var cooperativeID: String
    public var cooperativeName: String
    public var kecamatan: String
    public var desa: String
    public var productKey: String
    public var product: String
    public var category: Category
    public var unit: String?
    public var unitsProduced: Decimal?
    public var unitsSold: Decimal?
    public var revenue: Int64
    public var exportRevenue: Int64
    public var members: Int64?
    public var workers: Int64?
    public var channels: Int
    public var certifications: Int
    /// Where the line came from: its file (relative path) and line number, and when it was sent.
    public var file: String = ""
    public var line: Int = 0
    public var submittedAt: SubmittedAt?

    public init(district: String, cooperativeKey: String, cooperativeID: String, cooperativeName: String,
                kecamatan: String, desa: String, productKey: String, product: String, category: Category,
                unit: String? = nil, unitsProduced: Decimal? = nil, unitsSold: Decimal? = nil,
                revenue: Int64, exportRevenue: Int64 = 0, members: Int64? = nil, workers: Int64? = nil,
                channels: Int = 0, certifications: Int = 0) {
        self.district = district
        self.cooperativeKey = cooperativeKey
        self.cooperativeID = cooperativeID
        self.cooperativeName = cooperativeName
        self.kecamatan = kecamatan
        self.desa = desa
        self.productKey = productKey
        self.product = product
        self.category = category
        self.unit = unit
        self.unitsProduced = unitsProduced
        self.unitsSold = unitsSold
        self.revenue = revenue
        self.exportRevenue = exportRevenue
        self.members = members
        self.workers = workers
        self.channels = channels
        self.certifications = certifications
    }
}

/// Lines read, accepted, rejected and superseded, and warnings by code.
public struct LineCounts: Sendable, Equatable {
    public var read = 0
    public var accepted = 0
    public var rejected = 0
    public var superseded = 0
    public var warnings: [DiagnosticCode: Int] = [:]

    public init() {}

    mutating func addWarnings(_ row: Row) {
        for (column, code) in LineCounts.warningColumns {
            let n: Int = row[column] ?? 0
            if n > 0 { warnings[code, default: 0] += n }
        }
    }

    static let warningColumns: [(String, DiagnosticCode)] = [
        ("w_sold", .soldExceedsProduced), ("w_channel", .unknownChannel),
        ("w_certification", .unknownCertification), ("w_subdistrict", .unknownSubdistrict),
        ("w_future", .futurePeriod), ("w_outlier", .revenueOutlier),
    ]

    static let warningSums = warningColumns.map { "SUM(\($0.0)) AS \($0.0)" }.joined(separator: ", ")
}

/// One file in the warehouse, as the quality section lists it (SPEC 11 `quality.files`).
public struct FileSummary: Sendable {
    public var path: String
    public var sha256: String
    public var status: FileStatus
    public var error: DiagnosticCode?
    public var errorDetail: String?
    public var counts: LineCounts
}

/// A rejected line, for the rejects file.
public struct RejectedLine: Sendable {
    public var file: String
    public var line: Int
    public var period: Period?
    public var district: String?
    public var codes: [DiagnosticCode]
    public var diagnostics: [Diagnostic]
    public var raw: [String?]
    public var rawText: String?
}

/// The quality of period P's lines by district, and its errors by code.
public struct PeriodQualityCounts: Sendable {
    /// By Kemendagri code, and `unknown` for lines whose district cannot be read.
    public var districts: [String: LineCounts]
    /// Rejected lines per error code, by district as above.
    public var errorsByDistrict: [String: [DiagnosticCode: Int]]

    /// Rejected lines per error code, over every district.
    public var errors: [DiagnosticCode: Int] {
        errorsByDistrict.values.reduce(into: [:]) { sum, codes in sum.merge(codes, uniquingKeysWith: +) }
    }
}

/// A cooperative as the follow-up and new lists name it.
public struct CooperativeRef: Sendable, Equatable {
    public var key: String
    public var id: String
    public var name: String
    public var district: String

    public init(key: String, id: String, name: String, district: String) {
        self.key = key
        self.id = id
        self.name = name
        self.district = district
    }
}

extension Warehouse {
    /// The active lines of `period`, in read order.
    public func activeLines(_ period: Period) throws -> [FactLine] {
        var lines: [FactLine] = []
        try forEachActiveLine(period) { lines.append($0) }
        return lines
    }

    /// Visits the active lines of `period` (of one district, and at most `limit` of them, when
    /// given) one at a time without holding them all: in read order, or grouped by district (in
    /// read order within each).
    public func forEachActiveLine(_ period: Period, district: String? = nil, order: LineOrder = .read,
                                  limit: Int? = nil, _ body: (FactLine) throws -> Void) throws {
        try read("reading the lines of \(period)") { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT l.district, l.coop, c.key AS coop_key, l.coop_id, l.coop_name, l.kecamatan, l.desa,
                       l.prod, p.key AS product_key, l.product, l.category, l.unit, l.produced, l.sold, l.revenue,
                       l.export_revenue, l.members, l.workers, l.channels, l.certifications,
                       f.path, l.line_no, l.submitted_micros, l.submitted_offset
                FROM line l JOIN cooperative c ON c.id = l.coop JOIN product p ON p.id = l.prod
                     JOIN file f ON f.id = l.file_id
                WHERE l.period = ? AND l.active = 1 \(district == nil ? "" : "AND l.district = ?")
                ORDER BY \(order == .read ? "l.id" : "l.district, l.id") LIMIT ?
                """, arguments: StatementArguments([period.index] + (district.map { [$0] } ?? []) + [limit ?? -1]))
            while let row = try cursor.next() {
                // Volumes are stored as doubles; their shortest form gives back the decimal written.
                let produced: Double? = row["produced"]
                let sold: Double? = row["sold"]
                let micros: Int64? = row["submitted_micros"]
                let offset: Int? = row["submitted_offset"]
                var line = FactLine(
                    district: row["district"], cooperativeKey: row["coop_key"], cooperativeID: row["coop_id"],
                    cooperativeName: row["coop_name"], kecamatan: row["kecamatan"] ?? "", desa: row["desa"],
                    productKey: row["product_key"], product: row["product"],
                    category: Category(rawValue: row["category"]) ?? .lainnya, unit: row["unit"],
                    unitsProduced: produced.flatMap { Decimal(string: "\($0)") },
                    unitsSold: sold.flatMap { Decimal(string: "\($0)") },
                    revenue: row["revenue"], exportRevenue: row["export_revenue"], members: row["members"],
                    workers: row["workers"], channels: row["channels"], certifications: row["certifications"])
                line.cooperativeNumber = row["coop"]
                line.productNumber = row["prod"]
                line.file = row["path"]
                line.line = row["line_no"]
                line.submittedAt = micros.map { SubmittedAt(epochMicros: $0, offsetSeconds: offset ?? 28_800) }
                try body(line)
            }
        }
    }

    /// How many active lines `period` has (of one district, when given).
    public func activeLineCount(_ period: Period, district: String? = nil) throws -> Int {
        try read("counting the lines of \(period)") { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM line WHERE period = ? AND active = 1 \(district == nil ? "" : "AND district = ?")
                """, arguments: StatementArguments([period.index] + (district.map { [$0] } ?? []))) ?? 0
        }
    }

    /// Revenue of the active lines of `period` by district and product number.
    public func productRevenue(_ period: Period) throws -> [String: [Int64: Int64]] {
        try read("summing revenue by product") { db in
            var out: [String: [Int64: Int64]] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT district, prod, SUM(revenue) AS revenue FROM line
                WHERE period = ? AND active = 1 GROUP BY district, prod
                """, arguments: [period.index])
            while let row = try rows.next() {
                out[row["district"], default: [:]][row["prod"]] = row["revenue"]
            }
            return out
        }
    }

    /// The files (relative paths) that brought lines of `period` to each district: active lines,
    /// and rejected lines of the period or whose period cannot be read.
    public func filesByDistrict(_ period: Period) throws -> [String: Set<String>] {
        try read("listing the files of \(period)") { db in
            var out: [String: Set<String>] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT DISTINCT l.district, f.path FROM line l JOIN file f ON f.id = l.file_id
                WHERE l.district IS NOT NULL
                  AND ((l.period = ?1 AND (l.active = 1 OR l.accepted = 0)) OR (l.period IS NULL AND l.accepted = 0))
                """, arguments: [period.index])
            while let row = try rows.next() { out[row["district"], default: []].insert(row["path"]) }
            return out
        }
    }

    /// Cooperatives with active lines in `period`, named by vote over those lines (the id and
    /// name most often written, the district most often named; SPEC 11), sorted by district then
    /// key. `.new`: those with no active line in an earlier period; `.absentFrom(Q)`: those with no
    /// active line in Q. Read in key order, so only one cooperative's votes are held at a time.
    public func cooperatives(activeIn period: Period, _ filter: CooperativeFilter) throws -> [CooperativeRef] {
        let condition: String, other: Int
        switch filter {
        case .new: (condition, other) = ("e.period < ?", period.index)
        case .absentFrom(let q): (condition, other) = ("e.period = ?", q.index)
        }
        return try read("listing cooperatives of \(period)") { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT c.key, l.coop_id, l.coop_name, l.district
                FROM line l JOIN cooperative c ON c.id = l.coop
                WHERE l.period = ? AND l.active = 1
                  AND NOT EXISTS (SELECT 1 FROM line e WHERE e.coop = l.coop AND e.active = 1 AND \(condition))
                ORDER BY c.key
                """, arguments: [period.index, other])
            var byDistrict: [String: [CooperativeRef]] = [:]
            var key: String?
            var ids: [ExactText: Int] = [:], names: [ExactText: Int] = [:], districts: [ExactText: Int] = [:]
            func flush() {
                guard let key else { return }
                let district = Vote.winner(districts)
                byDistrict[district, default: []].append(
                    CooperativeRef(key: key, id: Vote.winner(ids), name: Vote.winner(names), district: district))
                ids.removeAll(keepingCapacity: true)
                names.removeAll(keepingCapacity: true)
                districts.removeAll(keepingCapacity: true)
            }
            while let row = try cursor.next() {
                let k: String = row["key"]
                if key.map({ ExactText($0) != ExactText(k) }) ?? true {
                    flush()
                    key = k
                }
                ids[ExactText(row["coop_id"]), default: 0] += 1
                names[ExactText(row["coop_name"]), default: 0] += 1
                districts[ExactText(row["district"]), default: 0] += 1
            }
            flush()
            // SQLite compares text byte by byte: UTF-8 bytes sort as code points, so each
            // district's list is already in key order.
            var list: [CooperativeRef] = []
            list.reserveCapacity(byDistrict.values.reduce(0) { $0 + $1.count })
            for code in byDistrict.keys.sorted() { list += byDistrict.removeValue(forKey: code) ?? [] }
            return list
        }
    }

    /// Revenue of active lines per month and district, for months in `range`.
    public func revenue(in range: ClosedRange<Period>) throws -> [Period: [String: Int64]] {
        try read("summing revenue") { db in
            var out: [Period: [String: Int64]] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT period, district, SUM(revenue) AS revenue FROM line
                WHERE active = 1 AND period BETWEEN ? AND ? GROUP BY period, district
                """, arguments: [range.lowerBound.index, range.upperBound.index])
            for row in rows {
                guard let p = Period(index: row["period"]) else { continue }
                out[p, default: [:]][row["district"]] = row["revenue"]
            }
            return out
        }
    }

    /// Every file in the warehouse, sorted by path (then by ingest order), with its counts.
    public func fileSummaries() throws -> [FileSummary] {
        try read("listing files") { db in
            var lineCounts: [Int64: LineCounts] = [:]
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM file_stats")
            for row in rows {
                var c = LineCounts()
                c.superseded = row["superseded"]
                c.addWarnings(row)
                lineCounts[row["file_id"]] = c
            }
            var files: [(String, Int64, FileSummary)] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM file") {
                let id: Int64 = row["id"]
                var c = lineCounts[id] ?? LineCounts()
                c.read = row["read"]
                c.accepted = row["accepted"]
                c.rejected = row["rejected"]
                let text: String = row["file_warnings"]
                for entry in text.split(separator: "\n") {
                    let code = entry.split(separator: "\t", maxSplits: 1).first.map(String.init) ?? ""
                    if let d = DiagnosticCode(rawValue: code) { c.warnings[d, default: 0] += 1 }
                }
                let error: String? = row["error"]
                let summary = FileSummary(path: row["path"], sha256: row["sha256"],
                                          status: FileStatus(rawValue: row["status"]) ?? .ingested,
                                          error: error.flatMap(DiagnosticCode.init(rawValue:)),
                                          errorDetail: row["error_detail"], counts: c)
                files.append((summary.path, id, summary))
            }
            files.sort { a, b in
                if a.0 != b.0 { return CodePoint.less(a.0, b.0) }
                return a.1 < b.1
            }
            return files.map(\.2)
        }
    }

    /// Counts of the lines whose period is `period`, by district (SPEC 11 `quality.period`).
    public func periodQuality(_ period: Period) throws -> PeriodQualityCounts {
        try read("counting the lines of \(period)") { db in
            var districts: [String: LineCounts] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT COALESCE(district, 'unknown') AS d, COUNT(*) AS n, SUM(accepted) AS accepted,
                       SUM(accepted = 1 AND active = 0) AS superseded, \(LineCounts.warningSums)
                FROM line WHERE period = ? GROUP BY d
                """, arguments: [period.index])
            for row in rows {
                var c = LineCounts()
                c.read = row["n"]
                c.accepted = row["accepted"]
                c.rejected = c.read - c.accepted
                c.superseded = row["superseded"]
                c.addWarnings(row)
                districts[row["d"]] = c
            }
            var errors: [String: [DiagnosticCode: Int]] = [:]
            let codeRows = try Row.fetchAll(db, sql: """
                SELECT COALESCE(district, 'unknown') AS d, errors, COUNT(*) AS n FROM line
                WHERE period = ? AND accepted = 0 GROUP BY d, errors
                """, arguments: [period.index])
            for row in codeRows {
                let text: String = row["errors"] ?? ""
                let n: Int = row["n"]
                // Lines per code: a code named twice on a line counts once.
                for code in Set(text.split(separator: ",")) {
                    if let c = DiagnosticCode(rawValue: String(code)) { errors[row["d"], default: [:]][c, default: 0] += n }
                }
            }
            return PeriodQualityCounts(districts: districts, errorsByDistrict: errors)
        }
    }

    /// Visits the rejected lines whose period is `period`, and those whose period cannot be read,
    /// in read order (of one district, and at most `limit` of them, when given), without holding them.
    public func forEachRejectedLine(_ period: Period, district: String? = nil, limit: Int? = nil,
                                    _ body: (RejectedLine) throws -> Void) throws {
        try read("listing rejected lines") { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT l.id AS id, f.path, l.line_no, l.period, l.district, l.errors, l.diagnostics, l.raw
                FROM line l JOIN file f ON f.id = l.file_id
                WHERE l.accepted = 0 AND (l.period = ? OR l.period IS NULL) \(district == nil ? "" : "AND l.district = ?")
                ORDER BY l.id LIMIT ?
                """, arguments: StatementArguments([period.index] + (district.map { [$0] } ?? []) + [limit ?? -1]))
            while let row = try cursor.next() {
                let path: String = row["path"]
                let lineNo: Int = row["line_no"]
                let p: Int? = row["period"]
                let codes = (row["errors"] as String? ?? "").split(separator: ",")
                    .compactMap { DiagnosticCode(rawValue: String($0)) }
                let raw = LineRow.decodeRaw(row["raw"] ?? "[]")
                try body(RejectedLine(file: path, line: lineNo, period: p.flatMap(Period.init(index:)),
                                      district: row["district"], codes: codes,
                                      diagnostics: LineRow.decode(row["diagnostics"] ?? "", file: path, line: lineNo),
                                      raw: raw.values, rawText: raw.text))
            }
        }
    }

    /// How many rejected lines `forEachRejectedLine` visits.
    public func rejectedLineCount(_ period: Period, district: String? = nil) throws -> Int {
        try read("counting rejected lines") { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM line
                WHERE accepted = 0 AND (period = ? OR period IS NULL) \(district == nil ? "" : "AND district = ?")
                """, arguments: StatementArguments([period.index] + (district.map { [$0] } ?? []))) ?? 0
        }
    }

    /// Non-data files met by the latest run.
    public func latestSkipped() throws -> [String] {
        try read("listing skipped files") { db in
            try String.fetchAll(db, sql: """
                SELECT path FROM skipped WHERE run_id = (SELECT MAX(id) FROM run) ORDER BY rowid
                """)
        }
    }

    /// Whether the warehouse holds any line (accepted or rejected) of `period`.
    public func hasLines(_ period: Period) throws -> Bool {
        try read("looking for lines") { db in
            try Int.fetchOne(db, sql: "SELECT 1 FROM line WHERE period = ? LIMIT 1", arguments: [period.index]) != nil
        }
    }

    /// A fingerprint of the warehouse's content: changes whenever a file is recorded.
    public func contentStamp() throws -> String {
        try read("reading the history") { db in
            let files = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM file") ?? 0
            let last = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM file") ?? 0
            return "\(files)-\(last)"
        }
    }
}

/// The order in which active lines are visited.
public enum LineOrder: Sendable {
    /// Read order (SPEC 11): the order of the Data sheet.
    case read
    /// Grouped by district code, read order within each: one district's figures at a time.
    case district
}

/// Which cooperatives of a period a list names (SPEC 11).
public enum CooperativeFilter: Sendable {
    /// New cooperatives: no active line in an earlier period.
    case new
    /// No active line in the given period (the follow-up list names P-1's cooperatives absent from P).
    case absentFrom(Period)
}
