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
        let valueFont = style.valueFont
        let totals = values.map { $0.reduce(0, +) }
        guard let rows = SeriesRows(categories: categories, series: series, ends: totals, kind: kind,
                                    valueFont: valueFont, in: rect, on: canvas, style: style) else { return }
        let barHeight = min(rows.rowHeight * 0.68, 16)
        rows.forEachRow(categories, on: canvas, style: style) { c, mid in
            var sum = 0.0
            for s in series.indices {
                let v = c < values.count && s < values[c].count ? max(0, values[c][s]) : 0
                let x0 = rows.scale.position(sum), x1 = rows.scale.position(sum + v)
                if x1 > x0 {
                    canvas.fill(Rect(x: x0, y: mid - barHeight / 2, width: x1 - x0, height: barHeight), style.color(s))
                    // A thin white gap keeps neighbouring segments apart in grey print.
                    canvas.strokeLine(Point(x1, mid - barHeight / 2), Point(x1, mid + barHeight / 2), color: .white, width: 0.6)
                }
                sum += v
            }
            let total = kind.label(totals[c], style.numbers)
            let m = canvas.measure(total, font: valueFont)
            canvas.draw(total, x: rows.scale.position(sum) + 3, y: mid - m.height / 2, font: valueFont, color: style.text)
        }
    }
}
