import OVOPAnalytics
import OVOPTemplate

/// Ringkasan: title, key figures, the district table with a province row of formulas, the 12-month trend,
/// a bar chart of revenue by district and a line chart of the trend.
enum SummarySheet {
    /// Columns of the district table (C = revenue, so the key figures above line up with it).
    static let code = 0, name = 1, revenue = 2, share = 3, export = 4, exportShare = 5, prevMonth = 6, mom = 7,
               prevYear = 8, yoy = 9, cooperatives = 10, villages = 11, products = 12, lines = 13

    static func write(_ p: Page) throws {
        let s = p.styles, ws = p.sheet, province = p.report.province
        var row = try p.titleBlock(p["report.title"])

        // Where the province row will be: the key figures point at it.
        let keyCount = 8
        let tableHeader = row + 1 + keyCount + 1 + 1
        let first = tableHeader + 1, last = first + p.report.districts.count - 1, total = last + 1
        func cell(_ column: Int) -> String { CellRange.a1(total, column) }

        // Declared before any row is written (constant-memory mode flushes rows as they go).
        for column in [mom, yoy] {
            let range = CellRange(sheet: p.name, rows: first...last, columns: column...column)
            try ws.conditionalFormat(range, .greaterThan(0, s.up))
            try ws.conditionalFormat(range, .lessThan(0, s.down))
        }
        try ws.write(row, 0, p["xlsx.ringkasan.key_figures"], s.heading, fit: false)
        row += 1
        func key(_ label: String, formula: String?, value: Double?, _ format: Format) throws {
            try ws.write(row, 1, label, s.keyLabel)
            if let value, let formula {
                try ws.writeFormula(row, 2, formula, value: value, format)
            } else if let value {
                try ws.write(row, 2, number: value, format)
            } else {
                try ws.write(row, 2, p["xlsx.common.not_available"], s.keyText)
            }
            row += 1
        }
        try key(p["indicator.revenue"], formula: "=\(cell(revenue))", value: Double(province.revenue), s.keyRupiah)
        try key(p["indicator.cooperatives"], formula: "=\(cell(cooperatives))", value: Double(province.cooperatives), s.keyInteger)
        try key(p["indicator.villages"], formula: "=\(cell(villages))", value: Double(province.villages), s.keyInteger)
        try key(p["indicator.products"], formula: "=\(cell(products))", value: Double(province.products), s.keyInteger)
        try key(p["indicator.export_share"], formula: "=\(cell(exportShare))", value: province.exportShare, s.keyPercent)
        try key(p["indicator.mom_growth"], formula: "=\(cell(mom))", value: province.momGrowth, s.keyPercent)
        try key(p["indicator.yoy_growth"], formula: "=\(cell(yoy))", value: province.yoyGrowth, s.keyPercent)
        try key(p["indicator.ytd_revenue"], formula: nil, value: Double(province.ytdRevenue), s.keyRupiah)
        row += 1

        try ws.write(row, 0, p["xlsx.ringkasan.district_table"], s.heading, fit: false)
        row += 1
        precondition(row == tableHeader)
        try p.headerRow(row, [
            p["xlsx.common.code"], p["xlsx.common.district"], p["indicator.revenue"], p["indicator.revenue_share"],
            p["indicator.export_revenue"], p["indicator.export_share"], p["indicator.revenue_prev_month"],
            p["indicator.mom_growth"], p["indicator.revenue_prev_year"], p["indicator.yoy_growth"],
            p["indicator.cooperatives"], p["indicator.villages"], p["indicator.products"], p["indicator.lines"],
        ])
        row += 1
        for d in p.report.districts {
            let i = d.indicators
            try ws.write(row, code, d.district.code, s.text)
            try ws.write(row, name, d.district.name, s.text)
            try p.number(row, revenue, i.revenue, s.rupiah)
            try p.optional(row, share, i.revenueShare, s.percent)
            try p.number(row, export, i.exportRevenue, s.rupiah)
            try p.optional(row, exportShare, i.exportShare, s.percent)
            try p.number(row, prevMonth, i.revenuePrevMonth, s.rupiah)
            try p.optional(row, mom, i.momGrowth, s.percent)
            try p.number(row, prevYear, i.revenuePrevYear, s.rupiah)
            try p.optional(row, yoy, i.yoyGrowth, s.percent)
            try p.number(row, cooperatives, i.cooperatives, s.integer)
            try p.number(row, villages, i.villages, s.integer)
            try p.number(row, products, i.products, s.integer)
            try p.number(row, lines, i.lines, s.integer)
            row += 1
        }
        precondition(row == total)
        try writeProvinceRow(p, row: total, first: first, last: last)
        row = total + 1
        try ws.write(row, 0, p["xlsx.ringkasan.note_total"], s.note, fit: false)
        row += 2

        // The 12-month trend of the province, which the line chart reads.
        try ws.write(row, 0, p.template.format("xlsx.ringkasan.trend_table", ["period": p.period]), s.heading, fit: false)
        row += 1
        try p.headerRow(row, [p["xlsx.common.month"], p["indicator.revenue"]], from: 1)
        row += 1
        let trendFirst = row
        for (month, value) in zip(p.report.trend.months, p.report.trend.province) {
            try ws.write(row, 1, p.shortMonth(month), s.text)
            try p.number(row, 2, value, s.rupiah)
            row += 1
        }
        let trendLast = row - 1
        row += 1

        try p.finish(repeatRows: 0...2, fixedWidths: [code: 9], codeColumns: 0...0)

        // Charts beside the trend table, sized to the fitted columns (so they never overlap).
        let bars = p.book.addChart(.bar)
        bars.setTitle(p.template.format("xlsx.ringkasan.chart_revenue", ["period": p.period]))
        bars.addSeries(categories: CellRange(sheet: p.name, rows: first...last, columns: name...name),
                       values: CellRange(sheet: p.name, rows: first...last, columns: revenue...revenue),
                       colour: Theme.int(p.template.theme.palette[0]))
        bars.reverseCategories()
        bars.setValueFormat(p.millionsFormat)
        bars.setLegend(.none)
        let chartRow = trendFirst - 2
        try ws.insertChart(bars, row: chartRow, columns: export...prevYear, rows: trendLast - chartRow + 3)
        let line = p.book.addChart(.line)
        line.setTitle(p.template.format("xlsx.ringkasan.chart_trend", ["period": p.period]))
        line.addSeries(categories: CellRange(sheet: p.name, rows: trendFirst...trendLast, columns: 1...1),
                       values: CellRange(sheet: p.name, rows: trendFirst...trendLast, columns: 2...2),
                       colour: Theme.int(p.template.theme.palette[1]), line: true)
        line.setValueFormat(p.millionsFormat)
        line.setLegend(.none)
        try ws.insertChart(line, row: chartRow, columns: yoy...lines, rows: trendLast - chartRow + 3)
        _ = row
        ws.hideGridlines()
        ws.activate()
    }

    /// The province row: sums and ratios as formulas carrying the indicators' values; distinct counts
    /// (cooperatives, villages, products) are written as values, because they are not sums of the districts.
    static func writeProvinceRow(_ p: Page, row: Int, first: Int, last: Int) throws {
        let s = p.styles, ws = p.sheet, i = p.report.province
        func sum(_ column: Int) -> String {
            "=SUM(\(CellRange(sheet: p.name, rows: first...last, columns: column...column).a1()))"
        }
        func at(_ column: Int) -> String { CellRange.a1(row, column) }
        func ratio(_ column: Int, _ formula: String, _ value: Double?) throws {
            if let value {
                try ws.writeFormula(row, column, formula, value: value, s.totalPercent)
            } else {
                try ws.write(row, column, p["xlsx.common.not_available"], s.totalText)
            }
        }
        try ws.write(row, code, "64", s.totalText)
        try ws.write(row, name, p["xlsx.common.province"], s.totalText)
        try ws.writeFormula(row, revenue, sum(revenue), value: Double(i.revenue), s.totalRupiah)
        try ratio(share, "=\(at(revenue))/\(at(revenue))", i.revenueShare)
        try ws.writeFormula(row, export, sum(export), value: Double(i.exportRevenue), s.totalRupiah)
        try ratio(exportShare, "=\(at(export))/\(at(revenue))", i.exportShare)
        try ws.writeFormula(row, prevMonth, sum(prevMonth), value: Double(i.revenuePrevMonth), s.totalRupiah)
        try ratio(mom, "=\(at(revenue))/\(at(prevMonth))-1", i.momGrowth)
        try ws.writeFormula(row, prevYear, sum(prevYear), value: Double(i.revenuePrevYear), s.totalRupiah)
        try ratio(yoy, "=\(at(revenue))/\(at(prevYear))-1", i.yoyGrowth)
        try ws.write(row, cooperatives, number: Double(i.cooperatives), s.totalInteger)
        try ws.write(row, villages, number: Double(i.villages), s.totalInteger)
        try ws.write(row, products, number: Double(i.products), s.totalInteger)
        try ws.writeFormula(row, lines, sum(lines), value: Double(i.lines), s.totalInteger)
    }
}
