import OVOPCairo

/// Vertical bars in the given order (months, for instance), with their values on top when they fit.
public struct ColumnChart: Chart {
    public var text: ChartText
    public var labels: [String]
    public var values: [Double]
    public var kind: ValueKind
    /// Drawn in the accent colour (the report month).
    public var highlighted: Int?

    public init(text: ChartText, labels: [String], values: [Double], kind: ValueKind, highlighted: Int? = nil) {
        self.text = text
        self.labels = labels
        self.values = values
        self.kind = kind
        self.highlighted = highlighted
    }

    public func drawPlot(in rect: Rect, on canvas: Canvas, style: ChartStyle) {
        guard !values.isEmpty else { return ChartFrame.drawNoData(in: rect, on: canvas, style: style) }
        let ticks = kind.ticks(upper: values.max() ?? 0, count: 4)
        let left = rect.x + Axes.verticalLabelWidth(ticks, kind: kind, canvas: canvas, style: style)
        let slot = (rect.maxX - left) / Double(values.count)
        let categoryHeight = style.labelFont.size * 2.4 + 6
        let bottom = rect.maxY - categoryHeight
        let valueFont = style.valueFont.sized(6.5)
        let valueLabels = values.map { kind.label($0, style.numbers) }
        let showValues = valueLabels.allSatisfy { canvas.measure($0, font: valueFont).width <= slot - 1 }
        let scale = ValueScale(kind: kind, upper: values.max() ?? 0, start: bottom,
                               end: rect.y + (showValues ? valueFont.size * 1.4 : 0), count: 4)
        Axes.drawVertical(scale, kind: kind, left: left, right: rect.maxX, canvas: canvas, style: style)
        if scale.isEmpty { ChartFrame.drawNoData(in: rect, on: canvas, style: style) }
        let barWidth = min(slot * 0.7, 28)
        var centers: [Double] = []
        for (i, v) in values.enumerated() {
            let cx = left + slot * (Double(i) + 0.5)
            centers.append(cx)
            let y = scale.position(v)
            if bottom - y > 0 {
                canvas.fill(Rect(x: cx - barWidth / 2, y: y, width: barWidth, height: bottom - y),
                            i == highlighted ? style.accent : style.primary)
            }
            if showValues && !scale.isEmpty {
                canvas.draw(valueLabels[i], x: cx, y: y - valueFont.size * 1.3, font: valueFont, color: style.text,
                            align: .center)
            }
        }
        _ = Axes.drawCategories(labels, centers: centers, slot: slot, top: bottom, canvas: canvas, style: style)
    }
}
