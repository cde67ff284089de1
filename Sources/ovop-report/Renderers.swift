import Foundation
import Logging
import OVOPAnalytics
import OVOPCore
import OVOPPDF
import OVOPTemplate
import OVOPXLSX

/// The renderers of a period's report, called with the staging folder (SPEC 7, 8, 9, 10).
enum Renderers {
    static func render(_ report: PeriodReport, template: Template, meta: ReportMeta, into staging: URL,
                       logger: Logger) throws {
        let p = report.period.description
        try timed("workbook", logger) {
            try WorkbookRenderer.render(report, template: template, meta: meta,
                                        to: staging.appendingPathComponent(WorkbookRenderer.fileName(report.period)))
        }
        try timed("pdf", logger) {
            try ReportRenderer.render(report, template: template, meta: meta,
                                      pdf: staging.appendingPathComponent("ovop-kaltim-\(p).pdf"),
                                      chartsFolder: staging.appendingPathComponent("charts"))
        }
        // One set of files per district office, named by the Kemendagri code (the undotted codes collide).
        let folder = staging.appendingPathComponent("kabupaten")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try timed("district files", logger) {
            for district in report.districts.map(\.district) {
                let scoped = try report.scoped(to: district)
                let t = scopedTemplate(template, district)
                let base = "\(district.code)-\(district.slug)-\(p)"
                try WorkbookRenderer.render(scoped, template: t, meta: meta,
                                            to: folder.appendingPathComponent("\(base).xlsx"))
                try ReportRenderer.render(scoped, template: t, meta: meta,
                                          pdf: folder.appendingPathComponent("\(base).pdf"), chartsFolder: nil)
            }
        }
    }

    /// The template with the province's words replaced by the district's, for its own files:
    /// every `scope.overrides.KEY` label replaces label KEY, with `{name}` (the district) and
    /// `{title}` (the report's title) filled in.
    static func scopedTemplate(_ template: Template, _ district: District) -> Template {
        var t = template
        let name = template.format("scope.name", ["kind": template["scope.kind.\(district.kind)"], "name": district.name])
        let prefix = "scope.overrides."
        for (key, text) in template.labels where key.hasPrefix(prefix) {
            t.labels[String(key.dropFirst(prefix.count))] = text.replacingOccurrences(of: "{name}", with: name)
                .replacingOccurrences(of: "{title}", with: template["report.title"])
        }
        return t
    }

    static func timed(_ what: String, _ logger: Logger, _ body: () throws -> Void) throws {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        logger.debug("\(what): rendered in \((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000) ms\(Pipeline.peakMemory())")
    }
}
