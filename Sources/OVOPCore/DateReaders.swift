/// An instant with the zone it was written in (a `dikirim_pada` value).
public struct SubmittedAt: Sendable, Hashable, Comparable {
    /// The UTC instant, in microseconds since 1970-01-01T00:00:00Z.
    public let epochMicros: Int64
    /// The zone offset written, or +28800 (WITA) when none was.
    public let offsetSeconds: Int

    /// WITA, UTC+8: the zone of a value written without one (SPEC 3).
    public static let witaOffsetSeconds = 8 * 3600

    public init(epochMicros: Int64, offsetSeconds: Int) {
        self.epochMicros = epochMicros
        self.offsetSeconds = offsetSeconds
    }

    /// ISO 8601 in the zone written, e.g. `2026-11-03T09:15:00+08:00`.
    ///
    /// Seconds are always shown; fractional seconds only when nonzero, without trailing zeros;
    /// UTC is written `+00:00`.
    public var iso8601: String {
        let local = epochMicros + Int64(offsetSeconds) * 1_000_000
        let seconds = CivilCalendar.floorDivide(local, 1_000_000)
        let micros = Int(local - seconds * 1_000_000)
        let days = CivilCalendar.floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = CivilCalendar.civil(fromDays: days)
        var text = "\(year)-\(pad(month))-\(pad(day))T"
        text += "\(pad(secondOfDay / 3600)):\(pad(secondOfDay % 3600 / 60)):\(pad(secondOfDay % 60))"
        if micros != 0 {
            var fraction = String(micros)
            fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        let magnitude = abs(offsetSeconds)
        text += offsetSeconds < 0 ? "-" : "+"
        text += "\(pad(magnitude / 3600)):\(pad(magnitude % 3600 / 60))"
        return text
    }

    /// Orders instants by time alone, whatever zone they were written in.
    public static func < (a: SubmittedAt, b: SubmittedAt) -> Bool { a.epochMicros < b.epochMicros }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// Reads `periode` cells (SPEC 3 "month").
public enum MonthReader {
    /// Reads a `periode` cell under the file's date order; `nil` when it is not a valid period (→ invalid-period).
    ///
    /// Accepts `2026-10`, `2026/10`, `10/2026`, `10-2026`, a month name with a four-digit year
    /// (`Oktober 2026`, `Okt. 2026`, `Okt-2026`), a month name, hyphen and two-digit year
    /// (`Okt-26`), and any full date or date-time `DateTimeReader` reads, which stands for its month
    /// as written (before any zone conversion).
    public static func read(_ text: String, order: DateOrder) -> Period? {
        if let fast = LocalDateTime.fastMonth(text) { return fast }
        if let stamp = LocalDateTime.fastISO(text) { return Period(year: stamp.year, month: stamp.month) }
        let scalars = TextScanner.normalisedScalars(text)
        if let stamp = LocalDateTime.parse(scalars, order: order) {
            return Period(year: stamp.year, month: stamp.month)
        }
        if let period = numericMonth(scalars) { return period }
        return namedMonth(scalars)
    }

    /// `2026-10`, `2026/10`, `10/2026`, `10-2026`.
    private static func numericMonth(_ scalars: [Unicode.Scalar]) -> Period? {
        var scanner = TextScanner(scalars)
        guard let first = scanner.number(maxDigits: 4), let separator = scanner.next(),
              separator == "-" || separator == "/",
              let second = scanner.number(maxDigits: 4), scanner.isAtEnd
        else { return nil }
        if first.digits == 4, (1...2).contains(second.digits) {
            return Period(year: first.value, month: second.value)
        }
        if (1...2).contains(first.digits), second.digits == 4 {
            return Period(year: second.value, month: first.value)
        }
        return nil
    }

    /// `Oktober 2026`, `Okt. 2026`, `Okt-2026`, `Okt-26`.
    private static func namedMonth(_ scalars: [Unicode.Scalar]) -> Period? {
        var scanner = TextScanner(scalars)
        let name = scanner.letters().lowercased()
        guard let month = monthNumbers[name] else { return nil }
        _ = scanner.skip(".")
        guard let separator = scanner.next(), separator == " " || separator == "-",
              let year = scanner.number(maxDigits: 4), scanner.isAtEnd
        else { return nil }
        switch year.digits {
        case 4: return Period(year: year.value, month: month)
        case 2 where separator == "-": return Period(year: 2000 + year.value, month: month)
        default: return nil
        }
    }

    /// Indonesian and English month names and abbreviations, lowercase.
    static let monthNumbers: [String: Int] = {
        let names: [[String]] = [
            ["januari", "january", "jan"],
            ["februari", "pebruari", "february", "feb", "peb"],
            ["maret", "march", "mar"],
            ["april", "apr"],
            ["mei", "may"],
            ["juni", "june", "jun"],
            ["juli", "july", "jul"],
            ["agustus", "august", "aug", "agu", "agt", "ags"],
            ["september", "sep", "sept"],
            ["oktober", "october", "okt", "oct"],
            ["november", "nopember", "nov", "nop"],
            ["desember", "december", "des", "dec"],
        ]
        var map: [String: Int] = [:]
        for (index, spellings) in names.enumerated() {
            for spelling in spellings { map[spelling] = index + 1 }
        }
        return map
    }()
}

/// Reads `dikirim_pada` cells (SPEC 3 "date-time", SPEC 11).
public enum DateTimeReader {
    /// Reads a `dikirim_pada` cell; `nil` when invalid (→ invalid-date). No zone means WITA (UTC+8).
    ///
    /// Accepts ISO 8601 dates and date-times (`T` or a space, optional seconds and fractional
    /// seconds, `Z`, `+hh:mm`, `+hhmm`, `+hh` or no zone) and numeric dates `a/b/yyyy` or `a-b-yyyy`
    /// in the file's order, optionally followed by `H:MM`, `H:MM:SS` or `H.MM` (`H.MM.SS`).
    /// A date alone is 00:00 WITA.
    public static func read(_ text: String, order: DateOrder) -> SubmittedAt? {
        guard let stamp = LocalDateTime.fastISO(text)
                ?? LocalDateTime.parse(TextScanner.normalisedScalars(text), order: order) else { return nil }
        let offset = stamp.offsetSeconds ?? SubmittedAt.witaOffsetSeconds
        let days = CivilCalendar.days(fromCivil: stamp.year, stamp.month, stamp.day)
        let localSeconds = days * 86_400 + Int64(stamp.hour * 3600 + stamp.minute * 60 + stamp.second)
        let micros = (localSeconds - Int64(offset)) * 1_000_000 + Int64(stamp.microsecond)
        return SubmittedAt(epochMicros: micros, offsetSeconds: offset)
    }
}

/// The evidence a value gives about its file's date order (SPEC 3 "date order, per file").
public enum DateOrderEvidence {
    /// For a value written as a numeric date `a/b/yyyy` (optionally with a time; also `a-b-yyyy`), the two leading numbers (a, b);
    /// `nil` for any other form (ISO dates, month names, `10/2026`...).
    ///
    /// Only the shape is checked, not the calendar: `31/02/2026` gives (31, 2).
    public static func leadingNumbers(_ text: String) -> (first: Int, second: Int)? {
        // Quick refusal: a numeric date starts with one or two digits and a separator.
        var digits = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 { digits += 1; if digits > 2 { return nil }; continue }
            if digits == 0 && byte == 0x20 { continue }
            if digits == 0 || (byte != 0x2F && byte != 0x2D) { return nil }
            break
        }
        var scanner = TextScanner(TextScanner.normalisedScalars(text))
        guard let numbers = LocalDateTime.numericDate(&scanner),
              LocalDateTime.parseRest(&scanner, allowT: false) != nil
        else { return nil }
        return (numbers.a, numbers.b)
    }
}

/// A date and time as written, validated, with the zone when one was written.
struct LocalDateTime {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0
    var microsecond = 0
    var offsetSeconds: Int?

    /// The time and zone that may follow a date, not yet validated.
    struct Rest {
        var hour = 0
        var minute = 0
        var second = 0
        var microsecond = 0
        var offsetSeconds: Int?
        var offsetIsValid = true
    }

    /// The canonical `YYYY-MM` month, read straight from its bytes; `nil` for any other shape.
    static func fastMonth(_ text: String) -> Period? {
        var b = text.utf8.makeIterator()
        var v = [Int](repeating: 0, count: 6)
        var i = 0
        var count = 0
        while let byte = b.next() {
            count += 1
            if count > 7 { return nil }
            if count == 5 { if byte != 0x2D { return nil }; continue }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            v[i] = Int(byte - 0x30)
            i += 1
        }
        guard count == 7 else { return nil }
        return Period(year: v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], month: v[4] * 10 + v[5])
    }

    /// The common ISO shapes, read straight from their bytes: `YYYY-MM-DD`, optionally followed by
    /// `T` or a space and `HH:MM:SS`, then optionally `Z` or `+HH:MM`/`-HH:MM`. `nil` for any other
    /// shape (the full parser then decides) or an impossible value.
    static func fastISO(_ text: String) -> LocalDateTime? {
        let bytes = Array(text.utf8)
        let n = bytes.count
        guard n == 10 || n == 19 || n == 20 || n == 25 else { return nil }
        func digit(_ i: Int) -> Int? {
            let b = bytes[i]
            return b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil
        }
        func number(_ i: Int, _ width: Int) -> Int? {
            var v = 0
            for k in i..<(i + width) { guard let d = digit(k) else { return nil }; v = v * 10 + d }
            return v
        }
        guard bytes[4] == 0x2D, bytes[7] == 0x2D, let year = number(0, 4), let month = number(5, 2),
              let day = number(8, 2), (1000...9999).contains(year), (1...12).contains(month),
              (1...CivilCalendar.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var stamp = LocalDateTime(year: year, month: month, day: day)
        if n == 10 { return stamp }
        guard bytes[10] == 0x54 || bytes[10] == 0x20, bytes[13] == 0x3A, bytes[16] == 0x3A,
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              hour <= 23, minute <= 59, second <= 59
        else { return nil }
        stamp.hour = hour
        stamp.minute = minute
        stamp.second = second
        if n == 19 { return stamp }
        if n == 20 { return bytes[19] == 0x5A ? { stamp.offsetSeconds = 0; return stamp }() : nil }
        guard bytes[19] == 0x2B || bytes[19] == 0x2D, bytes[22] == 0x3A, let oh = number(20, 2),
              let om = number(23, 2), om <= 59, oh * 60 + om <= 18 * 60
        else { return nil }
        stamp.offsetSeconds = (oh * 3600 + om * 60) * (bytes[19] == 0x2D ? -1 : 1)
        return stamp
    }

    /// Parses a whole value: an ISO or numeric date with optional time and zone; `nil` when invalid.
    static func parse(_ scalars: [Unicode.Scalar], order: DateOrder) -> LocalDateTime? {
        var scanner = TextScanner(scalars)
        let year: Int
        let month: Int
        let day: Int
        let allowT: Bool
        if let iso = isoDate(&scanner) {
            (year, month, day) = iso
            allowT = true
        } else {
            scanner = TextScanner(scalars)
            guard let numeric = numericDate(&scanner) else { return nil }
            year = numeric.year
            (day, month) = order == .dayFirst ? (numeric.a, numeric.b) : (numeric.b, numeric.a)
            allowT = false
        }
        guard (1000...9999).contains(year), (1...12).contains(month),
              (1...CivilCalendar.daysIn(month: month, year: year)).contains(day),
              let rest = parseRest(&scanner, allowT: allowT),
              rest.hour <= 23, rest.minute <= 59, rest.second <= 59, rest.offsetIsValid
        else { return nil }
        return LocalDateTime(year: year, month: month, day: day, hour: rest.hour, minute: rest.minute,
                             second: rest.second, microsecond: rest.microsecond, offsetSeconds: rest.offsetSeconds)
    }

    /// `yyyy-m-d` (one or two digits for month and day).
    static func isoDate(_ scanner: inout TextScanner) -> (Int, Int, Int)? {
        guard let year = scanner.number(maxDigits: 4), year.digits == 4, scanner.skip("-"),
              let month = scanner.number(maxDigits: 2), scanner.skip("-"),
              let day = scanner.number(maxDigits: 2)
        else { return nil }
        return (year.value, month.value, day.value)
    }

    /// `a/b/yyyy` or `a-b-yyyy` (same separator twice, one or two digits for a and b).
    static func numericDate(_ scanner: inout TextScanner) -> (a: Int, b: Int, year: Int)? {
        guard let a = scanner.number(maxDigits: 2), let separator = scanner.next(),
              separator == "/" || separator == "-",
              let b = scanner.number(maxDigits: 2), scanner.skip(separator),
              let year = scanner.number(maxDigits: 4), year.digits == 4
        else { return nil }
        return (a.value, b.value, year.value)
    }

    /// What may follow a date: nothing, or `T`/spaces, a time, and an optional zone; `nil` when malformed.
    static func parseRest(_ scanner: inout TextScanner, allowT: Bool) -> Rest? {
        var rest = Rest()
        if scanner.isAtEnd { return rest }
        if allowT && (scanner.skip("T") || scanner.skip("t")) {
        } else if !scanner.skip(" ") {
            return nil
        }
        // Time: H:MM[:SS[.fraction]] or H.MM[.SS].
        guard let hour = scanner.number(maxDigits: 2), let separator = scanner.next(),
              separator == ":" || separator == ".",
              let minute = scanner.number(maxDigits: 2), minute.digits == 2
        else { return nil }
        rest.hour = hour.value
        rest.minute = minute.value
        if scanner.skip(separator) {
            guard let second = scanner.number(maxDigits: 2), second.digits == 2 else { return nil }
            rest.second = second.value
            if separator == ":", scanner.peek == "." || scanner.peek == "," {
                _ = scanner.next()
                let fraction = scanner.digitRun()
                guard !fraction.isEmpty else { return nil }
                var micros = 0
                for (index, digit) in fraction.prefix(6).enumerated() {
                    micros += digit * [100_000, 10_000, 1_000, 100, 10, 1][index]
                }
                rest.microsecond = micros
            }
        }
        // Zone.
        _ = scanner.skip(" ")
        if scanner.isAtEnd { return rest }
        if scanner.skip("Z") || scanner.skip("z") {
            rest.offsetSeconds = 0
        } else if let sign = scanner.next(), sign == "+" || sign == "-" || sign == "\u{2212}" {
            guard let hours = scanner.number(maxDigits: 4) else { return nil }
            var h = hours.value
            var m = 0
            switch hours.digits {
            case 2:
                if scanner.skip(":") {
                    guard let minutes = scanner.number(maxDigits: 2), minutes.digits == 2 else { return nil }
                    m = minutes.value
                }
            case 4:
                h = hours.value / 100
                m = hours.value % 100
            default:
                return nil
            }
            rest.offsetIsValid = h <= 18 && m <= 59 && h * 60 + m <= 18 * 60
            rest.offsetSeconds = (sign == "+" ? 1 : -1) * (h * 3600 + m * 60)
        } else {
            return nil
        }
        return scanner.isAtEnd ? rest : nil
    }
}

/// A cursor over a value's Unicode scalars, with white space already collapsed to single spaces.
struct TextScanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// The value trimmed, every run of white space (no-break spaces included) made one ASCII space.
    static func normalisedScalars(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var pendingSpace = false
        for s in text.unicodeScalars {
            let isSpace = s.value < 0x80 ? (s == " " || (s.value >= 0x09 && s.value <= 0x0D)) : s.properties.isWhitespace
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(s)
            }
        }
        return out
    }

    var isAtEnd: Bool { index >= scalars.count }

    var peek: Unicode.Scalar? { isAtEnd ? nil : scalars[index] }

    mutating func next() -> Unicode.Scalar? {
        guard let s = peek else { return nil }
        index += 1
        return s
    }

    /// Consumes `s` if it comes next.
    mutating func skip(_ s: Unicode.Scalar) -> Bool {
        guard peek == s else { return false }
        index += 1
        return true
    }

    /// A run of ASCII digits as their values (possibly empty).
    mutating func digitRun() -> [Int] {
        var digits: [Int] = []
        while let s = peek, s.value >= 0x30, s.value <= 0x39 {
            digits.append(Int(s.value - 0x30))
            index += 1
        }
        return digits
    }

    /// A run of 1...maxDigits ASCII digits; `nil` when there is none or the run is longer.
    mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
        let run = digitRun()
        guard !run.isEmpty, run.count <= maxDigits else { return nil }
        return (run.reduce(0) { $0 * 10 + $1 }, run.count)
    }

    /// A run of ASCII letters (possibly empty).
    mutating func letters() -> String {
        var word = ""
        while let s = peek, (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A) {
            word.unicodeScalars.append(s)
            index += 1
        }
        return word
    }
}

/// Proleptic Gregorian calendar arithmetic, independent of Foundation's calendars and time zones.
enum CivilCalendar {
    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).
    static func civil(fromDays z0: Int64) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }
}
