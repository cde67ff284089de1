/// A point in points (1/72 inch), y down.
public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

public struct Size: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public init(_ width: Double, _ height: Double) { self.width = width; self.height = height }
}

/// A rectangle in points, origin at the top left.
public struct Rect: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// The rectangle shrunk by the given amounts on each side.
    public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: max(0, width - left - right), height: max(0, height - top - bottom))
    }

    /// The rectangle shrunk by `d` on every side.
    public func inset(_ d: Double) -> Rect { inset(top: d, left: d, bottom: d, right: d) }

    /// Splits off `amount` points from the top: (top part, the rest).
    public func sliceTop(_ amount: Double, gap: Double = 0) -> (Rect, Rect) {
        let a = min(amount, height)
        return (Rect(x: x, y: y, width: width, height: a), inset(top: min(height, a + gap)))
    }

    /// Splits into `count` columns of equal width separated by `gap`.
    public func columns(_ count: Int, gap: Double) -> [Rect] {
        let w = (width - gap * Double(count - 1)) / Double(count)
        return (0..<count).map { Rect(x: x + Double($0) * (w + gap), y: y, width: w, height: height) }
    }
}

/// A colour, components in 0...1.
public struct Color: Sendable, Equatable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// `#RRGGBB`; anything else is black.
    public init(hex: String) {
        let value = Int(hex.hasPrefix("#") ? String(hex.dropFirst()) : hex, radix: 16) ?? 0
        self.init(red: Double((value >> 16) & 0xFF) / 255, green: Double((value >> 8) & 0xFF) / 255,
                  blue: Double(value & 0xFF) / 255)
    }

    public static let white = Color(red: 1, green: 1, blue: 1)
    public static let black = Color(red: 0, green: 0, blue: 0)

    /// This colour moved towards `other` by `fraction` (0: unchanged, 1: `other`).
    public func mixed(with other: Color, _ fraction: Double) -> Color {
        Color(red: red + (other.red - red) * fraction, green: green + (other.green - green) * fraction,
              blue: blue + (other.blue - blue) * fraction, alpha: alpha)
    }

    /// Relative luminance (sRGB approximation), to choose a readable text colour on top.
    public var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }
}
