import Foundation

/// Why a numeric cell could not be read (SPEC 4 error codes `invalid-number`, `negative-value`).
public enum NumberReadError: Error, Sendable, Equatable {
    /// Not a number in the file's convention, a fraction in a count, or too large to hold.
    case invalidNumber
    /// A readable, nonzero number written with a minus sign in front.
    case negativeValue
}

/// Reads rupiah, decimals and counts with the one number grammar of SPEC 3 and 11.
///
/// The grammar: an optional minus sign and currency prefix (`Rp`, `Rp.`, `IDR`) in either order,
/// digits with `.`/`,` separators, then either the suffix `,-` or a multiplier
/// (`rb`/`ribu`, `jt`/`juta`, `M`/`m`/`miliar`/`milyar`). No-break spaces count as spaces.
public enum NumberReader {
    /// Reads a cell (text as written in a CSV cell or JSON string) as a number of `kind` under the file's `convention`.
    ///
    /// Exact: Decimal. For `.rupiah` the result is rounded half away from zero to whole rupiah.
    /// For `.integer` a fraction is `.invalidNumber` (`12,5`), `12,0` is 12.
    /// Rupiah and counts beyond `Int64` are `.invalidNumber`.
    public static func read(_ text: String, kind: NumberKind, convention: NumberConvention)
        -> Result<Decimal, NumberReadError>
    {
        if let plain = plainDigits(text) { return .success(Decimal(plain)) }
        switch readDigits(text, kind: kind, convention: convention) {
        case .success(let number):
            return .success(number.decimal)
        case .failure(let error):
            return .failure(error)
        }
    }

    /// Whole rupiah as Int64 (overflow beyond Int64 is `.invalidNumber`).
    public static func rupiah(_ text: String, convention: NumberConvention) -> Result<Int64, NumberReadError> {
        wholeValue(text, kind: .rupiah, convention: convention)
    }

    /// Whole count as Int64; a fraction is `.invalidNumber`.
    public static func integer(_ text: String, convention: NumberConvention) -> Result<Int64, NumberReadError> {
        wholeValue(text, kind: .integer, convention: convention)
    }

    /// The evidence one value gives about its file's number convention (SPEC 3 "number convention, per file", SPEC 11 Parsing).
    ///
    /// `.indonesian` if it can only be read in the Indonesian convention (`1.250.000`, `1.250,5`, `12,5`,
    /// `Rp 1.250.000,00`), `.english` if only in the English one (`43,200,000`, `1,200.00`,
    /// `Rp 2,500,000.00`), `nil` if it fits both or neither, or carries a multiplier (`1,5 jt`).
    /// Only the syntax of the number counts: a minus sign in front is ignored, and a count's
    /// fraction rule is not applied (`1.200` fits both conventions in any field).
    public static func evidence(_ text: String, kind: NumberKind) -> NumberConvention? {
        if plainDigits(text) != nil { return nil }
        guard let cell = LexedNumber(text), cell.multiplierExponent == nil else { return nil }
        let syntaxKind: NumberKind = kind == .integer ? .decimal : kind
        let indonesian = interpret(cell.body, kind: syntaxKind, convention: .indonesian, hasMultiplier: false) != nil
        let english = interpret(cell.body, kind: syntaxKind, convention: .english, hasMultiplier: false) != nil
        switch (indonesian, english) {
        case (true, false): return .indonesian
        case (false, true): return .english
        default: return nil
        }
    }

    // MARK: - Reading

    /// The largest number of significant digits a `Decimal` holds exactly.
    private static let maximumDigits = 38

    /// The value of a cell of 1 to 18 ASCII digits and nothing else: the common case, read fast.
    /// Such a value fits both conventions and every kind alike.
    static func plainDigits(_ text: String) -> Int64? {
        var value: Int64 = 0
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x30 && byte <= 0x39, count < 18 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
            count += 1
        }
        return count == 0 ? nil : value
    }

    private static func wholeValue(_ text: String, kind: NumberKind, convention: NumberConvention)
        -> Result<Int64, NumberReadError>
    {
        if let plain = plainDigits(text) { return .success(plain) }
        switch readDigits(text, kind: kind, convention: convention) {
        case .success(let number):
            guard let value = number.int64 else { return .failure(.invalidNumber) }
            return .success(value)
        case .failure(let error):
            return .failure(error)
        }
    }

    /// Reads the cell into a nonnegative digit string, applying the kind's rounding and limits.
    private static func readDigits(_ text: String, kind: NumberKind, convention: NumberConvention)
        -> Result<DigitNumber, NumberReadError>
    {
        guard let cell = LexedNumber(text),
              let written = interpret(cell.body, kind: kind, convention: convention,
                                      hasMultiplier: cell.multiplierExponent != nil)
        else { return .failure(.invalidNumber) }
        var number = written.shifted(by: cell.multiplierExponent ?? 0)
        switch kind {
        case .rupiah:
            number = number.roundedHalfAwayFromZero()
            guard number.int64 != nil else { return .failure(.invalidNumber) }
        case .integer:
            guard number.fraction.isEmpty, number.int64 != nil else { return .failure(.invalidNumber) }
        case .decimal:
            guard number.fraction.count <= maximumDigits,
                  number.significantDigitCount <= maximumDigits
            else { return .failure(.invalidNumber) }
        }
        if cell.isNegative && !written.isZero {
            return .failure(.negativeValue)
        }
        return .success(number)
    }

    /// The digits a number body stands for under `convention`, or `nil` when it cannot be read that way.
    ///
    /// Applies, in order: the rupiah thousands rule (a single separator before exactly three
    /// digits, without a multiplier), the single-dot rule, then the convention's grouping.
    static func interpret(_ body: [UInt8], kind: NumberKind, convention: NumberConvention, hasMultiplier: Bool)
        -> DigitNumber?
    {
        var groups: [[UInt8]] = [[]]
        var separators: [UInt8] = []
        for byte in body {
            if byte == dot || byte == comma {
                separators.append(byte)
                groups.append([])
            } else {
                groups[groups.count - 1].append(byte)
            }
        }
        guard groups.allSatisfy({ !$0.isEmpty }) else { return nil }
        if separators.isEmpty {
            return DigitNumber(integer: groups[0], fraction: [])
        }
        if kind == .rupiah, !hasMultiplier, separators.count == 1, groups[1].count == 3 {
            return DigitNumber(integer: groups[0] + groups[1], fraction: [])
        }
        if separators == [dot], groups[1].count != 3 {
            return DigitNumber(integer: groups[0], fraction: groups[1])
        }
        let decimalMark = convention == .indonesian ? comma : dot
        let markCount = separators.filter { $0 == decimalMark }.count
        let hasFraction = separators.last == decimalMark
        guard markCount == 0 || (markCount == 1 && hasFraction) else { return nil }
        let groupCount = hasFraction ? separators.count - 1 : separators.count
        var integer = groups[0]
        if groupCount > 0 {
            for group in groups[1...groupCount] {
                guard group.count == 3 else { return nil }
                integer += group
            }
        }
        return DigitNumber(integer: integer, fraction: hasFraction ? groups[groups.count - 1] : [])
    }

    private static let dot = UInt8(ascii: ".")
    private static let comma = UInt8(ascii: ",")
}

/// A cell split into sign, currency prefix, number body, suffix and multiplier; the body is not yet interpreted.
struct LexedNumber {
    /// A minus sign stood somewhere in front of the number.
    var isNegative = false
    /// ASCII digits, `.` and `,`, starting and ending with a digit.
    var body: [UInt8] = []
    /// The power of ten of the multiplier (`jt` is 6), `nil` without one.
    var multiplierExponent: Int?

    private static let multipliers: [String: Int] = [
        "rb": 3, "ribu": 3,
        "jt": 6, "juta": 6,
        "m": 9, "miliar": 9, "milyar": 9,
    ]

    private static let prefixes = ["rp.", "rp", "idr"]

    /// Splits the cell; `nil` when its shape is not that of a number at all.
    init?(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func skipSpaces() {
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
        }

        // Sign and currency prefix, in either order, each at most once.
        var sawPrefix = false
        lead: while true {
            skipSpaces()
            guard index < scalars.count else { return nil }
            let s = scalars[index]
            if (s == "-" || s == "\u{2212}") && !isNegative {
                isNegative = true
                index += 1
                continue
            }
            if !sawPrefix, isLetter(s) {
                for prefix in Self.prefixes where Self.matches(prefix, in: scalars, at: index) {
                    index += prefix.unicodeScalars.count
                    sawPrefix = true
                    continue lead
                }
            }
            break
        }

        // Number body.
        guard index < scalars.count, isDigit(scalars[index]) else { return nil }
        while index < scalars.count {
            let s = scalars[index]
            guard isDigit(s) || s == "." || s == "," else { break }
            body.append(UInt8(truncatingIfNeeded: s.value))
            index += 1
        }
        // The no-cents suffix `,-`.
        var sawSuffix = false
        if body.last == UInt8(ascii: ","), index < scalars.count, scalars[index] == "-" {
            body.removeLast()
            index += 1
            sawSuffix = true
        }
        guard let last = body.last, last >= 0x30, last <= 0x39 else { return nil }

        // Multiplier word.
        skipSpaces()
        if index < scalars.count, isLetter(scalars[index]) {
            guard !sawSuffix else { return nil }
            var word = ""
            while index < scalars.count, isLetter(scalars[index]) {
                word.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard let exponent = Self.multipliers[word.lowercased()] else { return nil }
            multiplierExponent = exponent
            skipSpaces()
        }
        guard index == scalars.count else { return nil }
    }

    /// Whether the ASCII `word` (lowercase) stands at `index`, in any case.
    private static func matches(_ word: String, in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var i = index
        for w in word.unicodeScalars {
            guard i < scalars.count else { return false }
            var v = scalars[i].value
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            guard v == w.value else { return false }
            i += 1
        }
        return true
    }
}

/// A nonnegative number as decimal digits: exact, of any length.
struct DigitNumber {
    /// Digits before the decimal mark, as ASCII, without leading zeros (empty for zero).
    var integer: [UInt8]
    /// Digits after the decimal mark, as ASCII, without trailing zeros.
    var fraction: [UInt8]

    private static let zero = UInt8(ascii: "0")

    init(integer: [UInt8], fraction: [UInt8]) {
        self.integer = Array(integer.drop(while: { $0 == DigitNumber.zero }))
        var fraction = fraction
        while fraction.last == DigitNumber.zero { fraction.removeLast() }
        self.fraction = fraction
    }

    var isZero: Bool { integer.isEmpty && fraction.isEmpty }

    /// Digits from the first nonzero one to the last nonzero fraction digit (or the units digit).
    var significantDigitCount: Int {
        if !integer.isEmpty { return integer.count + fraction.count }
        return fraction.drop(while: { $0 == DigitNumber.zero }).count
    }

    /// The number times `10^exponent` (exponent >= 0).
    func shifted(by exponent: Int) -> DigitNumber {
        guard exponent > 0 else { return self }
        let digits = integer + fraction
        let point = integer.count + exponent
        if point >= digits.count {
            return DigitNumber(integer: digits + Array(repeating: DigitNumber.zero, count: point - digits.count),
                               fraction: [])
        }
        return DigitNumber(integer: Array(digits[..<point]), fraction: Array(digits[point...]))
    }

    /// Whole units, halves rounded away from zero.
    func roundedHalfAwayFromZero() -> DigitNumber {
        guard let first = fraction.first else { return self }
        guard first >= UInt8(ascii: "5") else { return DigitNumber(integer: integer, fraction: []) }
        var digits = integer
        var i = digits.count - 1
        while i >= 0 {
            if digits[i] == UInt8(ascii: "9") {
                digits[i] = DigitNumber.zero
                i -= 1
            } else {
                digits[i] += 1
                break
            }
        }
        if i < 0 { digits.insert(UInt8(ascii: "1"), at: 0) }
        return DigitNumber(integer: digits, fraction: [])
    }

    /// The integer part as Int64, `nil` beyond its range.
    var int64: Int64? {
        guard integer.count <= 19 else { return nil }
        var value: Int64 = 0
        for digit in integer {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int64(digit - DigitNumber.zero))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        return value
    }

    /// The exact value; callers keep it within 38 significant digits.
    var decimal: Decimal {
        var significand = Decimal(0)
        let ten = Decimal(10)
        for digit in (integer + fraction).drop(while: { $0 == DigitNumber.zero }).prefix(38) {
            significand = significand * ten + Decimal(Int(digit - DigitNumber.zero))
        }
        let exponent = -fraction.count
        return Decimal(sign: .plus, exponent: exponent, significand: significand)
    }
}
