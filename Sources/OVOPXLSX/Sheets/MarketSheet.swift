import OVOPCore
import OVOPTemplate

/// Pasar & Sertifikasi: channel reach and certification shares per district and for the province, with charts
/// of the province's figures.
enum MarketSheet {
    static func write(_ p: Page) throws {
        let ws = p.sheet, s = p.styles
        // The colour scales are declared before the rows (constant-memory mode flushes rows as they go).
        let n = p.report.districts.count
        let certificationCount = 1 + Certification.allCases.count
        let aFirst = 4 + 2, bFirst = aFirst + n + 1 + 3
        for (first, count) in [(aFirst, Channel.allCases.count), (bFirst, certificationCount)] {
            try ws.conditionalFormat(CellRange(sheet: p.name, rows: first...(first + n - 1), columns: 3...(2 + count)),
                                     .colourScale(low: 0xFFFFFF, high: 0x9BC2E6))
        }
        var row = try p.titleBlock(p.template.format("xlsx.pasar.title", ["period": p.period]))
        try ws.write(row, 0, p["xlsx.pasar.channels"], s.heading, fit: false)
        let channels = IndicatorColumn.channelColumns(p)
        let a = try p.indicatorTable(at: row + 1, channels)
        row = a.total + 2
        try ws.write(row, 0, p["xlsx.pasar.certifications"], s.heading, fit: false)
        let certifications = [IndicatorColumn(header: p["indicator.certified_share"]) { .share($0.certifiedShare) }]
            + IndicatorColumn.certificationColumns(p)
        let b = try p.indicatorTable(at: row + 1, certifications)
        precondition(a.first == aFirst && b.first == bFirst && certifications.count == certificationCount)
        try ws.write(b.total + 1, 0, p["xlsx.pasar.note"], s.note, fit: false)

        ws.freezePanes(row: a.header + 1, column: 3)
        try p.finish(repeatRows: a.header...a.header, fixedWidths: [0: 8, 1: 8], codeColumns: 0...1)
        let palette = p.template.theme.palette
        /// A column chart of one table's province shares (its total row), beside the other below the tables.
        func shareChart(_ titleKey: String, header: Int, total: Int, count: Int, colour: String,
                        at columns: ClosedRange<Int>) throws {
            let chart = p.book.addChart(.column)
            chart.setTitle(p.template.format(titleKey, ["period": p.period]))
            chart.addSeries(categories: CellRange(sheet: p.name, rows: header...header, columns: 3...(2 + count)),
                            values: CellRange(sheet: p.name, rows: total...total, columns: 3...(2 + count)),
                            colour: Theme.int(colour))
            chart.setValueFormat("0%")
            chart.setValueMinimum(0)
            chart.setLegend(.none)
            try ws.insertChart(chart, row: b.total + 3, columns: columns, rows: 16)
        }
        try shareChart("xlsx.pasar.chart_channels", header: a.header, total: a.total, count: channels.count,
                       colour: palette[2], at: 0...4)
        try shareChart("xlsx.pasar.chart_certifications", header: b.header, total: b.total, count: certifications.count,
                       colour: palette[3], at: 5...8)
    }
}
