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
        let reach = p.book.addChart(.column)
        reach.setTitle(p.template.format("xlsx.pasar.chart_channels", ["period": p.period]))
        reach.addSeries(categories: CellRange(sheet: p.name, rows: a.header...a.header, columns: 3...(2 + channels.count)),
                        values: CellRange(sheet: p.name, rows: a.total...a.total, columns: 3...(2 + channels.count)),
                        colour: Theme.int(palette[2]))
        reach.setValueFormat("0%")
        reach.setValueMinimum(0)
        reach.setLegend(.none)
        try ws.insertChart(reach, row: b.total + 3, columns: 0...4, rows: 16)
        let certs = p.book.addChart(.column)
        certs.setTitle(p.template.format("xlsx.pasar.chart_certifications", ["period": p.period]))
        certs.addSeries(categories: CellRange(sheet: p.name, rows: b.header...b.header, columns: 3...(2 + certifications.count)),
                        values: CellRange(sheet: p.name, rows: b.total...b.total, columns: 3...(2 + certifications.count)),
                        colour: Theme.int(palette[3]))
        certs.setValueFormat("0%")
        certs.setValueMinimum(0)
        certs.setLegend(.none)
        try ws.insertChart(certs, row: b.total + 3, columns: 5...8, rows: 16)
    }
}
