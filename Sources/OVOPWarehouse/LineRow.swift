import Foundation
import GRDB
import GRDBSQLite
import OVOPCore
import OVOPIngest

/// How one line verdict is written to and read from the `line` table.
enum LineRow {
    static let columns = [
        "file_id", "line_no", "period", "district", "accepted", "active", "coop", "prod", "coop_id",
        "coop_name", "kecamatan", "desa", "product", "category", "unit", "produced", "sold", "revenue",
        "export_revenue", "members", "workers", "channels", "certifications", "submitted_micros",
        "submitted_offset", "w_sold", "w_channel", "w_certification", "w_subdistrict", "w_future", "errors",
        "diagnostics", "raw",
    ]

    static let insertSQL = "INSERT INTO line (\(columns.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"

    /// Diagnostics as text: one per line, fields separated by tabs (code, field, raw, detail).
    static func encode(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { d in
            [d.code.rawValue, d.field?.rawValue ?? "", clean(d.raw ?? ""), clean(d.detail ?? "")]
                .joined(separator: "\t")
        }.joined(separator: "\n")
    }

    static func decode(_ text: String, file: String, line: Int) -> [Diagnostic] {
        text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { row in
            let parts = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, let code = DiagnosticCode(rawValue: parts[0]) else { return nil }
            return Diagnostic(code: code, file: file, line: line, field: Field(rawValue: parts[1]),
                              raw: parts[2].isEmpty ? nil : parts[2],
                              detail: parts[3].isEmpty ? nil : parts[3])
        }
    }

    private static func clean(_ s: String) -> String {
        String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    /// Raw values as a JSON array (18 fields then the record text).
    static func encodeRaw(_ v: LineVerdict) -> String {
        let array: [Any] = v.raw.map { $0.map { $0 as Any } ?? NSNull() } + [v.rawText.map { $0 as Any } ?? NSNull()]
        guard let data = try? JSONSerialization.data(withJSONObject: array),
              let s = String(data: data, encoding: .utf8) else { return "[]" }
        return s
    }

    static func decodeRaw(_ text: String) -> (values: [String?], text: String?) {
        guard let data = text.data(using: .utf8),
              let array = try? JSONSerialization.jsonObject(with: data) as? [Any] else {
            return (Array(repeating: nil, count: Field.allCases.count), nil)
        }
        let strings = array.map { $0 as? String }
        let count = Field.allCases.count
        let values = Array(strings.prefix(count)) + Array(repeating: nil, count: max(0, count - strings.count))
        return (values, strings.count > count ? strings[count] : nil)
    }
}

/// Writes line rows through one prepared statement, binding values straight to SQLite:
/// the hot path of a bulk load (GRDB's argument arrays box every value).
final class LineInserter {
    private let statement: Statement
    private let handle: OpaquePointer
    private let db: Database

    init(_ db: Database) throws {
        self.db = db
        statement = try db.makeStatement(sql: LineRow.insertSQL)
        handle = statement.sqliteStatement
    }

    /// Inserts one verdict; returns the new line's id (its read order).
    func insert(_ v: LineVerdict, fileID: Int64, active: Bool, cooperative: Int64?, product: Int64?) throws -> Int64 {
        sqlite3_reset(handle)
        var i: Int32 = 0
        func int(_ value: Int64?) {
            i += 1
            if let value { sqlite3_bind_int64(handle, i, value) } else { sqlite3_bind_null(handle, i) }
        }
        func text(_ value: String?) {
            i += 1
            guard let value else { sqlite3_bind_null(handle, i); return }
            // SQLITE_TRANSIENT: SQLite copies the text before the closure's buffer goes away.
            _ = value.utf8CString.withUnsafeBufferPointer { buffer in
                sqlite3_bind_text(handle, i, buffer.baseAddress, Int32(buffer.count - 1),
                                  unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
        }
        func real(_ value: Decimal?) {
            i += 1
            guard let value else { sqlite3_bind_null(handle, i); return }
            sqlite3_bind_double(handle, i, NSDecimalNumber(decimal: value).doubleValue)
        }
        int(fileID)
        int(Int64(v.line))
        int(v.period.map { Int64($0.index) })
        text(v.district?.code)
        if let a = v.accepted {
            var counts: [DiagnosticCode: Int64] = [:]
            for w in v.warnings { counts[w.code, default: 0] += 1 }
            int(1)
            int(active ? 1 : 0)
            int(cooperative)
            int(product)
            text(a.cooperativeID)
            text(a.cooperativeName)
            text(a.kecamatan)
            text(a.desa)
            text(a.product)
            text(a.category.rawValue)
            text(a.unit)
            real(a.unitsProduced)
            real(a.unitsSold)
            int(a.revenue)
            int(a.exportRevenue)
            int(a.members)
            int(a.workers)
            int(Int64(Bits.channels(a.channels)))
            int(Int64(Bits.certifications(a.certifications)))
            int(a.submittedAt?.epochMicros)
            int(a.submittedAt.map { Int64($0.offsetSeconds) })
            for code in [DiagnosticCode.soldExceedsProduced, .unknownChannel, .unknownCertification,
                         .unknownSubdistrict, .futurePeriod] {
                int(counts[code] ?? 0)
            }
            text(nil)
            text(nil)
            text(nil)
        } else {
            int(0)
            int(0)
            for _ in 0..<19 { int(nil) }
            for _ in 0..<5 { int(0) }
            text(Set(v.errors.map(\.code)).sorted().map(\.rawValue).joined(separator: ","))
            text(LineRow.encode(v.errors))
            text(LineRow.encodeRaw(v))
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: LineRow.insertSQL)
        }
        return db.lastInsertedRowID
    }
}

/// Sets of channels and certifications as bit masks, in `allCases` order.
public enum Bits {
    public static func channels(_ set: Set<Channel>) -> Int {
        Channel.allCases.enumerated().reduce(0) { $0 | (set.contains($1.element) ? 1 << $1.offset : 0) }
    }

    public static func certifications(_ set: Set<Certification>) -> Int {
        Certification.allCases.enumerated().reduce(0) { $0 | (set.contains($1.element) ? 1 << $1.offset : 0) }
    }

    public static func has(_ mask: Int, _ channel: Channel) -> Bool {
        mask & (1 << Channel.allCases.firstIndex(of: channel)!) != 0
    }

    public static func has(_ mask: Int, _ certification: Certification) -> Bool {
        mask & (1 << Certification.allCases.firstIndex(of: certification)!) != 0
    }
}
