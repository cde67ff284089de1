/// A calendar month, the unit of every report (`2026-10`).
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Creates a period; `nil` unless `month` is 1...12 and `year` is 1000...9999.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1000...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Months since year 0: a dense integer key, used by the warehouse.
    public var index: Int { year * 12 + (month - 1) }

    public init?(index: Int) {
        self.init(year: index / 12, month: index % 12 + 1)
    }

    /// Parses the canonical `YYYY-MM` form only.
    public init?(canonical text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    /// The period `n` months later (earlier when negative).
    public func advanced(by n: Int) -> Period {
        Period(index: index + n)!
    }

    public var previous: Period { advanced(by: -1) }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(m)"
    }

    public static func < (a: Period, b: Period) -> Bool { a.index < b.index }
}
