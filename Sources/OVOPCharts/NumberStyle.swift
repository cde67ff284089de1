/// Numbers written the way the reader expects: Indonesian by default (`Rp 1.250.000`, `12,5%`, `Rp 1,2 M`),
/// English on request (`Rp 1,250,000`, `12.5%`, `Rp 1.2 bn`).
public struct NumberStyle: Sendable, Equatable {
    public var groupSeparator: Character
    public var decimalSeparator: Character
    /// Short unit words for thousand, million, billion, trillion.
    public var units: [String]
    /// Printed for a value that does not exist (a share of nothing).
    public var missing = "–"

    public init(groupSeparator: Character, decimalSeparator: Character, units: [String]) {
        self.groupSeparator = groupSeparator
        self.decimalSeparator = decimalSeparator
        self.units = units
    }

    /// `1.250.000`, `12,5`, `Rp 1,2 M` (M = miliar), `Rp 350 jt`, `Rp 12 rb`.
    public static let indonesian = NumberStyle(groupSeparator: ".", decimalSeparator: ",", units: ["rb", "jt", "M", "T"])
    /// `1,250,000`, `12.5`, `Rp 1.2 bn`, `Rp 350 m`, `Rp 12 k`.
    public static let english = NumberStyle(groupSeparator: ",", decimalSeparator: ".", units: ["k", "m", "bn", "tn"])

    /// The minus sign (U+2212), which does not look like a hyphen.
    public static let minus = "\u{2212}"

    /// An integer with grouped thousands: `1.250.000`.
    public func integer(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(groupSeparator) }
            out.append(ch)
        }
        return value < 0 ? NumberStyle.minus + out : out
    }

    /// Whole rupiah in full: `Rp 5.151.803.679`.
    public func rupiah(_ value: Int64) -> String {
        value < 0 ? NumberStyle.minus + "Rp " + integer(-value) : "Rp " + integer(value)
    }

    /// A decimal number with exactly `digits` decimals (rounded half away from zero): `12,5`.
    public func decimal(_ value: Double, digits: Int) -> String {
        let factor = pow10(digits)
        let scaled = (value.magnitude * factor).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(scaled / factor)
        let fraction = Int64(scaled - Double(whole) * factor)
        var text = integer(whole)
        if digits > 0 {
            let f = String(fraction)
            text.append(decimalSeparator)
            text += String(repeating: "0", count: max(0, digits - f.count)) + f
        }
        return value < 0 && scaled != 0 ? NumberStyle.minus + text : text
    }

    /// A share as a percentage, `0.125` → `12,5%`; nil → `–`.
    public func percent(_ share: Double?, digits: Int = 1) -> String {
        guard let share else { return missing }
        return decimal(share * 100, digits: digits) + "%"
    }

    /// A growth rate with its sign, `0.034` → `+3,4%`, `-0.012` → `−1,2%`; nil → `–`.
    public func growth(_ rate: Double?, digits: Int = 1) -> String {
        guard let rate else { return missing }
        let text = decimal(rate * 100, digits: digits)
        let isZero = (rate.magnitude * 100 * pow10(digits)).rounded(.toNearestOrAwayFromZero) == 0
        return (isZero || rate < 0 ? text : "+" + text) + "%"
    }

    /// A short amount for charts: `Rp 1,2 M`, `Rp 350 jt`, `Rp 12 rb`, with at most `digits` decimals
    /// (trailing zeros dropped).
    public func compactRupiah(_ value: Double, digits: Int = 1) -> String {
        let text = compact(value.magnitude, digits: digits)
        return (value < 0 && text != "0" ? NumberStyle.minus : "") + "Rp " + text
    }

    /// A short count for charts: `1,2 rb`, `350`.
    public func compactCount(_ value: Double, digits: Int = 1) -> String {
        let text = compact(value.magnitude, digits: digits)
        return (value < 0 && text != "0" ? NumberStyle.minus : "") + text
    }

    private func compact(_ v: Double, digits: Int) -> String {
        var unit = -1
        var scaled = v
        while unit + 1 < units.count && scaled >= 1000 {
            scaled /= 1000
            unit += 1
        }
        // 999,96 jt rounds to 1.000 jt: write it as 1 M.
        let factor = pow10(digits)
        if unit + 1 < units.count && (scaled * factor).rounded(.toNearestOrAwayFromZero) / factor >= 1000 {
            scaled /= 1000
            unit += 1
        }
        var text = unit < 0 ? decimal(scaled, digits: scaled.rounded() == scaled ? 0 : digits) : decimal(scaled, digits: digits)
        if text.contains(decimalSeparator) {
            while text.hasSuffix("0") { text.removeLast() }
            if text.last == decimalSeparator { text.removeLast() }
        }
        return unit < 0 ? text : text + " " + units[unit]
    }

    private func pow10(_ n: Int) -> Double {
        var f = 1.0
        for _ in 0..<max(0, n) { f *= 10 }
        return f
    }
}
