import Foundation
import OVOPAnalytics
import OVOPCore
import OVOPTemplate

/// The monthly workbook `ovop-kaltim-P.xlsx` (SPEC 8), written from the report model only.
public enum WorkbookRenderer {
    /// Above this many active lines the Data sheet is written in constant-memory mode, as plain rows with an
    /// autofilter, because libxlsxwriter refuses tables there. Measured (release build, 20-column Data sheet):
    /// the default mode holds every cell until close: 14.7 MiB more peak RSS for 19 606 lines, and 121 MiB more
    /// for a district workbook of 92 817 lines whose cooperatives all have names of their own (≈ 0.8–1.3 KiB a
    /// line); constant-memory mode adds < 1 MiB at any size. At this limit a table costs at most ≈ 65 MiB, which
    /// keeps a report of a million-line month under 400 MiB. Time is the same in both modes (≈ 50–65 µs a line,
    /// most of it in libxlsxwriter's `workbook_close`).
    public static let tableLineLimit = 50_000

    /// The limit in force: `OVOP_XLSX_TABLE_LIMIT` when set (for tests and measurements), else `tableLineLimit`.
    static var effectiveTableLineLimit: Int {
        ProcessInfo.processInfo.environment["OVOP_XLSX_TABLE_LIMIT"].flatMap { Int($0) } ?? tableLineLimit
    }

    /// Lines a Data sheet holds: Excel's rows less the header. A longer month goes on in continuation sheets
    /// "Data (2)", "Data (3)", … right after it. `OVOP_XLSX_SHEET_LINES` lowers it for tests.
    static var effectiveSheetLineLimit: Int {
        let limit = ExcelLimits.rows - 1
        return ProcessInfo.processInfo.environment["OVOP_XLSX_SHEET_LINES"].flatMap { Int($0) }
            .map { min(max($0, 1), limit) } ?? limit
    }

    /// The file name of the period's workbook.
    public static func fileName(_ period: Period) -> String { "ovop-kaltim-\(period).xlsx" }

    /// Writes the workbook of `report` to `url`; nothing is left at `url` when it fails.
    public static func render(_ report: PeriodReport, template: Template, meta: ReportMeta, to url: URL) throws {
        try check(template)
        let streamed = template.sheets.contains("data") && report.lines.count > effectiveTableLineLimit
        let properties = DocumentProperties(
            title: "\(template["report.title"]) — \(template.periodInWords(report.period))",
            subject: template["xlsx.properties.subject"], author: template.office.unit,
            company: template.office.name, keywords: template["xlsx.properties.keywords"],
            comments: "ovop-report \(meta.toolVersion), template \(meta.template)",
            created: max(1, meta.generatedMicros / 1_000_000))
        try Workbook.write(to: url, constantMemory: streamed, properties: properties) { book in
            let styles = Styles(book, theme: template.theme)
            for id in template.sheets {
                let page = try Page(id: id, book: book, styles: styles, template: template, report: report, meta: meta)
                switch id {
                case "ringkasan": try SummarySheet.write(page)
                case "kabupaten": try DistrictSheet.write(page)
                case "produk": try ProductSheet.write(page)
                case "tren": try TrendSheet.write(page)
                case "pasar": try MarketSheet.write(page)
                case "data": try DataSheet.write(page, streamed: streamed)
                case "kualitas": try QualitySheet.write(page)
                case "tentang": try AboutSheet.write(page, streamed: streamed)
                default: throw XLSXError.invalid("unknown sheet \(id)", "writing the workbook")
                }
            }
        }
    }

    /// Checks what the workbook needs from a template (sheet names within Excel's limits, the footer's length),
    /// so that a broken template stops the run before anything is written.
    public static func check(_ template: Template) throws {
        var seen: Set<String> = []
        let file = "\(template.name)/labels/\(template.language.rawValue)/xlsx.yaml"
        for id in template.sheets {
            let key = "xlsx.sheet.\(id)"
            guard let name = template.labels[key] else {
                throw WorkbookTemplateError(file: file, key: key, problem: "missing")
            }
            if let problem = ExcelLimits.problem(sheetName: name) {
                throw WorkbookTemplateError(file: file, key: key, problem: "sheet name \"\(name)\" \(problem)")
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw WorkbookTemplateError(file: file, key: key, problem: "sheet name \"\(name)\" is used by another sheet")
            }
        }
        let footer = Page.footer(template, period: Period(year: 2026, month: 9)!)
        guard footer.utf8.count <= ExcelLimits.headerFooterBytes else {
            throw WorkbookTemplateError(file: file, key: "xlsx.common.footer",
                                problem: "the footer with the period is \(footer.utf8.count) bytes; Excel allows 255")
        }
    }
}

/// What the workbook cannot use in a template: the file, the key and the problem (like `TemplateError`).
public struct WorkbookTemplateError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var key: String
    public var problem: String

    public var description: String { "template \(file), key \(key): \(problem)" }
}

/// One sheet being written: its worksheet, the styles, the labels and the report.
struct Page {
    let sheet: Worksheet
    let styles: Styles
    let template: Template
    let report: PeriodReport
    let meta: ReportMeta
    let book: Workbook

    init(id: String, book: Workbook, styles: Styles, template: Template, report: PeriodReport, meta: ReportMeta) throws {
        self.sheet = try book.addWorksheet(template["xlsx.sheet.\(id)"], context: "template key xlsx.sheet.\(id)")
        self.styles = styles
        self.template = template
        self.report = report
        self.meta = meta
        self.book = book
    }

    private init(sheet: Worksheet, like page: Page) {
        self.sheet = sheet
        self.styles = page.styles
        self.template = page.template
        self.report = page.report
        self.meta = page.meta
        self.book = page.book
    }

    /// The name of this sheet's `part`-th sheet ("Data (2)"), shortened to fit Excel's 31 characters.
    static func partName(_ base: String, _ part: Int) -> String {
        let suffix = " (\(part))"
        return String(base.prefix(31 - suffix.count)) + suffix
    }

    /// A new sheet, added now (so right after this one), that goes on with this sheet's content.
    func continuation(_ part: Int) throws -> Page {
        let name = Page.partName(name, part)
        return Page(sheet: try book.addWorksheet(name, context: "continuation \(name)"), like: self)
    }

    var name: String { sheet.name }
    var period: String { template.periodInWords(report.period) }
    subscript(_ key: String) -> String { template[key] }

    /// "Oktober 2026 … Halaman 1 dari 3" (`&` in the labels is escaped; `&P` and `&N` are Excel's codes).
    static func footer(_ template: Template, period: Period) -> String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&&") }
        let office = escape(template.office.unit)
        return "&L\(escape(template["report.title"])) — \(escape(template.periodInWords(period)))&R"
            + template["xlsx.common.footer"] + "&C" + office.prefix(60)
    }

    /// Title lines at the top of a sheet: the sheet's title, the office and the period. Returns the next free row.
    func titleBlock(_ title: String) throws -> Int {
        try sheet.write(0, 0, title, styles.title, fit: false)
        try sheet.write(1, 0, "\(template.office.name) — \(template.office.unit)", styles.subtitle, fit: false)
        try sheet.write(2, 0, "\(self["xlsx.common.period"]): \(period)", styles.subtitle, fit: false)
        return 4
    }

    /// A header row; header texts wrap, so only their longest word decides the width.
    func headerRow(_ row: Int, _ labels: [String], from column: Int = 0) throws {
        for (i, label) in labels.enumerated() {
            try sheet.write(row, column + i, label, styles.header, fit: false)
            let longestWord = label.split(separator: " ").map(\.count).max() ?? 0
            sheet.noteWidth(column + i, Double(max(longestWord, min(label.count, 14))) * 1.1)
        }
        try sheet.setRowHeight(row, labels.contains { $0.count > 14 } ? 32 : 18)
    }

    /// A number, or the "not available" mark for a null indicator (never a number stored as text).
    func optional(_ row: Int, _ column: Int, _ value: Double?, _ format: Format) throws {
        if let value {
            try sheet.write(row, column, number: value, format)
        } else {
            try sheet.write(row, column, self["xlsx.common.not_available"], styles.text)
        }
    }

    func number(_ row: Int, _ column: Int, _ value: Int64, _ format: Format) throws {
        try sheet.write(row, column, number: Double(value), format)
    }

    func number(_ row: Int, _ column: Int, _ value: Int, _ format: Format) throws {
        try sheet.write(row, column, number: Double(value), format)
    }

    /// Print set-up of every sheet: A4 landscape, one page wide, `repeat` rows on every page, the footer.
    func finish(repeatRows: ClosedRange<Int>?, fixedWidths: [Int: Double] = [:], codeColumns: ClosedRange<Int>? = nil) throws {
        if let codeColumns {
            try sheet.ignoreNumberStoredAsText(CellRange(sheet: name, rows: 0...(ExcelLimits.rows - 1), columns: codeColumns))
        }
        try sheet.fitColumns(fixed: fixedWidths)
        try sheet.setUpPrinting(repeatRows: repeatRows, footer: Page.footer(template, period: report.period))
    }

    /// Chart axes in millions of rupiah: `Rp 250 jt` (the word from `xlsx.common.millions`).
    var millionsFormat: String {
        "\"Rp \"#,##0,,\" \(self["xlsx.common.millions"].replacingOccurrences(of: "\"", with: ""))\""
    }

    /// "Okt 2026": a month's first three letters (right for every Indonesian and English month name) and year,
    /// short enough for chart axes.
    func shortMonth(_ month: Period) -> String {
        "\(template.monthNames[month.month - 1].prefix(3)) \(month.year)"
    }

    /// Wrapped text across `columns` (merged when more than one), its row made tall enough for `width`
    /// characters a line: neither Excel nor LibreOffice sizes the rows of merged cells.
    func paragraph(_ row: Int, _ columns: ClosedRange<Int>, _ text: String, width: Double) throws {
        try sheet.merge(row, columns, text, styles.wrapText)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { max(1, (Double($0.count) / max(width * 0.95, 1)).rounded(.up)) }.reduce(0, +)
        if lines > 1 { try sheet.setRowHeight(row, lines * 15 + 2) }
    }

    /// The district's short name by Kemendagri code.
    func districtName(_ code: String) -> String {
        report.districts.first { $0.district.code == code }?.district.name ?? code
    }
}
