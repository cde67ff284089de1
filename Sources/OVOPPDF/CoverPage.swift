import OVOPAnalytics
import OVOPCairo
import OVOPCharts

/// Page 1: the office, the title, the period in words, the province's key figures and the headline chart.
enum CoverPage {
    static func draw(_ doc: ReportDocument, report: PeriodReport, charts: ReportCharts) throws {
        let t = doc.text, s = doc.style, c = doc.canvas
        var rect = doc.beginPage()
        doc.bookmark(t["section.cover"])
        // The office block on a band of the primary colour.
        let band = Rect(x: rect.x, y: rect.y, width: rect.width, height: 150)
        c.fill(band, s.primary)
        let inner = band.inset(top: 16, left: 18, bottom: 14, right: 18)
        var y = inner.y
        y += c.draw(t.template.office.name.uppercased(), x: inner.x, y: y, font: s.labelFont.sized(8).boldened,
                    color: s.onPrimary, width: inner.width).height
        y += c.draw(t.template.office.unit, x: inner.x, y: y, font: s.labelFont.sized(8), color: s.onPrimary,
                    width: inner.width, fit: .wrap(lines: 2)).height + 14
        y += c.draw(t.title, x: inner.x, y: y, font: Font(family: s.family, size: 21, bold: true), color: s.onPrimary,
                    width: inner.width, fit: .wrap(lines: 2)).height + 2
        y += c.draw(t.template["report.subtitle"], x: inner.x, y: y, font: s.labelFont.sized(9), color: s.onPrimary,
                    width: inner.width, fit: .wrap(lines: 2)).height
        c.draw(t.period, x: inner.x, y: inner.maxY - 18, font: Font(family: s.family, size: 15, bold: true),
               color: s.onPrimary, width: inner.width)
        rect = rect.inset(top: band.height + 14)

        // Key figures of the province.
        c.draw(t["cover.key_figures"], x: rect.x, y: rect.y, font: s.titleFont, color: s.text, width: rect.width)
        rect = rect.inset(top: 17)
        let p = report.province, n = s.numbers
        let tiles = FigureTiles(tiles: [
            .init(label: t.indicator("revenue"), value: n.rupiah(p.revenue),
                  note: t.format("figure.mom", ["growth": n.growth(p.momGrowth)]), noteColor: t.growthColor(p.momGrowth, style: s),
                  sparkline: report.trend.province.map(Double.init)),
            .init(label: t.indicator("yoy_growth"), value: n.growth(p.yoyGrowth),
                  note: t.format("figure.prev_year", ["value": n.rupiah(p.revenuePrevYear)])),
            .init(label: t.indicator("ytd_revenue"), value: n.rupiah(p.ytdRevenue)),
            .init(label: t.indicator("export_revenue"), value: n.rupiah(p.exportRevenue),
                  note: t.format("figure.of_revenue", ["share": n.percent(p.exportShare)])),
            .init(label: t.indicator("cooperatives"), value: n.integer(Int64(p.cooperatives)),
                  note: "\(t.indicator("members")): \(n.integer(p.members))"),
            .init(label: t.indicator("villages"), value: n.integer(Int64(p.villages)),
                  note: "\(t.indicator("ovop_focus")): \(n.percent(p.ovopFocus))"),
            .init(label: t.indicator("products"), value: n.integer(Int64(p.products)),
                  note: "\(t.indicator("certified_share")): \(n.percent(p.certifiedShare))"),
            .init(label: t.indicator("workers"), value: n.integer(p.workers),
                  note: t.format("figure.per_worker", ["value": p.revenuePerWorker.map(n.rupiah) ?? n.missing])),
        ], columns: 4, valueSize: 12.5)
        rect = rect.inset(top: tiles.draw(in: rect, on: c, style: s) + Layout.gap + 4)

        // The headline chart, and the same figures in full in a table.
        let (slot, rest) = rect.sliceTop(ReportCharts.Size.revenueByDistrict.height, gap: Layout.gap)
        charts.revenueByDistrict.draw(in: slot, on: c, style: s)
        var rows = report.districts.map { d in
            let i = d.indicators
            return [d.district.name, n.rupiah(i.revenue), n.percent(i.revenueShare), n.growth(i.momGrowth),
                    n.growth(i.yoyGrowth), n.integer(Int64(i.cooperatives)), n.integer(Int64(i.villages))]
        }
        rows.append([t.template["report.province"], n.rupiah(p.revenue), n.percent(p.revenueShare), n.growth(p.momGrowth),
                     n.growth(p.yoyGrowth), n.integer(Int64(p.cooperatives)), n.integer(Int64(p.villages))])
        Table(columns: [
            .init(t["table.district"], weight: 2.4, wraps: true),
            .init(t.indicator("revenue"), weight: 2.4, align: .right),
            .init(t.indicator("revenue_share"), weight: 1.4, align: .right),
            .init(t.indicator("mom_growth"), weight: 1.6, align: .right),
            .init(t.indicator("yoy_growth"), weight: 1.6, align: .right),
            .init(t.indicator("cooperatives"), weight: 1.5, align: .right),
            .init(t.indicator("villages"), weight: 1.1, align: .right),
        ], rows: rows, boldRows: [rows.count - 1], fontSize: 7).draw(in: rest, on: c, style: s)
        try doc.endPage()
    }
}
