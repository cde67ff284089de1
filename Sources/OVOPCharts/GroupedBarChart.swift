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
        let valueFont = style.valueFont.sized(6.5)
        guard let rows = SeriesRows(categories: categories, series: series, ends: values.flatMap { $0 }, kind: kind,
                                    valueFont: valueFont, in: rect, on: canvas, style: style) else { return }
        let barHeight = min(rows.rowHeight * 0.8 / Double(series.count), 12)
        let showValues = barHeight >= valueFont.size * 1.05
        rows.forEachRow(categories, on: canvas, style: style) { c, mid in
            let groupTop = mid - barHeight * Double(series.count) / 2
            for s in series.indices {
                let v = c < values.count && s < values[c].count ? values[c][s] : 0
                let y = groupTop + barHeight * Double(s)
                let end = rows.scale.position(v)
                if end > rows.plotLeft {
                    canvas.fill(Rect(x: rows.plotLeft, y: y + 0.3, width: end - rows.plotLeft, height: barHeight - 0.6),
                                style.color(s))
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
