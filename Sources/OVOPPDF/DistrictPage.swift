import OVOPAnalytics
import OVOPCairo
import OVOPCharts

/// One page per district: its key figures with month-on-month and year-on-year change, its 12-month trend,
/// its products and its villages.
enum DistrictPage {
    static func draw(_ doc: ReportDocument, district d: DistrictIndicators, report: PeriodReport, charts: ReportCharts,
                     villages: [VillageRow], parent: inout PDFSurface.Outline?) throws {
        let t = doc.text, s = doc.style, c = doc.canvas, n = s.numbers
        let kind = t["kind.\(d.district.kind)"]
        var rect = doc.pageTitle(d.district.name,
                                 subtitle: t.format("district.codes", ["kind": kind, "code": d.district.code, "bps": d.district.bpsCode]),
                                 in: doc.beginPage())
        if parent == nil { parent = doc.bookmark(t["section.districts"], open: true) }
        doc.bookmark("\(d.district.code) \(d.district.name)", parent: parent ?? .root)
        let i = d.indicators
        let tiles = FigureTiles(tiles: [
            .init(label: t.indicator("revenue"), value: n.rupiah(i.revenue),
                  note: t.format("figure.mom", ["growth": n.growth(i.momGrowth)]), noteColor: t.growthColor(i.momGrowth, style: s)),
            .init(label: t.indicator("yoy_growth"), value: n.growth(i.yoyGrowth),
                  note: t.format("figure.prev_year", ["value": n.rupiah(i.revenuePrevYear)]),
                  noteColor: nil),
            .init(label: t.indicator("ytd_revenue"), value: n.rupiah(i.ytdRevenue),
                  note: t.format("figure.of_province", ["share": n.percent(i.revenueShare)])),
            .init(label: t.indicator("export_revenue"), value: n.rupiah(i.exportRevenue),
                  note: t.format("figure.of_revenue", ["share": n.percent(i.exportShare)])),
            .init(label: t.indicator("cooperatives"), value: n.integer(Int64(i.cooperatives)),
                  note: "\(t.indicator("members")): \(n.integer(i.members))"),
            .init(label: t.indicator("villages"), value: n.integer(Int64(i.villages)),
                  note: "\(t.indicator("products")): \(n.integer(Int64(i.products)))"),
            .init(label: t.indicator("workers"), value: n.integer(i.workers),
                  note: t.format("figure.per_worker", ["value": i.revenuePerWorker.map(n.rupiah) ?? n.missing])),
            .init(label: t.indicator("leading_product"), value: i.leadingProduct ?? n.missing,
                  note: t.format("figure.of_revenue", ["share": n.percent(i.leadingProductShare)])),
        ], columns: 4, valueSize: 12)
        rect = rect.inset(top: tiles.draw(in: rect, on: c, style: s) + Layout.gap)

        if let chart = charts.districtTrend[d.district.code] {
            let (slot, rest) = rect.sliceTop(ReportCharts.Size.districtTrend.height, gap: Layout.gap)
            chart.draw(in: slot, on: c, style: s)
            rect = rest
        }

        // Products, by revenue.
        let products = report.products.filter { $0.district == d.district.code }
            .sorted { $0.revenue != $1.revenue ? $0.revenue > $1.revenue : $0.key < $1.key }
        let productTable = Table(columns: [
            .init(t["table.product"], weight: 3, wraps: true),
            .init(t["table.category"], weight: 1.4),
            .init(t.indicator("villages"), weight: 0.8, align: .right),
            .init(t.indicator("cooperatives"), weight: 1, align: .right),
            .init(t.indicator("revenue"), weight: 2, align: .right),
            .init(t.indicator("export_revenue"), weight: 1.9, align: .right),
            .init(t["table.mom"], weight: 1.3, align: .right),
        ], rows: products.prefix(8).map { p in
            [p.product, t.category(p.category), n.integer(Int64(p.villages)), n.integer(Int64(p.cooperatives)),
             n.rupiah(p.revenue), n.rupiah(p.exportRevenue), n.growth(p.momGrowth)]
        })
        rect = section(t.format("district.products", ["n": n.integer(Int64(products.count))]), in: rect, doc: doc)
        if products.isEmpty {
            rect = note(s.noData, in: rect, doc: doc)
        } else {
            rect = rect.inset(top: productTable.draw(in: rect, on: c, style: s) + 3)
            if products.count > 8 {
                rect = note(t.format("district.more_products", ["n": n.integer(Int64(products.count - 8))]), in: rect, doc: doc)
            }
        }
        rect = rect.inset(top: Layout.gap - 4)

        // Villages, by revenue, as many as the page holds.
        rect = section(t.format("district.villages", ["n": n.integer(Int64(villages.count))]), in: rect, doc: doc)
        var villageTable = Table(columns: [
            .init(t["table.village"], weight: 2.4, wraps: true),
            .init(t["table.kecamatan"], weight: 2.2, wraps: true),
            .init(t.indicator("leading_product"), weight: 2.6, wraps: true),
            .init(t.indicator("cooperatives"), weight: 1, align: .right),
            .init(t.indicator("revenue"), weight: 2, align: .right),
        ], rows: villages.map { v in
            [v.desa, v.kecamatan.isEmpty ? n.missing : v.kecamatan, v.leadingProduct, n.integer(Int64(v.cooperatives)),
             n.rupiah(v.revenue)]
        })
        if villages.isEmpty {
            _ = note(s.noData, in: rect, doc: doc)
        } else {
            let noteHeight = 14.0
            let fitting = villageTable.rowsFitting(width: rect.width, height: rect.height - noteHeight, canvas: c, style: s)
            villageTable.rows = Array(villageTable.rows.prefix(fitting))
            rect = rect.inset(top: villageTable.draw(in: rect, on: c, style: s) + 3)
            if fitting < villages.count {
                _ = note(t.format("district.more_villages", ["n": n.integer(Int64(villages.count - fitting))]), in: rect, doc: doc)
            }
        }
        try doc.endPage()
    }

    /// A section heading; returns the rest of `rect`.
    static func section(_ title: String, in rect: Rect, doc: ReportDocument) -> Rect {
        let m = doc.canvas.draw(title, x: rect.x, y: rect.y, font: doc.style.titleFont, color: doc.style.text, width: rect.width)
        return rect.inset(top: m.height + 4)
    }

    /// A small grey note; returns the rest of `rect`.
    static func note(_ text: String, in rect: Rect, doc: ReportDocument) -> Rect {
        let m = doc.canvas.draw(text, x: rect.x, y: rect.y, font: doc.style.sourceFont.sized(7), color: doc.style.muted,
                                width: rect.width, fit: .wrap(lines: 2))
        return rect.inset(top: m.height + 2)
    }
}
