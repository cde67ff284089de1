import Foundation
import Logging
import OVOPAnalytics
import OVOPTemplate
import OVOPXLSX

/// The renderers of a period's report, called with the staging folder (SPEC 7, 8, 9).
enum Renderers {
    static func render(_ report: PeriodReport, template: Template, meta: ReportMeta, into staging: URL,
                       logger: Logger) throws {
        // The workbook (issue 3) and the PDF with its charts (issue 4) are added here.
        let started = ContinuousClock.now
        try WorkbookRenderer.render(report, template: template, meta: meta, to: staging.appendingPathComponent(WorkbookRenderer.fileName(report.period)))
        logger.debug("workbook written in \(Pipeline.seconds(ContinuousClock.now - started)) s")
    }
}
