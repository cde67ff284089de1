import Foundation
import GRDB
import OVOPCore
import OVOPIngest

/// How one line verdict is written to and read from the `line` table.
enum LineRow {
    static let columns = [
        "file_id", "line_no", "period", "district", "accepted", "coop_key", "product_key", "coop_id",
        "coop_name", "kecamatan", "desa", "product", "category", "unit", "produced", "sold", "revenue",
        "export_revenue", "members", "workers", "channels", "certifications", "submitted_micros",
        "submitted_at", "w_sold", "w_channel", "w_certification", "w_subdistrict", "w_future", "errors",
        "diagnostics", "raw",
    ]

    static let insertSQL = "INSERT INTO line (\(columns.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"

    static func arguments(_ v: LineVerdict, fileID: Int64) -> StatementArguments {
        var values: [(any DatabaseValueConvertible)?] = [fileID, v.line, v.period?.index, v.district?.code]
        if let a = v.accepted {
            var counts: [DiagnosticCode: Int] = [:]
            for w in v.warnings { counts[w.code, default: 0] += 1 }
            values += [
                1, a.cooperativeKey, a.productKey, a.cooperativeID, a.cooperativeName, a.kecamatan, a.desa,
                a.product, a.category.rawValue, a.unit, a.unitsProduced.map { "\($0)" },
                a.unitsSold.map { "\($0)" }, a.revenue, a.exportRevenue, a.members, a.workers,
                Bits.channels(a.channels), Bits.certifications(a.certifications),
                a.submittedAt?.epochMicros, a.submittedAt?.iso8601,
                counts[.soldExceedsProduced] ?? 0, counts[.unknownChannel] ?? 0,
                counts[.unknownCertification] ?? 0, counts[.unknownSubdistrict] ?? 0,
                counts[.futurePeriod] ?? 0, nil, nil, nil,
            ]
        } else {
            let codes = Set(v.errors.map(\.code)).sorted().map(\.rawValue).joined(separator: ",")
            values += [0] + Array(repeating: nil, count: 19)
            values += [0, 0, 0, 0, 0, codes, encode(v.errors), encodeRaw(v)]
        }
        return StatementArguments(values)
    }

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
