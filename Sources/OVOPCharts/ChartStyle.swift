import OVOPCairo

/// Colours, fonts and number style shared by every chart and table.
public struct ChartStyle: Sendable {
    /// Series colours, readable in grey print and by colour-blind readers (the template's palette).
    public var palette: [Color]
    public var primary: Color
    public var accent: Color
    public var positive: Color
    public var negative: Color
    /// Text on `primary` (table headers).
    public var onPrimary: Color
    public var text = Color(hex: "#222222")
    public var muted = Color(hex: "#595959")
    public var grid = Color(hex: "#DDDDDD")
    public var axis = Color(hex: "#8C8C8C")
    public var stripe = Color(hex: "#F3F5F8")
    public var family = "DejaVu Sans"
    public var numbers: NumberStyle
    /// Printed in a chart without data.
    public var noData: String

    public init(palette: [Color], primary: Color, accent: Color, positive: Color, negative: Color, onPrimary: Color,
                numbers: NumberStyle, noData: String) {
        // A very light colour (the palette's yellow) is darkened so a line of it stays visible on white paper.
        self.palette = (palette.isEmpty ? [primary] : palette).map { $0.luminance > 0.72 ? $0.mixed(with: .black, 0.3) : $0 }
        self.primary = primary
        self.accent = accent
        self.positive = positive
        self.negative = negative
        self.onPrimary = onPrimary
        self.numbers = numbers
        self.noData = noData
    }

    public var titleFont: Font { Font(family: family, size: 10, bold: true) }
    public var subtitleFont: Font { Font(family: family, size: 7.5) }
    public var labelFont: Font { Font(family: family, size: 7.5) }
    public var valueFont: Font { Font(family: family, size: 7) }
    public var sourceFont: Font { Font(family: family, size: 6.5) }
    public var tableFont: Font { Font(family: family, size: 7.5) }

    /// The `i`-th series colour.
    public func color(_ i: Int) -> Color { palette[i % palette.count] }

    /// A dash pattern that tells series apart in grey print: solid for the first palette round, dashed after.
    public func dash(_ i: Int) -> [Double] { (i / 5) % 2 == 1 ? [4, 2] : [] }
}

/// What the values of a chart are, for ticks and labels.
public enum ValueKind: Sendable {
    case rupiah, share, count

    /// Round ticks from 0 to at least `upper`.
    public func ticks(upper: Double, count: Int = 5) -> [Double] {
        switch self {
        case .share: Ticks.share(upper: upper, count: count)
        case .rupiah, .count: Ticks.nice(upper: upper, count: count)
        }
    }

    /// A tick label: `Rp 1,25 M`, `25%`, `1,5 rb`.
    public func tick(_ v: Double, _ n: NumberStyle) -> String {
        switch self {
        case .rupiah: v == 0 ? "0" : n.compactRupiah(v, digits: 2)
        case .share: n.percent(v, digits: 0)
        case .count: n.compactCount(v, digits: 1)
        }
    }

    /// A value label at a bar or point: `Rp 482,6 jt`, `12,5%`, `1.234`.
    public func label(_ v: Double, _ n: NumberStyle) -> String {
        switch self {
        case .rupiah: n.compactRupiah(v, digits: 1)
        case .share: n.percent(v, digits: 1)
        case .count: v.magnitude < 100_000 ? n.integer(Int64(v.rounded())) : n.compactCount(v, digits: 1)
        }
    }
}

/// The texts around a chart: what it shows, in which unit, where the data comes from.
public struct ChartText: Sendable {
    public var title: String
    /// The unit and scope line under the title, "Rupiah, Oktober 2026".
    public var subtitle: String
    public var source: String

    public init(title: String, subtitle: String, source: String) {
        self.title = title
        self.subtitle = subtitle
        self.source = source
    }
}
