import Foundation
import Testing

@testable import OVOPCore

/// One row of `Fixtures/values.tsv` (a copy of `shared/examples/values.tsv`).
struct ValueExample: CustomTestStringConvertible, Sendable {
    var line: Int
    var kind: String
    var reading: String
    var input: String
    var expected: String

    var testDescription: String { "line \(line): \(kind) \(reading) \(input.debugDescription) → \(expected)" }

    /// Every row of the fixture, header skipped.
    static let all: [ValueExample] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/values.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var rows: [ValueExample] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where index > 0 && !line.isEmpty {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 4 else { continue }
            rows.append(ValueExample(line: index + 1, kind: cells[0], reading: cells[1], input: cells[2],
                                     expected: cells[3]))
        }
        return rows
    }()

    static func of(kinds: Set<String>) -> [ValueExample] { all.filter { kinds.contains($0.kind) } }
}

@Suite("values.tsv")
struct ValueExamplesTests {
    @Test func fixtureIsComplete() {
        #expect(ValueExample.all.count == 146)
        let kinds = Set(ValueExample.all.map(\.kind))
        #expect(kinds == ["rupiah", "decimal", "integer", "month", "date-time"])
    }

    @Test(arguments: ValueExample.of(kinds: ["rupiah", "decimal", "integer"]))
    func number(_ row: ValueExample) throws {
        let kind: NumberKind = switch row.kind {
        case "rupiah": .rupiah
        case "decimal": .decimal
        default: .integer
        }
        let convention = try #require(NumberConvention(rawValue: row.reading))
        let result = NumberReader.read(row.input, kind: kind, convention: convention)
        switch row.expected {
        case "invalid-number":
            #expect(result == .failure(.invalidNumber))
        case "negative-value":
            #expect(result == .failure(.negativeValue))
        default:
            let expected = try #require(Decimal(string: row.expected, locale: Locale(identifier: "en_US_POSIX")))
            #expect(result == .success(expected))
            if kind == .rupiah {
                let whole = try #require(Int64(row.expected))
                #expect(NumberReader.rupiah(row.input, convention: convention) == .success(whole))
            }
            if kind == .integer {
                let whole = try #require(Int64(row.expected))
                #expect(NumberReader.integer(row.input, convention: convention) == .success(whole))
            }
        }
    }

    @Test(arguments: ValueExample.of(kinds: ["month"]))
    func month(_ row: ValueExample) throws {
        let order = try #require(DateOrder(rawValue: row.reading))
        let period = MonthReader.read(row.input, order: order)
        if row.expected == "invalid-period" {
            #expect(period == nil)
        } else {
            #expect(period?.description == row.expected)
        }
    }

    @Test(arguments: ValueExample.of(kinds: ["date-time"]))
    func dateTime(_ row: ValueExample) throws {
        let order = try #require(DateOrder(rawValue: row.reading))
        let instant = DateTimeReader.read(row.input, order: order)
        if row.expected == "invalid-date" {
            #expect(instant == nil)
        } else {
            #expect(instant?.iso8601 == row.expected)
        }
    }
}
