import Foundation

/// Time in WITA (UTC+8) without time-zone databases: the province's clock.
public enum Clock {
    /// WITA's offset from UTC in seconds.
    public static let witaOffset: Int64 = 8 * 3600

    /// "Now" in microseconds since 1970: `SOURCE_DATE_EPOCH` when set (SPEC 11), else the system clock.
    public static func nowMicros(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int64 {
        if let s = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(s.trimmingCharacters(in: .whitespaces)) {
            return seconds * 1_000_000
        }
        return Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// The WITA calendar month containing the instant.
    public static func period(ofMicros micros: Int64) -> Period {
        let (y, m, _) = civil(fromDays: floorDiv(micros / 1_000_000 + witaOffset, 86_400))
        return Period(year: y, month: m) ?? Period(year: 1970, month: 1)!
    }

    /// The instant a period starts: its first day at 00:00 WITA.
    public static func startMicros(of period: Period) -> Int64 {
        (days(fromCivil: period.year, period.month, 1) * 86_400 - witaOffset) * 1_000_000
    }

    /// ISO 8601 in WITA with its offset, e.g. `2026-11-03T09:15:00+08:00`.
    public static func isoWITA(micros: Int64) -> String {
        let seconds = floorDiv(micros, 1_000_000) + witaOffset
        let (y, m, d) = civil(fromDays: floorDiv(seconds, 86_400))
        let s = seconds - floorDiv(seconds, 86_400) * 86_400
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(Int64(m)))-\(two(Int64(d)))T\(two(s / 3600)):\(two(s % 3600 / 60)):\(two(s % 60))+08:00"
    }

    /// The date in WITA as `YYYY-MM-DD`.
    public static func dateWITA(micros: Int64) -> String {
        String(isoWITA(micros: micros).prefix(10))
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { CivilCalendar.floorDivide(a, b) }

    /// Days since 1970-01-01 of a civil date (proleptic Gregorian).
    public static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        CivilCalendar.days(fromCivil: year, month, day)
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let d = CivilCalendar.civil(fromDays: days)
        return (d.year, d.month, d.day)
    }
}

/// Rounding of money (SPEC 11): half away from zero, everywhere.
public enum Rounding {
    public static func halfAwayFromZero(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .plain)  // .plain rounds half away from zero
        return result
    }

    /// `numerator / denominator` rounded half away from zero, in integers.
    public static func divide(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        precondition(denominator != 0)
        let q = numerator / denominator
        let r = numerator % denominator
        if r == 0 { return q }
        let twice = r.magnitude * 2
        if twice >= denominator.magnitude {
            return (numerator < 0) != (denominator < 0) ? q - 1 : q + 1
        }
        return q
    }
}
