import OVOPCairo

/// Horizontal bars grouped by category: one bar per series in every category, with a legend.
public struct GroupedBarChart: Chart {
    public var text: ChartText
    public var categories: [String]
    public var series: [String]
    /// `values[category][series]`.
    public var values: [[Double]]
    public var kind: ValueKind

    public init(text: ChartText, categories: [String], series: [String], values: [[Double]], kind: ValueKind) {
        self.text = text
        self.categories = categories
        self.series = series
        self.values = values
        self.kind = kind
    }

    public func drawPlot(in rect: Rect, on canvas: Canvas, style: ChartStyle) {
        guard !categories.isEmpty, !series.isEmpty else { return ChartFrame.drawNoData(in: rect, on: canvas, style: style) }
        let legendHeight = Legend.draw(series.enumerated().map { Legend.Item(name: $0.element, color: style.color($0.offset)) },
                                       in: rect, on: canvas, style: style) + 4
        let area = rect.inset(top: legendHeight)
        let labelFont = style.labelFont, valueFont = style.valueFont.sized(6.5)
        let labelWidth = RowLabels.width(categories, canvas: canvas, font: labelFont, limit: area.width * 0.3)
        let all = values.flatMap { $0 }
        let valueWidth = (all.map { canvas.measure(kind.label($0, style.numbers), font: valueFont).width }.max() ?? 0) + 4
        let plotLeft = area.x + labelWidth + 6
        let bottom = area.maxY - Axes.horizontalLabelHeight(style)
        let scale = ValueScale(kind: kind, upper: all.max() ?? 0, start: plotLeft, end: area.maxX - valueWidth, count: 4)
        Axes.drawHorizontal(scale, kind: kind, top: area.y, bottom: bottom, canvas: canvas, style: style)
        let rowHeight = (bottom - area.y) / Double(categories.count)
        let barHeight = min(rowHeight * 0.8 / Double(series.count), 12)
        let showValues = barHeight >= valueFont.size * 1.05
        for (c, label) in categories.enumerated() {
            let mid = area.y + rowHeight * (Double(c) + 0.5)
            RowLabels.draw(label, right: area.x + labelWidth, width: labelWidth, midY: mid, rowHeight: rowHeight,
                           canvas: canvas, font: labelFont, color: style.text)
            let groupTop = mid - barHeight * Double(series.count) / 2
            for s in series.indices {
                let v = c < values.count && s < values[c].count ? values[c][s] : 0
                let y = groupTop + barHeight * Double(s)
                let end = scale.position(v)
                if end > plotLeft {
                    canvas.fill(Rect(x: plotLeft, y: y + 0.3, width: end - plotLeft, height: barHeight - 0.6), style.color(s))
                }
                if showValues {
                    let text = kind.label(v, style.numbers)
                    let m = canvas.measure(text, font: valueFont)
                    canvas.draw(text, x: end + 3, y: y + (barHeight - m.height) / 2, font: valueFont, color: style.text)
                }
            }
        }
    }
}
