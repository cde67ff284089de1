import OVOPTemplate

/// Tren: monthly revenue for the twelve months ending at the period, per district and for the province
/// (a row of SUM formulas), with a line chart per district.
enum TrendSheet {
    static func write(_ p: Page) throws {
        let ws = p.sheet, s = p.styles, trend = p.report.trend
        let header = try p.titleBlock(p.template.format("xlsx.tren.title", ["period": p.period]))
        try p.headerRow(header, [p["xlsx.common.code"], p["xlsx.common.district"]]
                        + trend.months.map(p.shortMonth))
        var row = header + 1
        for d in p.report.districts {
            try ws.write(row, 0, d.district.code, s.text)
            try ws.write(row, 1, d.district.name, s.text)
            for (k, value) in (trend.districts[d.district.code] ?? []).enumerated() {
                try p.number(row, 2 + k, value, s.rupiah)
            }
            row += 1
        }
        let first = header + 1, last = row - 1
        try ws.write(row, 0, "64", s.totalText)
        try ws.write(row, 1, p["xlsx.common.province"], s.totalText)
        for (k, value) in trend.province.enumerated() {
            let column = 2 + k
            try ws.writeFormula(row, column, "=SUM(\(CellRange(sheet: p.name, rows: first...last, columns: column...column).a1()))",
                                value: Double(value), s.totalRupiah)
        }
        let total = row
        try ws.write(total + 1, 0, p["xlsx.tren.note"], s.note, fit: false)

        ws.freezePanes(row: header + 1, column: 2)
        try p.finish(repeatRows: header...header, fixedWidths: [0: 8], codeColumns: 0...0)
        let chart = p.book.addChart(.line)
        chart.setTitle(p.template.format("xlsx.tren.chart", ["period": p.period]))
        let months = 2...(1 + trend.months.count)
        let palette = p.template.theme.palette
        for (k, r) in (first...last).enumerated() {
            chart.addSeries(categories: CellRange(sheet: p.name, rows: header...header, columns: months),
                            values: CellRange(sheet: p.name, rows: r...r, columns: months),
                            name: (p.name, r, 1), colour: Theme.int(palette[k % palette.count]), line: true)
        }
        chart.setValueFormat(p.millionsFormat)
        chart.setLegend(.right)
        try ws.insertChart(chart, row: total + 3, columns: 1...(1 + trend.months.count), rows: 22)
    }
}
