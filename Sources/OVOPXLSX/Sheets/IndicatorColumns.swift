import OVOPAnalytics
import OVOPCore

/// A value of one indicator, as a cell shows it.
enum IndicatorValue {
    case count(Int64)
    case rupiah(Int64)
    case share(Double?)
    case text(String?)
}

/// One column of an indicator table: its header and how to read it from `Indicators`.
struct IndicatorColumn {
    var header: String
    var value: (Indicators) -> IndicatorValue
    var isGrowth = false
    var isRevenueShare = false

    /// Every indicator of SPEC 6, in its order, one column each (maps become one column per key).
    static func all(_ p: Page) -> [IndicatorColumn] {
        var c: [IndicatorColumn] = [
            .init(header: p["indicator.cooperatives"]) { .count(Int64($0.cooperatives)) },
            .init(header: p["indicator.villages"]) { .count(Int64($0.villages)) },
            .init(header: p["indicator.products"]) { .count(Int64($0.products)) },
            .init(header: p["indicator.lines"]) { .count(Int64($0.lines)) },
            .init(header: p["indicator.revenue"]) { .rupiah($0.revenue) },
            .init(header: p["indicator.revenue_share"], value: { .share($0.revenueShare) }, isRevenueShare: true),
            .init(header: p["indicator.export_revenue"]) { .rupiah($0.exportRevenue) },
            .init(header: p["indicator.export_share"]) { .share($0.exportShare) },
            .init(header: p["indicator.members"]) { .count($0.members) },
            .init(header: p["indicator.workers"]) { .count($0.workers) },
            .init(header: p["indicator.revenue_per_worker"]) { i in i.revenuePerWorker.map { .rupiah($0) } ?? .share(nil) },
        ]
        for category in Category.allCases {
            c.append(.init(header: p.template.format("xlsx.kabupaten.category_revenue", ["category": p["category.\(category.rawValue)"]])) {
                .rupiah($0.revenueByCategory[category] ?? 0)
            })
        }
        c += channelColumns(p)
        c.append(.init(header: p["indicator.certified_share"]) { .share($0.certifiedShare) })
        c += certificationColumns(p)
        c += [
            .init(header: p["indicator.leading_product"]) { .text($0.leadingProduct) },
            .init(header: p["indicator.leading_product_share"]) { .share($0.leadingProductShare) },
            .init(header: p["indicator.ovop_focus"]) { .share($0.ovopFocus) },
            .init(header: p["indicator.revenue_prev_month"]) { .rupiah($0.revenuePrevMonth) },
            .init(header: p["indicator.mom_growth"], value: { .share($0.momGrowth) }, isGrowth: true),
            .init(header: p["indicator.revenue_prev_year"]) { .rupiah($0.revenuePrevYear) },
            .init(header: p["indicator.yoy_growth"], value: { .share($0.yoyGrowth) }, isGrowth: true),
            .init(header: p["indicator.ytd_revenue"]) { .rupiah($0.ytdRevenue) },
        ]
        return c
    }

    static func channelColumns(_ p: Page) -> [IndicatorColumn] {
        Channel.allCases.map { channel in
            .init(header: p.template.format("xlsx.kabupaten.channel_reach", ["channel": p["channel.\(channel.rawValue)"]])) {
                .share($0.channelReach[channel] ?? nil)
            }
        }
    }

    static func certificationColumns(_ p: Page) -> [IndicatorColumn] {
        Certification.allCases.map { cert in
            .init(header: p.template.format("xlsx.kabupaten.certification_share", ["certification": p["certification.\(cert.rawValue)"]])) {
                .share($0.certificationShare[cert] ?? nil)
            }
        }
    }
}

extension Page {
    /// Writes one indicator value; `total` uses the province row's formats.
    func write(_ row: Int, _ column: Int, _ value: IndicatorValue, total: Bool = false) throws {
        let s = styles
        switch value {
        case .count(let n): try sheet.write(row, column, number: Double(n), total ? s.totalInteger : s.integer)
        case .rupiah(let n): try sheet.write(row, column, number: Double(n), total ? s.totalRupiah : s.rupiah)
        case .share(let v):
            if let v {
                try sheet.write(row, column, number: v, total ? s.totalPercent : s.percent)
            } else {
                try sheet.write(row, column, self["xlsx.common.not_available"], total ? s.totalText : s.text)
            }
        case .text(let t): try sheet.write(row, column, t ?? self["xlsx.common.not_available"], total ? s.totalText : s.text)
        }
    }

    /// A table of districts (code, BPS code, name, `columns`) with the province row; returns the rows used.
    @discardableResult
    func indicatorTable(at top: Int, _ columns: [IndicatorColumn]) throws -> (header: Int, first: Int, last: Int, total: Int) {
        try headerRow(top, [self["xlsx.common.code"], self["xlsx.common.bps_code"], self["xlsx.common.district"]]
                      + columns.map(\.header))
        var row = top + 1
        for d in report.districts {
            try sheet.write(row, 0, d.district.code, styles.text)
            try sheet.write(row, 1, d.district.bpsCode, styles.text)
            try sheet.write(row, 2, d.district.name, styles.text)
            for (i, column) in columns.enumerated() { try write(row, 3 + i, column.value(d.indicators)) }
            row += 1
        }
        try sheet.write(row, 0, "64", styles.totalText)
        try sheet.write(row, 1, "64", styles.totalText)
        try sheet.write(row, 2, self["xlsx.common.province"], styles.totalText)
        for (i, column) in columns.enumerated() { try write(row, 3 + i, column.value(report.province), total: true) }
        return (top, top + 1, row - 1, row)
    }
}
