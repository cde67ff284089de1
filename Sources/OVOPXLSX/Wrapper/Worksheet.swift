import CXlsxWriter
import Foundation

/// A rectangle of cells on one sheet, zero-based and inclusive.
struct CellRange {
    var sheet: String
    var firstRow: Int
    var firstColumn: Int
    var lastRow: Int
    var lastColumn: Int

    init(sheet: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.sheet = sheet
        firstRow = rows.lowerBound
        lastRow = rows.upperBound
        firstColumn = columns.lowerBound
        lastColumn = columns.upperBound
    }

    /// `B2:D9` (or `$B$2:$D$9`).
    func a1(absolute: Bool = false) -> String {
        CellRange.a1(firstRow, firstColumn, absolute: absolute)
            + ((firstRow, firstColumn) == (lastRow, lastColumn) ? "" : ":" + CellRange.a1(lastRow, lastColumn, absolute: absolute))
    }

    /// `C7` for row 6, column 2.
    static func a1(_ row: Int, _ column: Int, absolute: Bool = false) -> String {
        var n = column + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return absolute ? "$\(letters)$\(row + 1)" : "\(letters)\(row + 1)"
    }
}

/// A conditional format rule (`lxw_conditional_format`).
enum ConditionalRule {
    case greaterThan(Double, Format)
    case lessThan(Double, Format)
    /// A data bar in the colour `0xRRGGBB`.
    case dataBar(Int)
    /// A two-colour scale from `low` to `high`.
    case colourScale(low: Int, high: Int)
}

/// An `lxw_worksheet`, owned by its workbook and lent to the renderer while the workbook is open.
/// It remembers the widest content of every column, because libxlsxwriter has no autofit.
final class Worksheet {
    let name: String
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    private unowned let book: Workbook
    /// Widest content per column, in characters.
    private var widths: [Int: Double] = [:]
    private var lastRow = -1
    /// Merged ranges by row, to refuse overlaps in constant time per merge.
    private var merged: [Int: [ClosedRange<Int>]] = [:]
    /// Column widths set by `fitColumns`.
    private var fitted: [Int: Double] = [:]

    init(handle: UnsafeMutablePointer<lxw_worksheet>, name: String, book: Workbook) {
        self.handle = handle
        self.name = name
        self.book = book
    }

    // MARK: Cells

    private func check(_ row: Int, _ column: Int) throws {
        guard (0..<ExcelLimits.rows).contains(row), (0..<ExcelLimits.columns).contains(column) else {
            throw XLSXError.invalid("cell row \(row + 1), column \(column + 1) is outside Excel's 1048576 × 16384 grid",
                                    "writing \(name)")
        }
        if book.constantMemory {
            guard row >= lastRow else {
                throw XLSXError.invalid("row \(row + 1) comes after row \(lastRow + 1) in constant-memory mode",
                                        "writing \(name)!\(CellRange.a1(row, column))")
            }
        }
        lastRow = max(lastRow, row)
    }

    private func note(_ column: Int, _ characters: Double) {
        if characters > widths[column, default: 0] { widths[column] = characters }
    }

    /// Counts `characters` towards a column's width without writing (wrapped headers, merged titles).
    func noteWidth(_ column: Int, _ characters: Double) {
        note(column, characters)
    }

    /// `worksheet_write_string`: text, never interpreted as a formula or a number.
    func write(_ row: Int, _ column: Int, _ text: String, _ format: Format? = nil, fit: Bool = true) throws {
        try check(row, column)
        if text.utf8.count > ExcelLimits.stringLength, text.unicodeScalars.count > ExcelLimits.stringLength {
            throw XLSXError.invalid("a text of \(text.unicodeScalars.count) characters is over Excel's 32767",
                                    "writing \(name)!\(CellRange.a1(row, column))")
        }
        try XLSXError.check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), text, format?.handle),
                            "writing \(name)!\(CellRange.a1(row, column)) (worksheet_write_string)")
        if fit {
            // Cheap on the hot path (a million-line Data sheet): one pass, no allocation.
            var longest = 0, current = 0
            for unit in text.utf8 where unit & 0xC0 != 0x80 {  // count scalars, not bytes
                if unit == 10 { longest = max(longest, current); current = 0 } else { current += 1 }
            }
            let characters = Double(max(longest, current))
            note(column, format?.style.bold == true ? characters * 1.1 : characters)
        }
    }

    /// `worksheet_write_number`.
    func write(_ row: Int, _ column: Int, number: Double, _ format: Format? = nil, fit: Bool = true) throws {
        try check(row, column)
        guard number.isFinite else {
            throw XLSXError.invalid("\(number) is not a number Excel can store", "writing \(name)!\(CellRange.a1(row, column))")
        }
        try XLSXError.check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format?.handle),
                            "writing \(name)!\(CellRange.a1(row, column)) (worksheet_write_number)")
        if fit { note(column, Worksheet.displayWidth(number, format?.style.shape ?? .decimal)) }
    }

    /// `worksheet_write_formula_num`: a formula with its computed value, shown by readers that do not recalculate.
    func writeFormula(_ row: Int, _ column: Int, _ formula: String, value: Double, _ format: Format? = nil) throws {
        try check(row, column)
        guard formula.hasPrefix("="), formula.filter({ $0 == "(" }).count == formula.filter({ $0 == ")" }).count else {
            throw XLSXError.invalid("formula \(formula) is not balanced", "writing \(name)!\(CellRange.a1(row, column))")
        }
        try XLSXError.check(
            worksheet_write_formula_num(handle, lxw_row_t(row), lxw_col_t(column), formula, format?.handle, value),
            "writing \(name)!\(CellRange.a1(row, column)) (worksheet_write_formula_num \(formula))")
        note(column, Worksheet.displayWidth(value, format?.style.shape ?? .decimal))
    }

    /// `worksheet_merge_range` over one row: text across `columns`. Overlapping merges (which libxlsxwriter
    /// accepts and Excel then "repairs") are refused here.
    func merge(_ row: Int, _ columns: ClosedRange<Int>, _ text: String, _ format: Format) throws {
        try check(row, columns.upperBound)
        let context = "merging \(name)!\(CellRange(sheet: name, rows: row...row, columns: columns).a1())"
        guard columns.count > 1 else { return try write(row, columns.lowerBound, text, format, fit: false) }
        guard !merged[row, default: []].contains(where: { $0.overlaps(columns) }) else {
            throw XLSXError.invalid("the cells are already part of a merged range", context)
        }
        guard text.unicodeScalars.count <= ExcelLimits.stringLength else {
            throw XLSXError.invalid("a text of \(text.unicodeScalars.count) characters is over Excel's 32767", context)
        }
        try XLSXError.check(worksheet_merge_range(handle, lxw_row_t(row), lxw_col_t(columns.lowerBound), lxw_row_t(row),
                                                  lxw_col_t(columns.upperBound), text, format.handle),
                            "\(context) (worksheet_merge_range)")
        merged[row, default: []].append(columns)
    }

    /// `worksheet_write_blank`: an empty cell that still carries a format (borders, fill).
    func writeBlank(_ row: Int, _ column: Int, _ format: Format) throws {
        try check(row, column)
        try XLSXError.check(worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), format.handle),
                            "writing \(name)!\(CellRange.a1(row, column)) (worksheet_write_blank)")
    }

    /// How many characters a number takes once formatted.
    static func displayWidth(_ value: Double, _ shape: CellStyle.Shape) -> Double {
        var magnitude = abs(value.rounded()), digits = 1.0
        while magnitude >= 10 { magnitude /= 10; digits += 1 }
        let grouped = digits + ((digits - 1) / 3).rounded(.down)
        let sign: Double = value < 0 ? 1 : 0
        switch shape {
        case .text: return grouped
        case .integer: return grouped + sign
        case .rupiah: return grouped + sign + 3
        case .percent: return (abs(value) >= 10 ? 6 : abs(value) >= 1 ? 5 : 4) + sign
        case .decimal: return grouped + sign + 3
        case .dateTime: return 16
        }
    }

    // MARK: Layout

    /// `worksheet_set_column` for every written column: its widest content plus padding, within bounds.
    /// `fixed` gives widths (in characters) for columns whose content must not decide (long titles).
    func fitColumns(minimum: Double = 8, maximum: Double = 60, fixed: [Int: Double] = [:]) throws {
        let columns = Set(widths.keys).union(fixed.keys).sorted()
        for column in columns {
            let width = fixed[column] ?? min(max(widths[column, default: 0] * 1.05 + 2, minimum), maximum)
            fitted[column] = width
            try XLSXError.check(worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil),
                                "sizing column \(column + 1) of \(name) (worksheet_set_column)")
        }
    }

    /// The width in pixels of `columns` once fitted (Excel's default font: 7 pixels per character plus 5).
    func pixelWidth(_ columns: ClosedRange<Int>) -> Double {
        columns.reduce(0) { $0 + (fitted[$1] ?? 8.43) * 7 + 5 }
    }

    /// `worksheet_set_row`: a row's height in points.
    func setRowHeight(_ row: Int, _ points: Double) throws {
        try XLSXError.check(worksheet_set_row(handle, lxw_row_t(row), points, nil), "sizing row \(row + 1) of \(name)")
    }

    /// `worksheet_freeze_panes`.
    func freezePanes(row: Int, column: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
    }

    /// In constant-memory mode rows are flushed as they are written: ranges (filters, conditional formats)
    /// must be declared before the rows they cover.
    private func checkAhead(_ range: CellRange, _ what: String) throws {
        guard !book.constantMemory || range.firstRow >= lastRow else {
            throw XLSXError.invalid("\(what) on rows already written in constant-memory mode; declare it first",
                                    "\(name)!\(range.a1())")
        }
    }

    /// `worksheet_autofilter`.
    func autofilter(_ range: CellRange) throws {
        try checkAhead(range, "a filter")
        try XLSXError.check(worksheet_autofilter(handle, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                                                 lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn)),
                            "adding a filter to \(name)!\(range.a1()) (worksheet_autofilter)")
    }

    /// `worksheet_add_table`: an Excel table with banded rows and filter buttons over `range`, whose
    /// first row holds `headers`. Refused in constant-memory mode (libxlsxwriter does not support it).
    func addTable(_ range: CellRange, name tableName: String, headers: [String]) throws {
        let context = "adding table \(tableName) on \(name)!\(range.a1())"
        guard !book.constantMemory else {
            throw XLSXError.invalid("tables are not supported in constant-memory mode", context)
        }
        guard headers.count == range.lastColumn - range.firstColumn + 1, range.lastRow > range.firstRow else {
            throw XLSXError.invalid("the table needs one header per column and at least one data row", context)
        }
        try book.reserveTableName(tableName, context: context)
        var owned: [UnsafeMutablePointer<CChar>?] = []
        defer { owned.forEach { free($0) } }
        var columns = headers.map { header -> lxw_table_column in
            var column = lxw_table_column()
            let c = strdup(header)
            owned.append(c)
            column.header = c
            return column
        }
        try columns.withUnsafeMutableBufferPointer { buffer in
            var pointers: [UnsafeMutablePointer<lxw_table_column>?] = (0..<buffer.count).map { buffer.baseAddress! + $0 }
            pointers.append(nil)
            try pointers.withUnsafeMutableBufferPointer { list in
                var options = lxw_table_options()
                let n = strdup(tableName)
                owned.append(n)
                options.name = n
                options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_MEDIUM.rawValue)
                options.style_type_number = 2
                options.columns = list.baseAddress
                try XLSXError.check(
                    worksheet_add_table(handle, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                                        lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn), &options),
                    "\(context) (worksheet_add_table)")
            }
        }
    }

    /// `worksheet_conditional_format_range`.
    func conditionalFormat(_ range: CellRange, _ rule: ConditionalRule) throws {
        try checkAhead(range, "a conditional format")
        var cf = lxw_conditional_format()
        switch rule {
        case .greaterThan(let v, let f), .lessThan(let v, let f):
            cf.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            if case .greaterThan = rule {
                cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN.rawValue)
            } else {
                cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN.rawValue)
            }
            cf.value = v
            cf.format = f.handle
        case .dataBar(let colour):
            cf.type = UInt8(LXW_CONDITIONAL_DATA_BAR.rawValue)
            cf.bar_color = lxw_color_t(colour)
            cf.bar_solid = UInt8(LXW_TRUE.rawValue)
        case .colourScale(let low, let high):
            cf.type = UInt8(LXW_CONDITIONAL_2_COLOR_SCALE.rawValue)
            cf.min_color = lxw_color_t(low)
            cf.max_color = lxw_color_t(high)
        }
        try XLSXError.check(
            worksheet_conditional_format_range(handle, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                                               lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn), &cf),
            "adding a conditional format to \(name)!\(range.a1()) (worksheet_conditional_format_range)")
    }

    /// `worksheet_insert_chart_opt`, sized to cover `columns` (once fitted) and `rows` rows of 20 pixels.
    func insertChart(_ chart: Chart, row: Int, columns: ClosedRange<Int>, rows: Int) throws {
        try insertChart(chart, row: row, column: columns.lowerBound, xScale: pixelWidth(columns) / 480,
                        yScale: Double(rows) * 20 / 288)
    }

    /// `worksheet_insert_chart_opt`, scaled (a chart is 480 × 288 pixels at scale 1).
    func insertChart(_ chart: Chart, row: Int, column: Int, xScale: Double = 1, yScale: Double = 1) throws {
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        try XLSXError.check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart.handle, &options),
                            "placing a chart on \(name)!\(CellRange.a1(row, column)) (worksheet_insert_chart_opt)")
    }

    // MARK: Print

    /// A4 landscape, one page wide, `repeatRows` on every page, and `footer` (Excel's &P/&N codes).
    func setUpPrinting(repeatRows: ClosedRange<Int>?, footer: String) throws {
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9)  // A4
        worksheet_fit_to_pages(handle, 1, 0)
        worksheet_set_margins(handle, 0.5, 0.5, 0.6, 0.7)
        if let rows = repeatRows {
            try XLSXError.check(worksheet_repeat_rows(handle, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)),
                                "repeating rows on \(name) (worksheet_repeat_rows)")
        }
        guard footer.utf8.count <= ExcelLimits.headerFooterBytes else {
            throw XLSXError.invalid("footer of \(footer.utf8.count) bytes is over Excel's 255", "setting up printing of \(name)")
        }
        try XLSXError.check(worksheet_set_footer(handle, footer), "setting the footer of \(name) (worksheet_set_footer)")
    }

    /// `worksheet_ignore_errors(LXW_IGNORE_NUMBER_STORED_AS_TEXT)`: codes such as `6401` are identifiers, kept
    /// as text on purpose; Excel should not flag them.
    func ignoreNumberStoredAsText(_ range: CellRange) throws {
        try XLSXError.check(worksheet_ignore_errors(handle, UInt8(LXW_IGNORE_NUMBER_STORED_AS_TEXT.rawValue), range.a1()),
                            "marking codes as text on \(name)!\(range.a1()) (worksheet_ignore_errors)")
    }

    /// `worksheet_set_tab_color`.
    func setTabColour(_ colour: Int) {
        worksheet_set_tab_color(handle, lxw_color_t(colour))
    }

    /// `worksheet_hide_gridlines`-style: no grid on screen (print has none by default).
    func hideGridlines() {
        worksheet_gridlines(handle, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue))
    }

    /// `worksheet_activate`.
    func activate() { worksheet_activate(handle) }
}
