import OVOPAnalytics
import OVOPCairo
import OVOPCharts

/// Page 3: the top ten products, revenue and exports by district, channel reach and certification.
enum MarketsPage {
    static func draw(_ doc: ReportDocument, charts: ReportCharts) throws {
        let t = doc.text
        var rect = doc.pageTitle(t["section.markets"], subtitle: t.period, in: doc.beginPage())
        doc.bookmark(t["section.markets"])
        for (chart, size) in [(charts.topProducts as any Chart, ReportCharts.Size.topProducts),
                              (charts.revenueAndExport, ReportCharts.Size.revenueAndExport)] {
            let (slot, rest) = rect.sliceTop(size.height, gap: Layout.gap)
            chart.draw(in: slot, on: doc.canvas, style: doc.style)
            rect = rest
        }
        let (row, _) = rect.sliceTop(ReportCharts.Size.half.height)
        let halves = row.columns(2, gap: Layout.gap)
        charts.channelReach.draw(in: halves[0], on: doc.canvas, style: doc.style)
        charts.certification.draw(in: halves[1], on: doc.canvas, style: doc.style)
        try doc.endPage()
    }
}
