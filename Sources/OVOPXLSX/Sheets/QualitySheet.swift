import OVOPCore
import OVOPWarehouse

/// Kualitas Data: the accounting of every file, the period's lines per district, errors and warnings by code,
/// the cooperatives to call, the new ones, and every rejected line with its reason.
enum QualitySheet {
    /// At most this many cooperatives or rejected lines are listed per section (a sheet has 1 048 576 rows,
    /// and a list that long is read in rejects-P.csv / indicators-P.json instead); a note says how many more.
    static let listLimit = 10_000

    static func write(_ p: Page) throws {
        let ws = p.sheet, s = p.styles, q = p.report.quality
        var row = try p.titleBlock(p.template.format("xlsx.kualitas.title", ["period": p.period]))
        func section(_ key: String, _ headers: [String], spans: [ClosedRange<Int>]? = nil) throws {
            try ws.write(row, 0, p[key], s.heading, fit: false)
            if let spans {
                for (label, columns) in zip(headers, spans) { try ws.merge(row + 1, columns, p[label], s.header) }
            } else {
                try p.headerRow(row + 1, headers.map { p[$0] })
            }
            row += 2
        }
        func none() throws {
            try ws.write(row, 0, p["xlsx.kualitas.none"], s.note, fit: false)
            row += 1
        }
        func end() { row += 1 }
        func more(_ count: Int) throws {
            guard count > listLimit else { return }
            try ws.write(row, 0, p.template.format("xlsx.kualitas.more", ["count": String(count - listLimit)]), s.note, fit: false)
            row += 1
        }

        try section("xlsx.kualitas.totals", ["xlsx.kualitas.files", "xlsx.kualitas.read", "xlsx.kualitas.accepted",
                                              "xlsx.kualitas.rejected", "xlsx.kualitas.superseded", "xlsx.kualitas.duplicates"])
        for (i, v) in [q.totals.files, q.totals.read, q.totals.accepted, q.totals.rejected, q.totals.superseded,
                       q.totals.duplicates].enumerated() {
            try p.number(row, i, v, s.integer)
        }
        row += 1
        end()

        try section("xlsx.kualitas.per_file", ["xlsx.data.file", "xlsx.kualitas.read", "xlsx.kualitas.accepted",
                                                "xlsx.kualitas.rejected", "xlsx.kualitas.superseded", "xlsx.kualitas.warnings",
                                                "xlsx.kualitas.status", "xlsx.kualitas.file_error"])
        for f in q.files {
            try ws.write(row, 0, f.path, s.text)
            try counts(p, row, f.counts)
            try ws.write(row, 6, p["xlsx.kualitas.status_\(f.status.rawValue)"], s.text)
            if let e = f.error { try ws.write(row, 7, e.rawValue, s.text) }
            row += 1
        }
        if q.files.isEmpty { try none() }
        for path in q.skipped {
            try ws.write(row, 0, path, s.text)
            try ws.write(row, 6, p["xlsx.kualitas.status_skipped"], s.text)
            row += 1
        }
        end()

        try section("xlsx.kualitas.per_district", ["xlsx.common.district", "xlsx.kualitas.read", "xlsx.kualitas.accepted",
                                                    "xlsx.kualitas.rejected", "xlsx.kualitas.superseded", "xlsx.kualitas.warnings"])
        for code in p.report.districts.map(\.district.code) + ["unknown"] {
            let c = q.districts[code] ?? LineCounts()
            if code == "unknown" && c.read == 0 { continue }
            try ws.write(row, 0, code == "unknown" ? p["xlsx.kualitas.unknown_district"] : "\(code) \(p.districtName(code))", s.text)
            try counts(p, row, c)
            row += 1
        }
        end()

        try section("xlsx.kualitas.by_code", ["xlsx.kualitas.code", "xlsx.kualitas.count", "xlsx.kualitas.kind"],
                        spans: [0...0, 1...1, 2...4])
        let coded = q.errors.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0, $1, "xlsx.kualitas.kind_error") }
            + q.warnings.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0, $1, "xlsx.kualitas.kind_warning") }
        for (code, count, kind) in coded {
            try ws.write(row, 0, code.rawValue, s.text)
            try p.number(row, 1, count, s.integer)
            try ws.merge(row, 2...4, p[kind], s.text)
            row += 1
        }
        if coded.isEmpty { try none() }
        end()

        for (key, list) in [("xlsx.kualitas.follow_up", q.followUp), ("xlsx.kualitas.new_cooperatives", q.newCooperatives)] {
            try section(key, ["xlsx.data.cooperative_id", "xlsx.data.cooperative_name", "xlsx.common.district"],
                        spans: [0...0, 1...3, 4...6])
            for c in list.prefix(listLimit) {
                try ws.write(row, 0, c.id, s.text)
                try ws.merge(row, 1...3, c.name, s.text)
                try ws.merge(row, 4...6, "\(c.district) \(p.districtName(c.district))", s.text)
                row += 1
            }
            if list.isEmpty { try none() }
            try more(list.count)
            end()
        }

        try section("xlsx.kualitas.rejects", ["xlsx.data.file", "xlsx.data.line", "xlsx.kualitas.code", "xlsx.kualitas.message"],
                    spans: [0...0, 1...1, 2...3, 4...7])
        try p.report.rejects.forEach(limit: listLimit) { r in
            try ws.write(row, 0, r.file, s.text)
            try p.number(row, 1, r.line, s.integer)
            try ws.merge(row, 2...3, r.codes.map(\.rawValue).joined(separator: ", "), s.text)
            try p.paragraph(row, 4...7, r.diagnostics.map { $0.message(p.template.language) }.joined(separator: "; "),
                            width: 4 * 13 + 28)
            row += 1
        }
        if p.report.rejects.isEmpty { try none() }
        try more(p.report.rejects.count)
        try p.finish(repeatRows: 0...2, fixedWidths: [1: 13, 2: 13, 3: 13, 4: 13, 5: 13, 6: 28],
                     codeColumns: 0...2)
    }

    static func counts(_ p: Page, _ row: Int, _ c: LineCounts) throws {
        let s = p.styles
        try p.number(row, 1, c.read, s.integer)
        try p.number(row, 2, c.accepted, s.integer)
        try p.number(row, 3, c.rejected, s.integer)
        try p.number(row, 4, c.superseded, s.integer)
        try p.number(row, 5, c.warnings.values.reduce(0, +), s.integer)
    }
}
