import OVOPCairo

/// Key figures in a grid of tiles: a label, the figure in large type, and a note (a change, in colour).
public struct FigureTiles: Sendable {
    public struct Tile: Sendable {
        public var label: String
        public var value: String
        public var note: String
        public var noteColor: Color?
        public var sparkline: [Double]?

        public init(label: String, value: String, note: String = "", noteColor: Color? = nil, sparkline: [Double]? = nil) {
            self.label = label
            self.value = value
            self.note = note
            self.noteColor = noteColor
            self.sparkline = sparkline
        }
    }

    public var tiles: [Tile]
    public var columns: Int
    public var valueSize: Double

    public init(tiles: [Tile], columns: Int, valueSize: Double = 13) {
        self.tiles = tiles
        self.columns = max(1, columns)
        self.valueSize = valueSize
    }

    /// The height of one tile.
    public var tileHeight: Double { 16 + valueSize * 1.3 + 13 }

    /// The height of the grid.
    public func height(gap: Double = 6) -> Double {
        let rows = (tiles.count + columns - 1) / columns
        return Double(rows) * tileHeight + Double(max(0, rows - 1)) * gap
    }

    /// Draws the tiles from the top of `rect`; returns the height used. A figure too wide for its tile is set
    /// smaller, never cut.
    @discardableResult
    public func draw(in rect: Rect, on canvas: Canvas, style: ChartStyle, gap: Double = 6) -> Double {
        let width = (rect.width - gap * Double(columns - 1)) / Double(columns)
        for (i, tile) in tiles.enumerated() {
            let box = Rect(x: rect.x + Double(i % columns) * (width + gap), y: rect.y + Double(i / columns) * (tileHeight + gap),
                           width: width, height: tileHeight)
            canvas.fill(box, style.stripe)
            canvas.fill(Rect(x: box.x, y: box.y, width: 2.5, height: box.height), style.primary)
            let inner = box.inset(top: 5, left: 8, bottom: 4, right: 6)
            canvas.draw(tile.label, x: inner.x, y: inner.y, font: style.labelFont, color: style.muted, width: inner.width)
            var font = Font(family: style.family, size: valueSize, bold: true)
            // A sparkline only where the figure leaves room for one at full size.
            let room = inner.width - canvas.measure(tile.value, font: font).width - 8
            let spark = tile.sparkline != nil && room >= 36 ? min(70, room) : 0
            while font.size > 6 && canvas.measure(tile.value, font: font).width > inner.width - spark - 4 {
                font = font.sized(font.size - 0.5)
            }
            let valueTop = inner.y + 11 + (valueSize - font.size) * 0.6
            canvas.draw(tile.value, x: inner.x, y: valueTop, font: font, color: style.text)
            if let values = tile.sparkline, spark > 0 {
                Sparkline(values: values).draw(in: Rect(x: inner.maxX - spark, y: inner.y + 11, width: spark, height: valueSize * 1.2),
                                               on: canvas, style: style)
            }
            if !tile.note.isEmpty {
                var noteFont = style.valueFont
                while noteFont.size > 5 && canvas.measure(tile.note, font: noteFont).width > inner.width {
                    noteFont = noteFont.sized(noteFont.size - 0.25)
                }
                canvas.draw(tile.note, x: inner.x, y: inner.maxY - style.valueFont.size * 1.25, font: noteFont,
                            color: tile.noteColor ?? style.muted, width: inner.width)
            }
        }
        return height(gap: gap)
    }
}
