import Foundation
import Testing

@testable import OVOPCore

@Suite("NumberReader")
struct NumberReaderTests {
    private func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? Decimal.nan
    }

    @Test(arguments: [
        // (input, convention, expected whole rupiah)
        ("-0", NumberConvention.indonesian, Int64(0)),
        ("Rp 0", .indonesian, 0),
        ("1.250.000,50", .indonesian, 1_250_001),
        ("1.250.000,49", .indonesian, 1_250_000),
        ("0,5", .indonesian, 1),
        ("999,5", .indonesian, 1000),
        ("1,250,000.50", .english, 1_250_001),
        ("Rp 1.250.000,-", .indonesian, 1_250_000),
        ("Rp 1,250,000,-", .english, 1_250_000),
        ("1,-", .indonesian, 1),
        ("IDR1.250.000", .indonesian, 1_250_000),
        ("idr 1.250.000", .indonesian, 1_250_000),
        ("RP. 1.250.000", .indonesian, 1_250_000),
        ("Rp.1.250.000", .indonesian, 1_250_000),
        ("rp5000", .indonesian, 5000),
        ("\u{202F}Rp\u{202F}5.000\u{00A0}", .indonesian, 5000),
        ("5jt", .indonesian, 5_000_000),
        ("5 JT", .indonesian, 5_000_000),
        ("5 Juta", .english, 5_000_000),
        ("1,5m", .indonesian, 1_500_000_000),
        ("1,5 Miliar", .indonesian, 1_500_000_000),
        ("1.5 MILYAR", .english, 1_500_000_000),
        ("1,5M", .indonesian, 1_500_000_000),
        ("750rb", .english, 750_000),
        ("1.250 rb", .indonesian, 1_250_000),
        ("1.250 rb", .english, 1_250),
        ("1,2345 rb", .indonesian, 1235),
        ("850,000", .english, 850_000),
        ("850.000", .indonesian, 850_000),
        ("850,000", .indonesian, 850_000),
        ("12345.678", .indonesian, 12_345_678),
        ("Rp 2,500,000.00", .english, 2_500_000),
        ("007", .indonesian, 7),
        ("9223372036854775807", .indonesian, Int64.max),
        ("9.223.372.036.854.775.807", .indonesian, Int64.max),
    ])
    func rupiah(_ input: String, _ convention: NumberConvention, _ expected: Int64) {
        #expect(NumberReader.rupiah(input, convention: convention) == .success(expected))
        #expect(NumberReader.read(input, kind: .rupiah, convention: convention) == .success(Decimal(expected)))
    }

    @Test(arguments: [
        "", "   ", "Rp", "Rp.", "IDR", "-", "\u{2212}", "--5", "-Rp-5", "Rp Rp 5", ".", ",", ",-", ".5", "5.", "5,",
        "1..2", "1,,000", "1.25.000", "1.2345.000", "1 250 000", "1,5 jt,-", "5 orang", "(5.000)", "abc", "5.000-",
        "+5", "1e6", "5 jt jt", "jt", "5 million", "5 mb", "Rp 5 Rp", "٥", "５", "5\u{301}", "9223372036854775808",
        "99999999999 M", "1,250.5", "12,-5",
    ])
    func invalidRupiah(_ input: String) {
        #expect(NumberReader.rupiah(input, convention: .indonesian) == .failure(.invalidNumber))
        #expect(NumberReader.read(input, kind: .rupiah, convention: .indonesian) == .failure(.invalidNumber))
    }

    @Test(arguments: [
        "-5.000", "Rp -5.000", "-Rp 5.000", "- 5.000", "\u{2212}5.000", "Rp\u{2212}5.000", "-1 jt", "-0,4", "-0,5",
        "-1.250.000,-",
    ])
    func negative(_ input: String) {
        #expect(NumberReader.rupiah(input, convention: .indonesian) == .failure(.negativeValue))
        #expect(NumberReader.read(input, kind: .decimal, convention: .indonesian) == .failure(.negativeValue))
    }

    @Test func negativeZeroIsZero() {
        for input in ["-0", "-0,0", "Rp -0", "-0 jt", "-0.0"] {
            #expect(NumberReader.read(input, kind: .decimal, convention: .indonesian) == .success(0), "\(input)")
            #expect(NumberReader.integer(input, convention: .indonesian) == .success(0), "\(input)")
        }
    }

    @Test func negativeButUnreadableIsInvalid() {
        #expect(NumberReader.integer("-12,5", convention: .indonesian) == .failure(.invalidNumber))
        #expect(NumberReader.rupiah("-abc", convention: .indonesian) == .failure(.invalidNumber))
        #expect(NumberReader.rupiah("-1.25.000", convention: .indonesian) == .failure(.invalidNumber))
    }

    @Test func decimals() {
        #expect(NumberReader.read("0,000001", kind: .decimal, convention: .indonesian) == .success(decimal("0.000001")))
        #expect(NumberReader.read("1.234.567,891", kind: .decimal, convention: .indonesian)
            == .success(decimal("1234567.891")))
        #expect(NumberReader.read("1,234,567.891", kind: .decimal, convention: .english)
            == .success(decimal("1234567.891")))
        #expect(NumberReader.read("1,5 rb", kind: .decimal, convention: .indonesian) == .success(1500))
        #expect(NumberReader.read("1,2345 rb", kind: .decimal, convention: .indonesian) == .success(decimal("1234.5")))
        #expect(NumberReader.read("1.000", kind: .decimal, convention: .indonesian) == .success(1000))
        #expect(NumberReader.read("1.000", kind: .decimal, convention: .english) == .success(1))
        // Thirty-eight significant digits are exact; more are not a number we can hold.
        let exact = String(repeating: "1", count: 38)
        #expect(NumberReader.read(exact, kind: .decimal, convention: .indonesian) == .success(decimal(exact)))
        let tooLong = String(repeating: "1", count: 39)
        #expect(NumberReader.read(tooLong, kind: .decimal, convention: .indonesian) == .failure(.invalidNumber))
    }

    @Test func integers() {
        #expect(NumberReader.integer("12,0", convention: .indonesian) == .success(12))
        #expect(NumberReader.integer("12,00", convention: .indonesian) == .success(12))
        #expect(NumberReader.integer("12.0", convention: .english) == .success(12))
        #expect(NumberReader.integer("12.0", convention: .indonesian) == .success(12))  // single-dot rule
        #expect(NumberReader.integer("12,5", convention: .indonesian) == .failure(.invalidNumber))
        #expect(NumberReader.integer("2 rb", convention: .indonesian) == .success(2000))
        #expect(NumberReader.integer("1,2345 rb", convention: .indonesian) == .failure(.invalidNumber))
        #expect(NumberReader.integer("1.200", convention: .indonesian) == .success(1200))
        #expect(NumberReader.integer("1,200", convention: .english) == .success(1200))
        #expect(NumberReader.integer("1.200", convention: .english) == .failure(.invalidNumber))
        #expect(NumberReader.integer("9223372036854775808", convention: .english) == .failure(.invalidNumber))
    }

    @Test(arguments: [
        ("1.250.000", NumberKind.rupiah, NumberConvention?.some(.indonesian)),
        ("1.250,5", .decimal, .indonesian),
        ("12,5", .decimal, .indonesian),
        ("12,5", .integer, .indonesian),
        ("Rp 1.250.000,00", .rupiah, .indonesian),
        ("1.250.000,-", .rupiah, .indonesian),
        ("-1.250.000", .rupiah, .indonesian),
        ("Rp -1.250.000", .rupiah, .indonesian),
        ("43,200,000", .rupiah, .english),
        ("Rp 43,200,000", .rupiah, .english),
        ("1,200.00", .decimal, .english),
        ("Rp 2,500,000.00", .rupiah, .english),
        ("-1,200.00", .decimal, .english),
        ("1.250", .decimal, nil),
        ("1,250", .decimal, nil),
        ("1250", .rupiah, nil),
        ("12.5", .decimal, nil),
        ("Rp 850,000", .rupiah, nil),
        ("Rp 850.000", .rupiah, nil),
        ("1.200", .integer, nil),
        ("1,5 jt", .rupiah, nil),
        ("6,542 jt", .rupiah, nil),
        ("1.250.000 rb", .rupiah, nil),
        ("abc", .rupiah, nil),
        ("1.25.000", .rupiah, nil),
        ("", .decimal, nil),
    ])
    func evidence(_ input: String, _ kind: NumberKind, _ expected: NumberConvention?) {
        #expect(NumberReader.evidence(input, kind: kind) == expected)
    }
}
