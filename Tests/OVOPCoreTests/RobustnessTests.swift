import Testing

@testable import OVOPCore

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Any input returns")
struct RobustnessTests {
    /// Runs every reader on `text`; the test is that this returns.
    static func readEverything(_ text: String) {
        for kind in [NumberKind.rupiah, .decimal, .integer] {
            for convention in [NumberConvention.indonesian, .english] {
                _ = NumberReader.read(text, kind: kind, convention: convention)
            }
            _ = NumberReader.evidence(text, kind: kind)
        }
        _ = NumberReader.rupiah(text, convention: .indonesian)
        _ = NumberReader.integer(text, convention: .english)
        for order in [DateOrder.dayFirst, .monthFirst] {
            _ = MonthReader.read(text, order: order)
            _ = DateTimeReader.read(text, order: order)?.iso8601
        }
        _ = DateOrderEvidence.leadingNumbers(text)
        let reference = Reference.kaltim
        for system in CodeSystem.allCases {
            _ = reference.resolveDistrict(text, kecamatan: text, codeSystem: system)
        }
        _ = reference.isKecamatan(text, of: reference.districts[0])
        _ = CategoryReader.read(text)
        _ = ChannelReader.read(text)
        _ = CertificationReader.read(text)
    }

    static let nasty: [String] = [
        "", " ", "\u{00A0}", "\u{202F}", "--5", "-", "−", ".", ",", ",-", "-,", ".,", "Rp", "Rp.", "IDR", "rp -",
        String(repeating: "9", count: 10_000), String(repeating: "0", count: 5_000) + "1",
        "1" + String(repeating: ".000", count: 2_000), "1" + String(repeating: ",000", count: 2_000) + ".5",
        "0," + String(repeating: "0", count: 3_000) + "1", String(repeating: "9", count: 40) + " M",
        "99999999999999999999 jt", "9223372036854775807 M", "-9223372036854775808", "1e308", "NaN", "∞", "-∞",
        "5\u{301}", "٥٠٠٠", "５０００", "😀", "Rp 😀", "1.5 jt 😀", "\u{0}", "\u{FEFF}1.000", "\r\n",
        "9999-12-31T23:59:59.999999-18:00", "1000-01-01T00:00:00+18:00", "99999-01-01", "2026-11-03T09:15:00+99:99",
        "2026-11-03T09:15:00." + String(repeating: "9", count: 1_000), "99/99/9999 99:99:99",
        "2026-11-03T09:15:00+" + String(repeating: "0", count: 100), String(repeating: "/", count: 100),
        "Okt-" + String(repeating: "2", count: 100), String(repeating: "Kab. ", count: 100),
        String(repeating: "Kecamatan ", count: 50), "64." + String(repeating: "7", count: 100),
        "2026-10-01T", "T", "Z", "+08:00", "01/01/0000", "00/00/2026", "2026-02-30",
    ]

    @Test func nastyStrings() {
        for text in Self.nasty { Self.readEverything(text) }
        #expect(NumberReader.rupiah(String(repeating: "9", count: 10_000), convention: .indonesian)
            == .failure(.invalidNumber))
        #expect(NumberReader.read(String(repeating: "9", count: 10_000), kind: .decimal, convention: .english)
            == .failure(.invalidNumber))
        #expect(NumberReader.rupiah("99999999999999999999 jt", convention: .indonesian) == .failure(.invalidNumber))
        #expect(NumberReader.rupiah("--5", convention: .indonesian) == .failure(.invalidNumber))
        #expect(DateTimeReader.read("9999-12-31T23:59:59.999999-18:00", order: .dayFirst)?.iso8601
            == "9999-12-31T23:59:59.999999-18:00")
        #expect(DateTimeReader.read("1000-01-01T00:00:00+18:00", order: .dayFirst)?.iso8601
            == "1000-01-01T00:00:00+18:00")
    }

    @Test func randomStrings() {
        var generator = SeededGenerator(state: 20_261_103)
        let alphabet: [Character] = Array("0123456789.,-− RpIDRrbjtMmT:/+Z\u{00A0}") + ["é", "😀", "\u{301}", "٣"]
        for round in 0..<400 {
            let length = Int.random(in: 0...24, using: &generator)
            var text = ""
            if round % 2 == 0 {
                for _ in 0..<length { text.append(alphabet.randomElement(using: &generator) ?? "0") }
            } else {
                var scalars = String.UnicodeScalarView()
                for _ in 0..<length {
                    let value = UInt32.random(in: 0...0x10FFFF, using: &generator)
                    scalars.append(Unicode.Scalar(value) ?? "?")
                }
                text = String(scalars)
            }
            Self.readEverything(text)
        }
        // Random bytes, decoded leniently as a file reader would.
        for _ in 0..<100 {
            let bytes = (0..<Int.random(in: 0...32, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            Self.readEverything(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Every number the grammar produces reads back the same under its own convention.
    @Test func groupedRoundTrip() {
        var generator = SeededGenerator(state: 6472)
        for _ in 0..<300 {
            let value = Int64.random(in: 0...999_999_999_999, using: &generator)
            let digits = Array(String(value))
            var indonesian = "", english = ""
            for (index, digit) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 {
                    indonesian.append(".")
                    english.append(",")
                }
                indonesian.append(digit)
                english.append(digit)
            }
            #expect(NumberReader.rupiah("Rp " + indonesian + ",00", convention: .indonesian) == .success(value))
            #expect(NumberReader.rupiah("Rp " + english + ".00", convention: .english) == .success(value))
            #expect(NumberReader.rupiah(indonesian, convention: .indonesian) == .success(value))
            #expect(NumberReader.rupiah(english, convention: .english) == .success(value))
            #expect(NumberReader.integer(indonesian, convention: .indonesian) == .success(value))
        }
    }
}
