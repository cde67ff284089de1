import OVOPTemplate

/// Kabupaten-Kota: every indicator of SPEC 6 per district, filterable, growth in green and red,
/// a data bar on the revenue share.
enum DistrictSheet {
    static func write(_ p: Page) throws {
        let ws = p.sheet, s = p.styles
        let columns = IndicatorColumn.all(p)
        // Ranges first: constant-memory mode flushes rows as they are written.
        let top = 4, first = top + 1, last = top + p.report.districts.count
        try ws.autofilter(CellRange(sheet: p.name, rows: top...last, columns: 0...(columns.count + 2)))
        for (i, column) in columns.enumerated() {
            let range = CellRange(sheet: p.name, rows: first...last, columns: (3 + i)...(3 + i))
            if column.isGrowth {
                try ws.conditionalFormat(range, .greaterThan(0, s.up))
                try ws.conditionalFormat(range, .lessThan(0, s.down))
            }
            if column.isRevenueShare {
                try ws.conditionalFormat(range, .dataBar(Theme.int(p.template.theme.palette[4])))
            }
        }
        let titled = try p.titleBlock(p.template.format("xlsx.kabupaten.title", ["period": p.period]))
        precondition(titled == top)
        let t = try p.indicatorTable(at: top, columns)
        try ws.write(t.total + 1, 0, p["xlsx.kabupaten.note"], s.note, fit: false)
        ws.freezePanes(row: t.header + 1, column: 3)
        try p.finish(repeatRows: t.header...t.header, fixedWidths: [0: 8, 1: 8], codeColumns: 0...1)
    }
}
