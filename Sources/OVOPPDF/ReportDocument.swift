import Foundation
import OVOPAnalytics
import OVOPCairo
import OVOPCharts
import OVOPCore

/// The PDF being written: its surface and canvas, the page frame (running header, page number, generation
/// date) and the bookmarks.
final class ReportDocument {
    let surface: PDFSurface
    let canvas: Canvas
    let style: ChartStyle
    let text: ReportText
    let meta: ReportMeta
    let pageCount: Int
    private(set) var pageNumber = 0

    init(url: URL, text: ReportText, style: ChartStyle, meta: ReportMeta, pageCount: Int) throws {
        surface = try PDFSurface(path: url, size: Layout.page)
        canvas = try Canvas(surface)
        self.text = text
        self.style = style
        self.meta = meta
        self.pageCount = pageCount
    }

    /// Title, author, subject, keywords and dates (from `meta`, so the bytes are reproducible).
    func setMetadata() {
        let date = ReportDocument.isoUTC(micros: meta.generatedMicros)
        surface.setMetadata(.title, "\(text.title) — \(text.period)")
        surface.setMetadata(.author, "\(text.template.office.unit), \(text.template.office.name)")
        surface.setMetadata(.subject, text.format("subject", ["period": text.period]))
        surface.setMetadata(.keywords, text.format("keywords", ["period": text.report.period.description]))
        surface.setMetadata(.creator, "ovop-report \(meta.toolVersion)")
        surface.setMetadata(.createDate, date)
        surface.setMetadata(.modDate, date)
    }

    /// Starts a page: draws the running header and the footer; returns the content rectangle.
    func beginPage() -> Rect {
        pageNumber += 1
        let s = style, c = canvas
        let width = Layout.page.width - 2 * Layout.marginX
        let font = s.labelFont
        c.draw(text.title, x: Layout.marginX, y: Layout.headerY, font: font.boldened, color: s.primary, width: width * 0.7)
        c.draw(text.period, x: Layout.marginX + width * 0.7, y: Layout.headerY, font: font, color: s.muted,
               width: width * 0.3, align: .right)
        c.strokeLine(Point(Layout.marginX, Layout.headerY + 14), Point(Layout.marginX + width, Layout.headerY + 14),
                     color: s.primary, width: 0.8)
        c.strokeLine(Point(Layout.marginX, Layout.footerY - 4), Point(Layout.marginX + width, Layout.footerY - 4),
                     color: s.grid, width: 0.6)
        let generated = text.format("generated", ["date": text.dateInWords(micros: meta.generatedMicros)])
        c.draw("\(generated) · \(text.template.office.unit)", x: Layout.marginX, y: Layout.footerY, font: s.sourceFont,
               color: s.muted, width: width * 0.75)
        c.draw(text.format("page", ["n": "\(pageNumber)", "m": "\(pageCount)"]), x: Layout.marginX + width * 0.75,
               y: Layout.footerY, font: s.sourceFont, color: s.muted, width: width * 0.25, align: .right)
        return Layout.content
    }

    /// Ends the page.
    func endPage() throws {
        try canvas.check("while drawing page \(pageNumber)")
        canvas.showPage()
    }

    /// Draws a page title (and an optional line under it); returns the rest of `rect`.
    func pageTitle(_ title: String, subtitle: String? = nil, in rect: Rect) -> Rect {
        let t = canvas.draw(title, x: rect.x, y: rect.y, font: Font(family: style.family, size: 16, bold: true),
                            color: style.primary, width: rect.width)
        var y = rect.y + t.height
        if let subtitle {
            y += canvas.draw(subtitle, x: rect.x, y: y, font: style.subtitleFont.sized(8.5), color: style.muted,
                             width: rect.width).height
        }
        return rect.inset(top: y - rect.y + 10)
    }

    /// A bookmark to the current page.
    @discardableResult
    func bookmark(_ title: String, parent: PDFSurface.Outline = .root, open: Bool = false) -> PDFSurface.Outline {
        surface.addOutline(title, page: pageNumber, parent: parent, open: open)
    }

    /// Finishes the file and reports any error Cairo kept.
    func finish() throws {
        try canvas.check("while drawing the report")
        try surface.finish()
    }

    /// `2026-11-18T01:33:20Z`: the form Cairo's PDF metadata dates take.
    static func isoUTC(micros: Int64) -> String {
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (y, m, d) = Clock.civil(fromDays: days)
        let s = seconds - days * 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(Int(s / 3600))):\(two(Int(s % 3600 / 60))):\(two(Int(s % 60)))Z"
    }
}
