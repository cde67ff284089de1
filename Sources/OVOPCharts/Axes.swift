import OVOPCairo

/// Grid lines and tick labels of value axes.
enum Axes {
    /// Vertical grid lines from `top` to `bottom` with tick labels under `bottom` (horizontal bar charts).
    static func drawHorizontal(_ scale: ValueScale, kind: ValueKind, top: Double, bottom: Double, canvas: Canvas,
                               style: ChartStyle) {
        let font = style.valueFont
        for (i, t) in scale.ticks.enumerated() {
            let x = scale.position(t)
            canvas.strokeLine(Point(x, top), Point(x, bottom), color: i == 0 ? style.axis : style.grid,
                              width: i == 0 ? 0.8 : 0.5)
            let label = kind.tick(t, style.numbers)
            let w = canvas.measure(label, font: font).width
            // The last label ends at the axis end; the others are centred on their tick.
            let left = i == scale.ticks.count - 1 ? min(x - w / 2, scale.end - w) : x - w / 2
            canvas.draw(label, x: max(left, scale.start - 2), y: bottom + 2, font: font, color: style.muted)
        }
    }

    /// The height taken by tick labels under a horizontal axis.
    static func horizontalLabelHeight(_ style: ChartStyle) -> Double { style.valueFont.size * 1.2 + 3 }

    /// The width of the tick labels left of a vertical axis.
    static func verticalLabelWidth(_ ticks: [Double], kind: ValueKind, canvas: Canvas, style: ChartStyle) -> Double {
        (ticks.map { canvas.measure(kind.tick($0, style.numbers), font: style.valueFont).width }.max() ?? 0) + 4
    }

    /// Horizontal grid lines from `left` to `right` with tick labels right-aligned left of `left`.
    static func drawVertical(_ scale: ValueScale, kind: ValueKind, left: Double, right: Double, canvas: Canvas,
                             style: ChartStyle) {
        let font = style.valueFont
        for (i, t) in scale.ticks.enumerated() {
            let y = scale.position(t)
            canvas.strokeLine(Point(left, y), Point(right, y), color: i == 0 ? style.axis : style.grid,
                              width: i == 0 ? 0.8 : 0.5)
            canvas.draw(kind.tick(t, style.numbers), x: left - 4, y: y - font.size * 0.6, font: font,
                        color: style.muted, align: .right)
        }
    }

    /// Category labels under columns or points, every `step`-th when they do not all fit.
    static func drawCategories(_ labels: [String], centers: [Double], slot: Double, top: Double, canvas: Canvas,
                               style: ChartStyle) -> Double {
        let font = style.labelFont
        let widest = labels.map { canvas.measure($0, font: font).width }.max() ?? 0
        var step = 1
        while Double(step) * slot < widest + 4 && step < labels.count { step += 1 }
        var height = 0.0
        for (i, label) in labels.enumerated() where (labels.count - 1 - i) % step == 0 {
            let width = slot * Double(step)
            let m = canvas.draw(label, x: centers[i] - width / 2, y: top + 3, font: font, color: style.muted,
                                width: width, align: .center, fit: .wrap(lines: 2))
            height = max(height, m.height)
        }
        return height + 3
    }
}
