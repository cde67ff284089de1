import Foundation
import OVOPCairo

/// A chart: a title, a unit line and a source line around a plot, drawn in any rectangle of any surface.
public protocol Chart: Sendable {
    var text: ChartText { get }
    /// Draws the plot (axes, marks, legend) inside `rect`.
    func drawPlot(in rect: Rect, on canvas: Canvas, style: ChartStyle)
}

extension Chart {
    /// Draws the chart with its title, unit and source inside `rect`.
    public func draw(in rect: Rect, on canvas: Canvas, style: ChartStyle) {
        let plot = ChartFrame.draw(text, in: rect, on: canvas, style: style)
        drawPlot(in: plot, on: canvas, style: style)
    }

    /// Writes the chart as a PNG of `size` points at `scale` pixels per point, on white.
    public func writePNG(to url: URL, size: Size, scale: Double = 2, style: ChartStyle) throws {
        let surface = try ImageSurface(pixelWidth: Int((size.width * scale).rounded()),
                                       pixelHeight: Int((size.height * scale).rounded()))
        let canvas = try Canvas(surface)
        canvas.scale(scale, scale)
        canvas.setColor(.white)
        canvas.paint()
        let margin = 10.0
        draw(in: Rect(x: margin, y: margin, width: size.width - 2 * margin, height: size.height - 2 * margin),
             on: canvas, style: style)
        try canvas.check("while drawing the chart \(url.lastPathComponent)")
        try surface.writePNG(to: url)
        try surface.finish()
    }
}

/// The title, unit line and source line every chart carries.
enum ChartFrame {
    /// Draws the texts and returns the rectangle left for the plot.
    static func draw(_ text: ChartText, in rect: Rect, on canvas: Canvas, style: ChartStyle) -> Rect {
        var y = rect.y
        let title = canvas.draw(text.title, x: rect.x, y: y, font: style.titleFont, color: style.text,
                                width: rect.width, fit: .wrap(lines: 2))
        y += title.height + 1
        if !text.subtitle.isEmpty {
            let sub = canvas.draw(text.subtitle, x: rect.x, y: y, font: style.subtitleFont, color: style.muted,
                                  width: rect.width, fit: .wrap(lines: 2))
            y += sub.height
        }
        y += 6
        let sourceHeight = canvas.measure(text.source, font: style.sourceFont, width: rect.width, fit: .wrap(lines: 2)).height
        canvas.draw(text.source, x: rect.x, y: rect.maxY - sourceHeight, font: style.sourceFont, color: style.muted,
                    width: rect.width, fit: .wrap(lines: 2))
        return Rect(x: rect.x, y: y, width: rect.width, height: max(10, rect.maxY - sourceHeight - 6 - y))
    }

    /// Writes the "no data" note in the middle of `rect`.
    static func drawNoData(in rect: Rect, on canvas: Canvas, style: ChartStyle) {
        canvas.draw(style.noData, x: rect.x, y: rect.midY - 5, font: style.labelFont, color: style.muted,
                    width: rect.width, align: .center)
    }
}

/// A value axis: a linear scale from 0 to the last tick.
struct ValueScale {
    let ticks: [Double]
    let start: Double
    let end: Double

    init(kind: ValueKind, upper: Double, start: Double, end: Double, count: Int = 5) {
        ticks = kind.ticks(upper: upper, count: count)
        self.start = start
        self.end = end
    }

    var top: Double { max(ticks.last ?? 1, 1e-9) }
    var isEmpty: Bool { ticks.count <= 1 }

    /// The position of `v` between `start` (0) and `end` (the last tick).
    func position(_ v: Double) -> Double { start + (end - start) * min(max(v, 0), top) / top }
}

/// Coloured keys for the series of a chart, flowing in rows.
enum Legend {
    struct Item {
        var name: String
        var color: Color
        var dash: [Double] = []
        var line = false
    }

    /// Draws the items from the top left of `rect`; returns the height used.
    @discardableResult
    static func draw(_ items: [Item], in rect: Rect, on canvas: Canvas, style: ChartStyle, measureOnly: Bool = false) -> Double {
        let font = style.labelFont
        let swatch = 12.0, gap = 4.0, spacing = 12.0
        let lineHeight = font.size * 1.45
        var x = rect.x, y = rect.y
        for item in items {
            let w = min(canvas.measure(item.name, font: font).width, rect.width - swatch - gap)
            if x > rect.x && x + swatch + gap + w > rect.maxX {
                x = rect.x
                y += lineHeight
            }
            if !measureOnly {
                let mid = y + lineHeight / 2
                if item.line {
                    canvas.strokeLine(Point(x, mid), Point(x + swatch, mid), color: item.color, width: 2, dash: item.dash)
                } else {
                    canvas.fill(Rect(x: x + 2, y: mid - 4, width: swatch - 4, height: 8), item.color)
                }
                canvas.draw(item.name, x: x + swatch + gap, y: y + (lineHeight - font.size * 1.17) / 2, font: font,
                            color: style.text, width: w + 1)
            }
            x += swatch + gap + w + spacing
        }
        return y + lineHeight - rect.y
    }
}

/// Category labels beside horizontal bars: measured so they never overlap or spill.
enum RowLabels {
    /// The width of the label column: the widest label, at most `fraction` of the chart.
    static func width(_ labels: [String], canvas: Canvas, font: Font, limit: Double) -> Double {
        min(limit, (labels.map { canvas.measure($0, font: font).width }.max() ?? 0) + 1)
    }

    /// Draws `label` right-aligned in the column, centred on `midY`, on two lines when the row allows.
    static func draw(_ label: String, right: Double, width: Double, midY: Double, rowHeight: Double, canvas: Canvas,
                     font: Font, color: Color) {
        let lines = rowHeight >= font.size * 2.5 ? 2 : 1
        let fit: TextFit = lines == 2 ? .wrap(lines: 2) : .ellipsize
        let m = canvas.measure(label, font: font, width: width, fit: fit)
        canvas.draw(label, x: right - width, y: midY - m.height / 2, font: font, color: color, width: width,
                    align: .right, fit: fit)
    }
}
