import Testing

@testable import OVOPCore

@Suite("Dates")
struct DateReaderTests {
    @Test(arguments: [
        ("okt 2026", "2026-10"), ("OKTOBER 2026", "2026-10"), ("Okt-2026", "2026-10"), ("Sept. 2026", "2026-09"),
        ("Peb 2026", "2026-02"), ("Nop 2026", "2026-11"), ("Des 2026", "2026-12"), ("Dec 2026", "2026-12"),
        ("May 2026", "2026-05"), ("Mei 2026", "2026-05"), ("Januari 2026", "2026-01"), ("jan 2026", "2026-01"),
        ("Maret 2026", "2026-03"), ("March 2026", "2026-03"), ("Juni 2026", "2026-06"), ("July 2026", "2026-07"),
        ("Agustus 2026", "2026-08"), ("aug 2026", "2026-08"), ("Februari 2026", "2026-02"), ("Apr 2026", "2026-04"),
        ("Nov-26", "2026-11"), ("Okt.-26", "2026-10"), ("  Okt\u{00A0}2026 ", "2026-10"), ("2026-1", "2026-01"),
        ("1/2026", "2026-01"), ("2026-10-15T10:00:00Z", "2026-10"), ("2026-10-31T23:30:00-05:00", "2026-10"),
        ("1/10/2026 09:00", "2026-10"), ("2026-10-01 00:00", "2026-10"), ("29/02/2024", "2024-02"),
    ])
    func month(_ input: String, _ expected: String) {
        #expect(MonthReader.read(input, order: .dayFirst)?.description == expected)
    }

    @Test(arguments: [
        "", "2026", "Okt", "Okt 26", "Oct 26", "10/26", "26-10", "2026-13", "0/2026", "13/2026", "2026-00",
        "31/02/2026", "29/02/2026", "Foo 2026", "Okt 0999", "0999-10", "Oktober 2026 x", "Okt--2026", "Okt2026",
        "Okt-026", "10.2026", "2026-10-32", "2026-10-01T25:00", "Okt 2026 2026",
    ])
    func invalidMonth(_ input: String) {
        #expect(MonthReader.read(input, order: .dayFirst) == nil)
        #expect(MonthReader.read(input, order: .monthFirst) == nil)
    }

    @Test func monthFollowsOrder() {
        #expect(MonthReader.read("05/10/2026", order: .dayFirst)?.description == "2026-10")
        #expect(MonthReader.read("05/10/2026", order: .monthFirst)?.description == "2026-05")
        #expect(MonthReader.read("13/10/2026", order: .monthFirst) == nil)
    }

    @Test(arguments: [
        ("1970-01-01T08:00:00+08:00", Int64(0), 28_800, "1970-01-01T08:00:00+08:00"),
        ("1970-01-01", -28_800_000_000, 28_800, "1970-01-01T00:00:00+08:00"),
        ("2000-03-01T00:00:00Z", 951_868_800_000_000, 0, "2000-03-01T00:00:00+00:00"),
        ("2026-11-03T09:15:00.5+08:00", 1_793_668_500_500_000, 28_800, "2026-11-03T09:15:00.5+08:00"),
        ("2026-11-03T01:15:00.1234567z", 1_793_668_500_123_456, 0, "2026-11-03T01:15:00.123456+00:00"),
        ("2026-11-03T09:15+0800", 1_793_668_500_000_000, 28_800, "2026-11-03T09:15:00+08:00"),
        ("2026-11-03 09:15 +08", 1_793_668_500_000_000, 28_800, "2026-11-03T09:15:00+08:00"),
        ("2026-11-02T20:15:00-05:00", 1_793_668_500_000_000, -18_000, "2026-11-02T20:15:00-05:00"),
        ("2026-11-03T10:45:00+09:30", 1_793_668_500_000_000, 34_200, "2026-11-03T10:45:00+09:30"),
        ("03/11/2026 9.15", 1_793_668_500_000_000, 28_800, "2026-11-03T09:15:00+08:00"),
        ("3-11-2026 09:15:00", 1_793_668_500_000_000, 28_800, "2026-11-03T09:15:00+08:00"),
        ("03/11/2026 09.15.00", 1_793_668_500_000_000, 28_800, "2026-11-03T09:15:00+08:00"),
        ("2024-02-29", 1_709_136_000_000_000, 28_800, "2024-02-29T00:00:00+08:00"),
        ("2026-12-31T23:59:59", 1_798_732_799_000_000, 28_800, "2026-12-31T23:59:59+08:00"),
    ])
    func dateTime(_ input: String, _ micros: Int64, _ offset: Int, _ iso: String) {
        let instant = DateTimeReader.read(input, order: .dayFirst)
        #expect(instant?.epochMicros == micros)
        #expect(instant?.offsetSeconds == offset)
        #expect(instant?.iso8601 == iso)
    }

    @Test(arguments: [
        "", "2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-11-03T24:00",
        "2026-11-03T09:60", "2026-11-03T09:15:60", "2026-11-03T", "2026-11-03T9", "2026-11-03 09:5",
        "2026-11-03T09:15:00+25:00", "2026-11-03T09:15:00+08:60", "2026-11-03T09:15:00+8", "2026-11-03T09:15:00.",
        "2026-11-03T09:15:00 WITA", "32/01/2026", "31/02/2026", "03/11/26", "03/11/2026 9", "03/11/2026T09:15",
        "03/11-2026", "0999-01-01", "Okt 2026", "2026-11", "03/11/2026 09.15:00", "03/11/2026 09.15.00.5",
        "03/11/2026 9:15 PM",
    ])
    func invalidDateTime(_ input: String) {
        #expect(DateTimeReader.read(input, order: .dayFirst) == nil)
    }

    @Test func instantsOrderByTime() throws {
        let wita = try #require(DateTimeReader.read("2026-11-03T09:15:00+08:00", order: .dayFirst))
        let utc = try #require(DateTimeReader.read("2026-11-03T01:15:00Z", order: .dayFirst))
        let later = try #require(DateTimeReader.read("2026-11-03T01:15:01Z", order: .dayFirst))
        #expect(wita.epochMicros == utc.epochMicros)
        #expect(!(wita < utc) && !(utc < wita))
        #expect(wita < later)
        #expect([later, wita].max() == later)
    }

    @Test func monthFirstDates() {
        #expect(DateTimeReader.read("11/9/2026 9:45", order: .monthFirst)?.iso8601 == "2026-11-09T09:45:00+08:00")
        #expect(DateTimeReader.read("13/9/2026", order: .monthFirst) == nil)
        #expect(DateTimeReader.read("2026-11-03", order: .monthFirst)?.iso8601 == "2026-11-03T00:00:00+08:00")
    }

    @Test func leadingNumbers() {
        func pair(_ text: String) -> [Int]? {
            DateOrderEvidence.leadingNumbers(text).map { [$0.first, $0.second] }
        }
        #expect(pair("11/9/2026") == [11, 9])
        #expect(pair("11/9/2026 9:45") == [11, 9])
        #expect(pair("03/11/2026 09.15") == [3, 11])
        #expect(pair("3-11-2026") == [3, 11])
        #expect(pair("31/02/2026") == [31, 2])
        #expect(pair("13/13/2026") == [13, 13])
        #expect(pair(" 25/12/2026 ") == [25, 12])
        #expect(pair("2026-11-03") == nil)
        #expect(pair("2026-11-03T09:15:00Z") == nil)
        #expect(pair("10/2026") == nil)
        #expect(pair("Okt 2026") == nil)
        #expect(pair("11/9/26") == nil)
        #expect(pair("11/9/2026 foo") == nil)
        #expect(pair("11/9-2026") == nil)
        #expect(pair("") == nil)
    }
}
