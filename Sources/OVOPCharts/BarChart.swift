import OVOPCairo

/// Horizontal bars, one per category, largest first, each with its value at the end.
public struct BarChart: Chart {
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var highlighted: Bool

        public init(_ label: String, _ value: Double, highlighted: Bool = false) {
            self.label = label
            self.value = value
            self.highlighted = highlighted
        }
    }

    public var text: ChartText
    public var bars: [Bar]
    public var kind: ValueKind
    /// Largest first (stable for ties); otherwise in the given order.
    public var sorted: Bool
    /// The bar colour; the style's primary colour when nil.
    public var color: Color?

    public init(text: ChartText, bars: [Bar], kind: ValueKind, sorted: Bool = true, color: Color? = nil) {
        self.text = text
        self.bars = bars
        self.kind = kind
        self.sorted = sorted
        self.color = color
    }

    /// The bars in drawing order.
    public var orderedBars: [Bar] {
        guard sorted else { return bars }
        return bars.enumerated().sorted { a, b in
            a.element.value != b.element.value ? a.element.value > b.element.value : a.offset < b.offset
        }.map(\.element)
    }

    public func drawPlot(in rect: Rect, on canvas: Canvas, style: ChartStyle) {
        let rows = orderedBars
        guard !rows.isEmpty else { return ChartFrame.drawNoData(in: rect, on: canvas, style: style) }
        let labelFont = style.labelFont, valueFont = style.valueFont
        // Highlighted labels are bold, so they are measured bold.
        let limit = rect.width * (rect.width < 300 ? 0.42 : 0.34)
        let labelWidth = rows.map {
            RowLabels.width([$0.label], canvas: canvas, font: $0.highlighted ? labelFont.boldened : labelFont, limit: limit)
        }.max() ?? 0
        let valueLabels = rows.map { kind.label($0.value, style.numbers) }
        let valueWidth = (valueLabels.map { canvas.measure($0, font: valueFont).width }.max() ?? 0) + 4
        let axisHeight = Axes.horizontalLabelHeight(style)
        let plotLeft = rect.x + labelWidth + 6
        let scale = ValueScale(kind: kind, upper: rows.map(\.value).max() ?? 0, start: plotLeft,
                               end: rect.maxX - valueWidth, count: 4)
        let top = rect.y, bottom = rect.maxY - axisHeight
        Axes.drawHorizontal(scale, kind: kind, top: top, bottom: bottom, canvas: canvas, style: style)
        let rowHeight = (bottom - top) / Double(rows.count)
        let barHeight = min(rowHeight * 0.68, 16)
        let base = color ?? style.primary
        for (i, bar) in rows.enumerated() {
            let mid = top + rowHeight * (Double(i) + 0.5)
            RowLabels.draw(bar.label, right: rect.x + labelWidth, width: labelWidth, midY: mid, rowHeight: rowHeight,
                           canvas: canvas, font: bar.highlighted ? labelFont.boldened : labelFont, color: style.text)
            let end = scale.position(bar.value)
            if end > plotLeft {
                canvas.fill(Rect(x: plotLeft, y: mid - barHeight / 2, width: end - plotLeft, height: barHeight),
                            bar.highlighted ? style.accent : base)
            }
            let vm = canvas.measure(valueLabels[i], font: valueFont)
            canvas.draw(valueLabels[i], x: end + 3, y: mid - vm.height / 2, font: valueFont, color: style.text)
        }
    }
}
