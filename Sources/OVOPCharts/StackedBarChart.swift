import OVOPCairo

/// Horizontal bars split into the series they add up from, with the total at the end and a legend.
public struct StackedBarChart: Chart {
    public var text: ChartText
    public var categories: [String]
    public var series: [String]
    /// `values[category][series]`, all non-negative.
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
        let labelFont = style.labelFont, valueFont = style.valueFont
        let totals = values.map { $0.reduce(0, +) }
        let labelWidth = RowLabels.width(categories, canvas: canvas, font: labelFont, limit: area.width * 0.3)
        let valueWidth = (totals.map { canvas.measure(kind.label($0, style.numbers), font: valueFont).width }.max() ?? 0) + 4
        let plotLeft = area.x + labelWidth + 6
        let bottom = area.maxY - Axes.horizontalLabelHeight(style)
        let scale = ValueScale(kind: kind, upper: totals.max() ?? 0, start: plotLeft, end: area.maxX - valueWidth, count: 4)
        Axes.drawHorizontal(scale, kind: kind, top: area.y, bottom: bottom, canvas: canvas, style: style)
        let rowHeight = (bottom - area.y) / Double(categories.count)
        let barHeight = min(rowHeight * 0.68, 16)
        for (c, label) in categories.enumerated() {
            let mid = area.y + rowHeight * (Double(c) + 0.5)
            RowLabels.draw(label, right: area.x + labelWidth, width: labelWidth, midY: mid, rowHeight: rowHeight,
                           canvas: canvas, font: labelFont, color: style.text)
            var sum = 0.0
            for s in series.indices {
                let v = c < values.count && s < values[c].count ? max(0, values[c][s]) : 0
                let x0 = scale.position(sum), x1 = scale.position(sum + v)
                if x1 > x0 {
                    canvas.fill(Rect(x: x0, y: mid - barHeight / 2, width: x1 - x0, height: barHeight), style.color(s))
                    // A thin white gap keeps neighbouring segments apart in grey print.
                    canvas.strokeLine(Point(x1, mid - barHeight / 2), Point(x1, mid + barHeight / 2), color: .white, width: 0.6)
                }
                sum += v
            }
            let total = kind.label(totals[c], style.numbers)
            let m = canvas.measure(total, font: valueFont)
            canvas.draw(total, x: scale.position(sum) + 3, y: mid - m.height / 2, font: valueFont, color: style.text)
        }
    }
}
