import Foundation
import Logging
import OVOPAnalytics
import OVOPPDF
import OVOPTemplate

/// The renderers of a period's report, called with the staging folder (SPEC 7, 8, 9).
enum Renderers {
    static func render(_ report: PeriodReport, template: Template, meta: ReportMeta, into staging: URL,
                       logger: Logger) throws {
        // The workbook (issue 3) and the PDF with its charts (issue 4) are added here.
        let start = DispatchTime.now().uptimeNanoseconds
        try ReportRenderer.render(report, template: template, meta: meta,
                                  pdf: staging.appendingPathComponent("ovop-kaltim-\(report.period).pdf"),
                                  chartsFolder: staging.appendingPathComponent("charts"))
        logger.debug("pdf: rendered in \((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000) ms")
    }
}
