import OVOPAnalytics
import OVOPCairo
import OVOPCharts
import OVOPCore

/// The last page: the accounting of lines, counts by district, errors and warnings by code, the follow-up
/// list, and where the rejected lines are.
enum QualityPage {
    static func draw(_ doc: ReportDocument, report: PeriodReport) throws {
        let t = doc.text, s = doc.style, c = doc.canvas, n = s.numbers
        var rect = doc.pageTitle(t["section.quality"], subtitle: t.period, in: doc.beginPage())
        doc.bookmark(t["section.quality"])
        let q = report.quality, totals = q.totals
        rect = DistrictPage.section(t["quality.all_files"], in: rect, doc: doc)
        let tiles = FigureTiles(tiles: [
            .init(label: t["quality.files"], value: n.integer(Int64(totals.files)),
                  note: t.format("quality.duplicates", ["n": n.integer(Int64(totals.duplicates))])),
            .init(label: t["quality.read"], value: n.integer(Int64(totals.read))),
            .init(label: t["quality.accepted"], value: n.integer(Int64(totals.accepted)),
                  note: t.format("quality.superseded_note", ["n": n.integer(Int64(totals.superseded))])),
            .init(label: t["quality.rejected"], value: n.integer(Int64(totals.rejected)),
                  noteColor: totals.rejected > 0 ? s.negative : nil),
        ], columns: 4, valueSize: 12)
        rect = rect.inset(top: tiles.draw(in: rect, on: c, style: s) + Layout.gap)

        // Lines of the period by district.
        rect = DistrictPage.section(t["quality.by_district"], in: rect, doc: doc)
        var rows: [[String]] = []
        var sum = [0, 0, 0, 0, 0]
        var keys = report.districts.map { ($0.district.code, "\($0.district.code) \($0.district.name)") }
        if q.districts["unknown"] != nil { keys.append(("unknown", t["quality.unknown_district"])) }
        for (code, name) in keys {
            let k = q.districts[code]
            let counts = [k?.read ?? 0, k?.accepted ?? 0, k?.rejected ?? 0, k?.superseded ?? 0,
                          k?.warnings.values.reduce(0, +) ?? 0]
            rows.append([name] + counts.map { n.integer(Int64($0)) })
            for j in sum.indices { sum[j] += counts[j] }
        }
        rows.append([t["quality.total"]] + sum.map { n.integer(Int64($0)) })
        let byDistrict = Table(columns: [
            .init(t["table.district"], weight: 3, wraps: true),
            .init(t["quality.read"], weight: 1.2, align: .right),
            .init(t["quality.accepted"], weight: 1.2, align: .right),
            .init(t["quality.rejected"], weight: 1.2, align: .right),
            .init(t["quality.superseded"], weight: 1.2, align: .right),
            .init(t["quality.warnings"], weight: 1.2, align: .right),
        ], rows: rows, boldRows: [rows.count - 1])
        rect = rect.inset(top: byDistrict.draw(in: rect, on: c, style: s) + 4)
        let rejectsFile = "rejects-\(report.period.description).csv"
        rect = DistrictPage.note(t.format("quality.rejects_pointer", ["n": n.integer(Int64(report.rejects.count)),
                                                                      "file": rejectsFile]), in: rect, doc: doc)
        rect = rect.inset(top: Layout.gap)

        // Errors and warnings by code, side by side with the follow-up list.
        let columns = rect.columns(2, gap: Layout.gap)
        var left = DistrictPage.section(t["quality.by_code"], in: columns[0], doc: doc)
        let codes = (q.errors.map { ($0.key, $0.value, false) } + q.warnings.map { ($0.key, $0.value, true) })
            .sorted { $0.2 != $1.2 ? !$0.2 : $0.0 < $1.0 }
        if codes.isEmpty {
            left = DistrictPage.note(t["quality.no_problems"], in: left, doc: doc)
        } else {
            let table = Table(columns: [
                .init(t["quality.code"], weight: 3),
                .init(t["quality.kind"], weight: 1.5),
                .init(t["quality.lines"], weight: 1.1, align: .right),
            ], rows: codes.map { [$0.0.rawValue, $0.2 ? t["quality.warning"] : t["quality.error"], n.integer(Int64($0.1))] })
            left = left.inset(top: table.draw(in: left, on: c, style: s) + 3)
            left = DistrictPage.note(t["quality.codes_note"], in: left, doc: doc)
        }

        var right = DistrictPage.section(t.format("quality.follow_up", ["n": n.integer(Int64(q.followUp.count))]),
                                         in: columns[1], doc: doc)
        right = DistrictPage.note(t["quality.follow_up_note"], in: right, doc: doc)
        let names = Dictionary(uniqueKeysWithValues: report.districts.map { ($0.district.code, $0.district.name) })
        if q.followUp.isEmpty {
            right = DistrictPage.note(t["quality.follow_up_none"], in: right, doc: doc)
        } else {
            var table = Table(columns: [
                .init(t["quality.coop_id"], weight: 2, wraps: true),
                .init(t["quality.coop_name"], weight: 2.7, wraps: true),
                .init(t["table.district"], weight: 1.8, wraps: true),
            ], rows: q.followUp.map { [$0.id, $0.name, names[$0.district] ?? $0.district] })
            let fitting = table.rowsFitting(width: right.width, height: right.height - 30, canvas: c, style: s)
            table.rows = Array(table.rows.prefix(fitting))
            right = right.inset(top: table.draw(in: right, on: c, style: s) + 3)
            if fitting < q.followUp.count {
                right = DistrictPage.note(t.format("quality.follow_up_more", ["n": n.integer(Int64(q.followUp.count - fitting))]),
                                          in: right, doc: doc)
            }
        }
        right = DistrictPage.note(t.format("quality.new_cooperatives", ["n": n.integer(Int64(q.newCooperatives.count))]),
                                  in: right.inset(top: 4), doc: doc)
        try doc.endPage()
    }
}
