import OVOPCairo

/// Lines over ordered categories (months), several series with a legend.
public struct LineChart: Chart {
    public struct Series: Sendable {
        public var name: String
        public var values: [Double]
        public init(_ name: String, _ values: [Double]) { self.name = name; self.values = values }
    }

    public var text: ChartText
    public var labels: [String]
    public var series: [Series]
    public var kind: ValueKind
    /// Writes the last value of each series at its end point (for one or two series).
    public var labelLast: Bool

    public init(text: ChartText, labels: [String], series: [Series], kind: ValueKind, labelLast: Bool = false) {
        self.text = text
        self.labels = labels
        self.series = series
        self.kind = kind
        self.labelLast = labelLast
    }

    public func drawPlot(in rect: Rect, on canvas: Canvas, style: ChartStyle) {
        guard !labels.isEmpty, !series.isEmpty else { return ChartFrame.drawNoData(in: rect, on: canvas, style: style) }
        var area = rect
        if series.count > 1 {
            let items = series.enumerated().map {
                Legend.Item(name: $0.element.name, color: style.color($0.offset), dash: style.dash($0.offset), line: true)
            }
            area = rect.inset(top: Legend.draw(items, in: rect, on: canvas, style: style) + 6)
        }
        let upper = series.flatMap(\.values).max() ?? 0
        let ticks = kind.ticks(upper: upper, count: 4)
        let left = area.x + Axes.verticalLabelWidth(ticks, kind: kind, canvas: canvas, style: style)
        let lastLabels = labelLast ? series.map { kind.label($0.values.last ?? 0, style.numbers) } : []
        let rightPad = (lastLabels.map { canvas.measure($0, font: style.valueFont).width }.max() ?? 0) + (labelLast ? 6 : 4)
        let slot = (area.maxX - rightPad - left) / Double(labels.count)
        let bottom = area.maxY - (style.labelFont.size * 2.4 + 6)
        let scale = ValueScale(kind: kind, upper: upper, start: bottom, end: area.y + 4, count: 4)
        Axes.drawVertical(scale, kind: kind, left: left, right: area.maxX - rightPad + slot / 2, canvas: canvas, style: style)
        if scale.isEmpty { ChartFrame.drawNoData(in: area, on: canvas, style: style) }
        let centers = labels.indices.map { left + slot * (Double($0) + 0.5) }
        canvas.setRoundLines(true)
        for (s, line) in series.enumerated().reversed() {
            let color = style.color(s)
            canvas.setColor(color)
            canvas.setLineWidth(series.count > 3 ? 1.4 : 1.8)
            canvas.setDash(style.dash(s))
            for (i, v) in line.values.prefix(labels.count).enumerated() {
                let p = Point(centers[i], scale.position(v))
                if i == 0 { canvas.move(to: p) } else { canvas.line(to: p) }
            }
            canvas.stroke()
            canvas.setDash([])
            if series.count <= 3 {
                for (i, v) in line.values.prefix(labels.count).enumerated() {
                    canvas.addCircle(center: Point(centers[i], scale.position(v)), radius: 1.9)
                    canvas.fill()
                }
            }
            if labelLast, let v = line.values.prefix(labels.count).last {
                let m = canvas.measure(lastLabels[s], font: style.valueFont)
                canvas.draw(lastLabels[s], x: centers[line.values.prefix(labels.count).count - 1] + 5,
                            y: scale.position(v) - m.height / 2, font: style.valueFont, color: style.text)
            }
        }
        canvas.setRoundLines(false)
        _ = Axes.drawCategories(labels, centers: centers, slot: slot, top: bottom, canvas: canvas, style: style)
    }
}
