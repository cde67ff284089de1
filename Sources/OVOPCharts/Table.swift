import OVOPCairo

/// A simple table: a coloured header row, striped rows, numbers right-aligned, long text wrapped or cut.
public struct Table: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// A share of the table width (weights are normalised).
        public var weight: Double
        public var align: TextAlign
        /// Text wraps to two lines (names); otherwise it is cut with an ellipsis.
        public var wraps: Bool

        public init(_ title: String, weight: Double, align: TextAlign = .left, wraps: Bool = false) {
            self.title = title
            self.weight = weight
            self.align = align
            self.wraps = wraps
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// Rows printed in bold (totals).
    public var boldRows: Set<Int>
    public var fontSize: Double

    public init(columns: [Column], rows: [[String]], boldRows: Set<Int> = [], fontSize: Double = 7.5) {
        self.columns = columns
        self.rows = rows
        self.boldRows = boldRows
        self.fontSize = fontSize
    }

    static let padX = 3.0, padY = 2.2

    private func widths(_ total: Double) -> [Double] {
        let sum = columns.map(\.weight).reduce(0, +)
        return columns.map { total * $0.weight / max(sum, 1e-9) }
    }

    private func font(_ style: ChartStyle, bold: Bool) -> Font { Font(family: style.family, size: fontSize, bold: bold) }

    private func rowHeight(_ cells: [String], widths: [Double], bold: Bool, header: Bool, canvas: Canvas, style: ChartStyle) -> Double {
        var h = fontSize * 1.17
        for (i, cell) in cells.enumerated() where i < columns.count && (header || columns[i].wraps) {
            let m = canvas.measure(cell, font: font(style, bold: bold || header), width: widths[i] - 2 * Table.padX,
                                   fit: .wrap(lines: 2))
            h = max(h, m.height)
        }
        return h + 2 * Table.padY
    }

    /// The height of the header and the first `rowCount` rows (all rows when nil) at `width`.
    public func height(width: Double, rowCount: Int? = nil, canvas: Canvas, style: ChartStyle) -> Double {
        let w = widths(width)
        var h = rowHeight(columns.map(\.title), widths: w, bold: true, header: true, canvas: canvas, style: style)
        for (i, row) in rows.prefix(rowCount ?? rows.count).enumerated() {
            h += rowHeight(row, widths: w, bold: boldRows.contains(i), header: false, canvas: canvas, style: style)
        }
        return h
    }

    /// How many rows fit in `height` under the header.
    public func rowsFitting(width: Double, height: Double, canvas: Canvas, style: ChartStyle) -> Int {
        let w = widths(width)
        var h = rowHeight(columns.map(\.title), widths: w, bold: true, header: true, canvas: canvas, style: style)
        for (i, row) in rows.enumerated() {
            h += rowHeight(row, widths: w, bold: boldRows.contains(i), header: false, canvas: canvas, style: style)
            if h > height { return i }
        }
        return rows.count
    }

    /// Draws the table from the top of `rect` across its width; returns the height used.
    @discardableResult
    public func draw(in rect: Rect, on canvas: Canvas, style: ChartStyle) -> Double {
        let w = widths(rect.width)
        var y = rect.y
        func drawRow(_ cells: [String], bold: Bool, header: Bool, background: Color?) {
            let h = rowHeight(cells, widths: w, bold: bold, header: header, canvas: canvas, style: style)
            if let background { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: h), background) }
            var x = rect.x
            for (i, cell) in cells.enumerated() where i < columns.count {
                let fit: TextFit = header || columns[i].wraps ? .wrap(lines: 2) : .ellipsize
                let f = font(style, bold: bold || header)
                let m = canvas.measure(cell, font: f, width: w[i] - 2 * Table.padX, fit: fit)
                // Header cells sit at the bottom of the header row; body cells are centred.
                let top = header ? y + h - Table.padY - m.height : y + (h - m.height) / 2
                canvas.draw(cell, x: x + Table.padX, y: top, font: f, color: header ? style.onPrimary : style.text,
                            width: w[i] - 2 * Table.padX, align: columns[i].align, fit: fit)
                x += w[i]
            }
            y += h
        }
        drawRow(columns.map(\.title), bold: true, header: true, background: style.primary)
        for (i, row) in rows.enumerated() {
            let bold = boldRows.contains(i)
            if bold { canvas.strokeLine(Point(rect.x, y), Point(rect.maxX, y), color: style.axis, width: 0.6) }
            drawRow(row, bold: bold, header: false, background: i % 2 == 1 ? style.stripe : nil)
        }
        canvas.strokeLine(Point(rect.x, y), Point(rect.maxX, y), color: style.axis, width: 0.6)
        return y - rect.y
    }
}
