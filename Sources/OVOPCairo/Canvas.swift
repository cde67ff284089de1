import CCairo
import CPangoCairo

/// A font: family, size in points, weight.
public struct Font: Sendable, Hashable {
    public var family: String
    public var size: Double
    public var bold: Bool

    public init(family: String = "DejaVu Sans", size: Double, bold: Bool = false) {
        self.family = family; self.size = size; self.bold = bold
    }

    public func sized(_ size: Double) -> Font { Font(family: family, size: size, bold: bold) }
    public var boldened: Font { Font(family: family, size: size, bold: true) }
}

public enum TextAlign: Sendable {
    case left, center, right
}

/// How text is fitted into a width.
public enum TextFit: Sendable, Equatable {
    /// One line; wider text is cut with an ellipsis.
    case ellipsize
    /// Wrapped at words, at most `lines` lines; the last one ellipsized.
    case wrap(lines: Int)
}

/// Measured text: its size and the distance from its top to the first baseline.
public struct TextMetrics: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var baseline: Double
    public var lineCount: Int
    /// Whether the text had to be cut to fit.
    public var isCut: Bool
}

/// A drawing context (`cairo_t`) on a surface, with a Pango context (`PangoContext`) for text.
///
/// Units are points. Text is laid out by Pango at 72 dpi, with glyph positions and metrics not rounded, so a
/// layout measures the same on a PDF page and on a PNG drawn at any scale.
public final class Canvas {
    let cr: OpaquePointer
    let pango: OpaquePointer
    private let surface: Surface

    /// Creates a context on `surface` (`cairo_create`, `pango_cairo_create_context`).
    public init(_ surface: Surface) throws {
        self.surface = surface
        guard let cr = cairo_create(surface.pointer) else {
            throw CairoError(CAIRO_STATUS_NO_MEMORY, context: "while creating a context on \(surface.what)")
        }
        self.cr = cr
        guard let pango = pango_cairo_create_context(cr) else {
            cairo_destroy(cr)
            throw CairoError(CAIRO_STATUS_NO_MEMORY, context: "while creating a Pango context on \(surface.what)")
        }
        self.pango = pango
        // Pango assumes 96 dpi unless told: a 10 pt font would come out 13.3 pt.
        pango_cairo_context_set_resolution(pango, 72)
        pango_context_set_round_glyph_positions(pango, 0)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(pango, options)
        cairo_font_options_destroy(options)
        try check("while creating a context on \(surface.what)")
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(pango))
        cairo_destroy(cr)
    }

    /// Throws the context's sticky error, if any (`cairo_status`).
    public func check(_ context: @autoclosure () -> String) throws {
        try CairoError.check(cairo_status(cr), context())
    }

    // MARK: Pages and state

    /// Ends the page (`cairo_show_page`).
    public func showPage() { cairo_show_page(cr) }

    /// Runs `body` between `cairo_save` and `cairo_restore`.
    public func withState<T>(_ body: () throws -> T) rethrows -> T {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        return try body()
    }

    /// `cairo_scale`.
    public func scale(_ sx: Double, _ sy: Double) { cairo_scale(cr, sx, sy) }

    /// `cairo_translate`.
    public func translate(_ dx: Double, _ dy: Double) { cairo_translate(cr, dx, dy) }

    /// Restricts drawing to `rect` until the state is restored (`cairo_clip`).
    public func clip(to rect: Rect) {
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }

    // MARK: Paths and paint

    /// `cairo_set_source_rgba`.
    public func setColor(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }
    /// `cairo_set_line_width`.
    public func setLineWidth(_ w: Double) { cairo_set_line_width(cr, w) }
    /// `cairo_set_dash`; an empty pattern draws solid lines.
    public func setDash(_ pattern: [Double]) {
        pattern.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }
    /// Round line caps and joins (`cairo_set_line_cap`, `cairo_set_line_join`).
    public func setRoundLines(_ round: Bool) {
        cairo_set_line_cap(cr, round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        cairo_set_line_join(cr, round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER)
    }
    /// `cairo_move_to`.
    public func move(to p: Point) { cairo_move_to(cr, p.x, p.y) }
    /// `cairo_line_to`.
    public func line(to p: Point) { cairo_line_to(cr, p.x, p.y) }
    /// `cairo_rectangle`.
    public func addRect(_ r: Rect) { cairo_rectangle(cr, r.x, r.y, r.width, r.height) }
    /// A full circle (`cairo_arc`).
    public func addCircle(center: Point, radius: Double) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
    }
    /// `cairo_close_path`.
    public func closePath() { cairo_close_path(cr) }
    /// `cairo_fill`.
    public func fill() { cairo_fill(cr) }
    /// `cairo_stroke`.
    public func stroke() { cairo_stroke(cr) }
    /// `cairo_paint`: the whole clip area.
    public func paint() { cairo_paint(cr) }

    /// Fills `rect` with `color`.
    public func fill(_ rect: Rect, _ color: Color) {
        setColor(color)
        addRect(rect)
        fill()
    }

    /// A straight line from `a` to `b`.
    public func strokeLine(_ a: Point, _ b: Point, color: Color, width: Double, dash: [Double] = []) {
        setColor(color)
        setLineWidth(width)
        setDash(dash)
        move(to: a)
        line(to: b)
        stroke()
        if !dash.isEmpty { setDash([]) }
    }

    /// The outline of `rect`.
    public func stroke(_ rect: Rect, color: Color, width: Double) {
        setColor(color)
        setLineWidth(width)
        addRect(rect)
        stroke()
    }

    // MARK: Text (Pango)

    /// Lays `text` out (`pango_layout_new`); the caller unrefs the layout.
    private func layout(_ text: String, font: Font, width: Double?, fit: TextFit, align: TextAlign) -> OpaquePointer {
        pango_cairo_update_context(cr, pango)
        let layout = pango_layout_new(pango)!
        let description = pango_font_description_new()
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_size(description, Int32((font.size * Double(PANGO_SCALE)).rounded()))
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_text(layout, text, -1)
        if let width {
            pango_layout_set_width(layout, Int32((max(1, width) * Double(PANGO_SCALE)).rounded(.down)))
            switch fit {
            case .ellipsize:
                pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
            case .wrap(let lines):
                pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
                pango_layout_set_height(layout, Int32(-max(1, lines)))
                pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
            }
            switch align {
            case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
            case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
            case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
            }
        }
        return layout
    }

    private func metrics(_ layout: OpaquePointer) -> TextMetrics {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let scale = Double(PANGO_SCALE)
        return TextMetrics(width: Double(logical.width) / scale, height: Double(logical.height) / scale,
                           baseline: Double(pango_layout_get_baseline(layout)) / scale,
                           lineCount: Int(pango_layout_get_line_count(layout)),
                           isCut: pango_layout_is_ellipsized(layout) != 0)
    }

    /// Measures `text` as `draw` would lay it out.
    public func measure(_ text: String, font: Font, width: Double? = nil, fit: TextFit = .ellipsize) -> TextMetrics {
        let l = layout(text, font: font, width: width, fit: fit, align: .left)
        defer { g_object_unref(UnsafeMutableRawPointer(l)) }
        return metrics(l)
    }

    /// Draws `text` with its top at `y`. With a `width`, the text is aligned in `x ... x + width` and fitted
    /// (ellipsized or wrapped); without, `align` places it left of, around or right of `x`.
    @discardableResult
    public func draw(_ text: String, x: Double, y: Double, font: Font, color: Color, width: Double? = nil,
                     align: TextAlign = .left, fit: TextFit = .ellipsize) -> TextMetrics {
        let l = layout(text, font: font, width: width, fit: fit, align: align)
        defer { g_object_unref(UnsafeMutableRawPointer(l)) }
        let m = metrics(l)
        var left = x
        if width == nil {
            switch align {
            case .left: break
            case .center: left = x - m.width / 2
            case .right: left = x - m.width
            }
        }
        setColor(color)
        cairo_move_to(cr, left, y)
        pango_cairo_show_layout(cr, l)
        return m
    }
}
