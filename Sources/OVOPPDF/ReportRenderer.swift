import Foundation
import OVOPAnalytics
import OVOPCairo
import OVOPCharts
import OVOPTemplate

/// The PDF report of a period and its charts as PNG files (SPEC 9, issue 4).
public enum ReportRenderer {
    /// Writes the report to `pdf` and one PNG per main chart and per district into `chartsFolder`
    /// (no PNG when `chartsFolder` is nil: a district office's PDF needs none).
    public static func render(_ report: PeriodReport, template: Template, meta: ReportMeta, pdf: URL,
                              chartsFolder: URL?) throws {
        let text = ReportText(template: template, report: report)
        let style = ChartStyle(template: template, numbers: text.numbers)
        let charts = ReportCharts(report, text: text)
        let villages = try Villages.collect(report)

        // cover + trends + markets + one page per district + quality
        let doc = try ReportDocument(url: pdf, text: text, style: style, meta: meta,
                                     pageCount: 4 + report.districts.count)
        doc.setMetadata()
        try CoverPage.draw(doc, report: report, charts: charts)
        try TrendsPage.draw(doc, charts: charts)
        try MarketsPage.draw(doc, charts: charts)
        var parent: PDFSurface.Outline?
        for district in report.districts {
            try DistrictPage.draw(doc, district: district, report: report, charts: charts,
                                  villages: villages[district.district.code] ?? [], parent: &parent)
        }
        try QualityPage.draw(doc, report: report)
        try doc.finish()

        guard let chartsFolder else { return }
        try FileManager.default.createDirectory(at: chartsFolder, withIntermediateDirectories: true)
        for file in charts.files(report) {
            try file.chart.writePNG(to: chartsFolder.appendingPathComponent(file.name), size: file.size, scale: 2, style: style)
        }
    }
}
