import CXlsxWriter
import Foundation

/// Excel's limits, checked in Swift before any call into libxlsxwriter.
enum ExcelLimits {
    static let rows = 1_048_576
    static let columns = 16_384
    static let stringLength = 32_767
    static let sheetNameLength = 31
    static let headerFooterBytes = 255
    static let forbiddenSheetCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Why `name` cannot be a sheet name, or `nil` when it can.
    static func problem(sheetName name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.count > sheetNameLength { return "has \(name.count) characters; Excel allows \(sheetNameLength)" }
        if let c = name.first(where: { forbiddenSheetCharacters.contains($0) }) {
            return "contains \"\(c)\"; Excel forbids [ ] : * ? / \\"
        }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "starts or ends with an apostrophe" }
        if name.lowercased() == "history" { return "is reserved by Excel (History)" }
        return nil
    }
}

/// Document properties written to docProps/core.xml and app.xml.
struct DocumentProperties {
    var title: String
    var subject: String
    var author: String
    var company: String
    var keywords: String
    var comments: String
    /// Seconds since 1970; must be nonzero (0 means "now" to libxlsxwriter, breaking reproducibility).
    var created: Int64
}

/// An `lxw_workbook`, owned. Created and finished by `write(to:)`; worksheets, formats and charts are
/// lent to the body and die with the workbook. Nothing is written, and nothing leaks, when the body throws.
final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// Whether worksheets stream their rows to disk (`constant_memory`): rows in increasing order, no tables.
    let constantMemory: Bool
    private var sheetNames: Set<String> = []
    private var tableNames: Set<String> = []

    private init(handle: UnsafeMutablePointer<lxw_workbook>, constantMemory: Bool) {
        self.handle = handle
        self.constantMemory = constantMemory
    }

    deinit {
        assert(handle == nil, "Workbook was neither closed nor discarded")
    }

    /// Creates the workbook at `url` (`workbook_new_opt`), lends it to `body`, then closes it (`workbook_close`).
    /// The file appears only on success; on any error the partial file is removed.
    static func write(to url: URL, constantMemory: Bool, properties: DocumentProperties,
                      _ body: (Workbook) throws -> Void) throws {
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? UInt8(LXW_TRUE.rawValue) : 0
        options.use_zip64 = UInt8(LXW_TRUE.rawValue)  // the Data sheet of a huge month can pass 4 GiB uncompressed
        guard let raw = workbook_new_opt(url.path, &options) else {
            throw XLSXError.invalid("libxlsxwriter could not create the workbook (out of memory or temporary files)",
                                    "creating \(url.lastPathComponent)")
        }
        let book = Workbook(handle: raw, constantMemory: constantMemory)
        do {
            try book.setProperties(properties)
            try body(book)
        } catch {
            book.discard()
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        do {
            try book.close(url.lastPathComponent)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
    }

    private var live: UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { preconditionFailure("workbook used after close") }
        return handle
    }

    /// `workbook_close`: assembles and zips the file; frees the workbook even when it fails.
    private func close(_ name: String) throws {
        let result = workbook_close(live)
        handle = nil
        try XLSXError.check(result, "writing \(name) (workbook_close)")
    }

    /// `lxw_workbook_free`: drops everything without writing a file.
    private func discard() {
        if let handle { lxw_workbook_free(handle) }
        handle = nil
    }

    /// `workbook_set_properties`; the C strings are copied by the call and freed after it.
    private func setProperties(_ p: DocumentProperties) throws {
        guard p.created != 0 else { throw XLSXError.invalid("created time 0 means \"now\"", "setting document properties") }
        var owned: [UnsafeMutablePointer<CChar>?] = []
        defer { owned.forEach { free($0) } }
        func c(_ s: String) -> UnsafeMutablePointer<CChar>? {
            let d = strdup(String(s.prefix(255)))
            owned.append(d)
            return d
        }
        var props = lxw_doc_properties()
        props.title = c(p.title)
        props.subject = c(p.subject)
        props.author = c(p.author)
        props.company = c(p.company)
        props.keywords = c(p.keywords)
        props.comments = c(p.comments)
        props.created = time_t(p.created)
        try XLSXError.check(workbook_set_properties(live, &props), "setting document properties")
    }

    /// `workbook_add_worksheet`, after checking the name in Swift and with `workbook_validate_sheet_name`.
    func addWorksheet(_ name: String, context: String) throws -> Worksheet {
        if let problem = ExcelLimits.problem(sheetName: name) {
            throw XLSXError.invalid("sheet name \"\(name)\" \(problem)", context)
        }
        guard !sheetNames.contains(name.lowercased()) else {
            throw XLSXError.invalid("sheet name \"\(name)\" is used twice (Excel ignores case)", context)
        }
        try XLSXError.check(workbook_validate_sheet_name(live, name), "checking sheet name \"\(name)\" (\(context))")
        guard let sheet = workbook_add_worksheet(live, name) else {
            throw XLSXError.invalid("workbook_add_worksheet refused \"\(name)\"", context)
        }
        sheetNames.insert(name.lowercased())
        return Worksheet(handle: sheet, name: name, book: self)
    }

    /// `workbook_add_format`, configured from `style`. Call once per style (see `Styles`).
    func addFormat(_ style: CellStyle) -> Format {
        let f = workbook_add_format(live)!
        if style.bold { format_set_bold(f) }
        if style.italic { format_set_italic(f) }
        if let size = style.fontSize { format_set_font_size(f, size) }
        if let colour = style.fontColour { format_set_font_color(f, lxw_color_t(colour)) }
        if let fill = style.fill {
            format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(f, lxw_color_t(fill))
        }
        if let numberFormat = style.numberFormat { format_set_num_format(f, numberFormat) }
        if style.wrap { format_set_text_wrap(f) }
        switch style.align {
        case .general: break
        case .left: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        if style.verticalTop { format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if style.topBorder { format_set_top(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        if style.bottomBorder { format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let colour = style.borderColour { format_set_border_color(f, lxw_color_t(colour)) }
        return Format(handle: f, style: style)
    }

    /// `workbook_add_chart`.
    func addChart(_ kind: Chart.Kind) -> Chart {
        let type: lxw_chart_type = switch kind {
        case .bar: LXW_CHART_BAR
        case .column: LXW_CHART_COLUMN
        case .line: LXW_CHART_LINE
        }
        return Chart(handle: workbook_add_chart(live, UInt8(type.rawValue))!, kind: kind)
    }

    /// Reserves a table name: Excel "repairs" a workbook with two tables of one name (1.1.4 accepts it).
    func reserveTableName(_ name: String, context: String) throws {
        let ok = name.first.map { $0.isLetter || $0 == "_" } == true
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } && name.count <= 255
        guard ok else { throw XLSXError.invalid("table name \"\(name)\" is not a valid Excel name", context) }
        guard tableNames.insert(name.lowercased()).inserted else {
            throw XLSXError.invalid("table name \"\(name)\" is used twice", context)
        }
    }
}

/// What a format looks like: the style registry builds one `Format` per distinct `CellStyle`.
struct CellStyle: Hashable {
    enum Align: Hashable { case general, left, center, right }
    /// How a number in this style is displayed, for column widths.
    enum Shape: Hashable { case text, integer, rupiah, percent, decimal, dateTime }

    var bold = false
    var italic = false
    var fontSize: Double?
    var fontColour: Int?
    var fill: Int?
    var numberFormat: String?
    var wrap = false
    var align = Align.general
    var verticalTop = false
    var topBorder = false
    var bottomBorder = false
    var borderColour: Int?
    var shape = Shape.text
}

/// An `lxw_format`, owned by its workbook.
struct Format {
    fileprivate(set) var handle: UnsafeMutablePointer<lxw_format>
    let style: CellStyle
}

extension Format {
    var raw: UnsafeMutablePointer<lxw_format> { handle }
}
