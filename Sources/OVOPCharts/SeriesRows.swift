import OVOPCairo

/// The frame the horizontal charts of categories split into series share (grouped and stacked
/// bars): the series legend, one labelled row per category, and the value axis sized so the
/// longest value label fits at the end of the longest bar.
struct SeriesRows {
    let area: Rect
    let plotLeft: Double
    let scale: ValueScale
    let rowHeight: Double
    let labelWidth: Double
    let labelFont: Font

    /// Draws the legend and the axis; `nil` when there is nothing to draw (the frame says so).
    /// `ends` are the values bars may reach, whose labels are written past them in `valueFont`.
    init?(categories: [String], series: [String], ends: [Double], kind: ValueKind, valueFont: Font,
          in rect: Rect, on canvas: Canvas, style: ChartStyle) {
        guard !categories.isEmpty, !series.isEmpty else {
            ChartFrame.drawNoData(in: rect, on: canvas, style: style)
            return nil
        }
        let legendHeight = Legend.draw(series.enumerated().map { Legend.Item(name: $0.element, color: style.color($0.offset)) },
                                       in: rect, on: canvas, style: style) + 4
        area = rect.inset(top: legendHeight)
        labelFont = style.labelFont
        labelWidth = RowLabels.width(categories, canvas: canvas, font: labelFont, limit: area.width * 0.3)
        let valueWidth = (ends.map { canvas.measure(kind.label($0, style.numbers), font: valueFont).width }.max() ?? 0) + 4
        plotLeft = area.x + labelWidth + 6
        let bottom = area.maxY - Axes.horizontalLabelHeight(style)
        scale = ValueScale(kind: kind, upper: ends.max() ?? 0, start: plotLeft, end: area.maxX - valueWidth, count: 4)
        Axes.drawHorizontal(scale, kind: kind, top: area.y, bottom: bottom, canvas: canvas, style: style)
        rowHeight = (bottom - area.y) / Double(categories.count)
    }

    /// Draws each category's label and calls `body` with its index and the row's middle.
    func forEachRow(_ categories: [String], on canvas: Canvas, style: ChartStyle, _ body: (Int, Double) -> Void) {
        for (c, label) in categories.enumerated() {
            let mid = area.y + rowHeight * (Double(c) + 0.5)
            RowLabels.draw(label, right: area.x + labelWidth, width: labelWidth, midY: mid, rowHeight: rowHeight,
                           canvas: canvas, font: labelFont, color: style.text)
            body(c, mid)
        }
    }
}
