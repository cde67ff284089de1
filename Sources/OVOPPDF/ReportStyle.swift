import OVOPAnalytics
import OVOPCairo
import OVOPCharts
import OVOPCore
import OVOPTemplate

/// The page geometry of the report: A4 portrait, in points.
enum Layout {
    static let page = PDFSurface.a4
    static let marginX = 42.0
    static let headerY = 26.0
    static let contentTop = 54.0
    static let contentBottom = 806.0
    static let footerY = 816.0
    static let gap = 14.0
    static var content: Rect {
        Rect(x: marginX, y: contentTop, width: page.width - 2 * marginX, height: contentBottom - contentTop)
    }
}

/// The template's texts and colours as the pages use them.
struct ReportText {
    let template: Template
    let report: PeriodReport
    let numbers: NumberStyle

    init(template: Template, report: PeriodReport) {
        self.template = template
        self.report = report
        numbers = template.language == .en ? .english : .indonesian
    }

    subscript(_ key: String) -> String { template["pdf." + key] }

    func format(_ key: String, _ values: [String: String]) -> String { template.format("pdf." + key, values) }

    var period: String { template.periodInWords(report.period) }
    var source: String { template["report.source"] }
    var title: String { template["report.title"] }

    func indicator(_ key: String) -> String { template["indicator.\(key)"] }
    func category(_ c: Category) -> String { template["category.\(c.rawValue)"] }
    func channel(_ c: Channel) -> String { template["channel.\(c.rawValue)"] }
    func certification(_ c: Certification) -> String { template["certification.\(c.rawValue)"] }

    /// "Okt 26": a month for an axis.
    func shortMonth(_ p: Period) -> String {
        let name = template.monthNames[p.month - 1]
        return "\(name.prefix(3)) \(String(p.year % 100).count == 1 ? "0" : "")\(p.year % 100)"
    }

    /// "18 November 2026": a WITA date in words.
    func dateInWords(micros: Int64) -> String {
        let iso = Clock.dateWITA(micros: micros)
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return iso }
        return "\(parts[2]) \(template.monthNames[parts[1] - 1]) \(parts[0])"
    }

    /// The chart texts for a chart whose title and unit line are labels of this file.
    func chart(_ title: String, _ subtitle: String) -> ChartText {
        ChartText(title: title, subtitle: subtitle, source: source)
    }

    /// "Oktober 2026" for the unit lines, or the 12-month span "November 2025 – Oktober 2026".
    var span: String {
        guard let first = report.trend.months.first, let last = report.trend.months.last else { return period }
        return "\(template.periodInWords(first)) – \(template.periodInWords(last))"
    }

    /// A growth with a colour: green up, red down, grey unknown.
    func growthColor(_ g: Double?, style: ChartStyle) -> Color? {
        guard let g else { return nil }
        if (g * 1000).rounded() == 0 { return nil }
        return g > 0 ? style.positive : style.negative
    }
}

extension ChartStyle {
    /// The chart style of a template: its palette and colours, numbers in its language.
    init(template: Template, numbers: NumberStyle) {
        self.init(palette: template.theme.palette.map(Color.init(hex:)), primary: Color(hex: template.theme.primary),
                  accent: Color(hex: template.theme.accent), positive: Color(hex: template.theme.positive),
                  negative: Color(hex: template.theme.negative), onPrimary: Color(hex: template.theme.headerText),
                  numbers: numbers, noData: template["pdf.no_data"])
    }
}
