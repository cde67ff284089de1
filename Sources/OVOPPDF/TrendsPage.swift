import OVOPAnalytics
import OVOPCairo
import OVOPCharts

/// Page 2: the province's and the districts' 12-month trends, and revenue by category.
enum TrendsPage {
    static func draw(_ doc: ReportDocument, charts: ReportCharts) throws {
        let t = doc.text
        var rect = doc.pageTitle(t["section.trends"], subtitle: t.span, in: doc.beginPage())
        doc.bookmark(t["section.trends"])
        for (chart, size) in [(charts.provinceTrend as any Chart, ReportCharts.Size.provinceTrend),
                              (charts.districtTrends, ReportCharts.Size.districtTrends),
                              (charts.revenueByCategory, ReportCharts.Size.revenueByCategory)] {
            let (slot, rest) = rect.sliceTop(size.height, gap: Layout.gap)
            chart.draw(in: slot, on: doc.canvas, style: doc.style)
            rect = rest
        }
        try doc.endPage()
    }
}
