import OVOPCairo

/// A small line without axes: the shape of a series, its last point marked. For key figures and small multiples.
public struct Sparkline: Sendable {
    public var values: [Double]
    public var color: Color?

    public init(values: [Double], color: Color? = nil) {
        self.values = values
        self.color = color
    }

    public func draw(in rect: Rect, on canvas: Canvas, style: ChartStyle) {
        guard values.count >= 2 else { return }
        let top = max(values.max() ?? 0, 1e-9)
        let color = self.color ?? style.primary
        let step = rect.width / Double(values.count - 1)
        let points = values.enumerated().map { Point(rect.x + step * Double($0.offset), rect.maxY - rect.height * max(0, $0.element) / top) }
        // The area under the line, lightly tinted.
        canvas.setColor(color.mixed(with: .white, 0.82))
        canvas.move(to: Point(rect.x, rect.maxY))
        for p in points { canvas.line(to: p) }
        canvas.line(to: Point(rect.maxX, rect.maxY))
        canvas.closePath()
        canvas.fill()
        canvas.setRoundLines(true)
        canvas.setColor(color)
        canvas.setLineWidth(1.2)
        for (i, p) in points.enumerated() { if i == 0 { canvas.move(to: p) } else { canvas.line(to: p) } }
        canvas.stroke()
        canvas.setRoundLines(false)
        canvas.addCircle(center: points[points.count - 1], radius: 2)
        canvas.setColor(style.accent)
        canvas.fill()
    }
}

/// A grid of small sparklines with a name and a figure each: many series compared at a glance.
public struct SmallMultiples: Chart {
    public struct Panel: Sendable {
        public var name: String
        public var figure: String
        public var values: [Double]
        public init(name: String, figure: String, values: [Double]) {
            self.name = name; self.figure = figure; self.values = values
        }
    }

    public var text: ChartText
    public var panels: [Panel]
    public var columns: Int

    public init(text: ChartText, panels: [Panel], columns: Int) {
        self.text = text
        self.panels = panels
        self.columns = max(1, columns)
    }

    public func drawPlot(in rect: Rect, on canvas: Canvas, style: ChartStyle) {
        guard !panels.isEmpty else { return ChartFrame.drawNoData(in: rect, on: canvas, style: style) }
        let rows = (panels.count + columns - 1) / columns
        let cellW = rect.width / Double(columns), cellH = rect.height / Double(rows)
        for (i, panel) in panels.enumerated() {
            let cell = Rect(x: rect.x + cellW * Double(i % columns), y: rect.y + cellH * Double(i / columns),
                            width: cellW, height: cellH).inset(top: 2, left: 3, bottom: 4, right: 6)
            let name = canvas.draw(panel.name, x: cell.x, y: cell.y, font: style.labelFont.boldened, color: style.text,
                                   width: cell.width)
            let fig = canvas.draw(panel.figure, x: cell.x, y: cell.y + name.height, font: style.valueFont,
                                  color: style.muted, width: cell.width)
            Sparkline(values: panel.values).draw(in: cell.inset(top: name.height + fig.height + 3, bottom: 1, right: 3),
                                                 on: canvas, style: style)
        }
    }
}
