import Foundation
import GRDB
import OVOPCore
import OVOPIngest
import Testing
@testable import OVOPWarehouse

let now: Int64 = (Clock.days(fromCivil: 2026, 11, 15) * 86_400) * 1_000_000
let header = Field.allCases.map(\.rawValue).joined(separator: ",")

/// A canonical CSV line: cooperative, product, revenue and optionally the submission time and period.
func line(_ coop: String, _ product: String, _ revenue: Int64, sent: String = "", period: String = "2026-10",
          district: String = "Samarinda") -> String {
    [period, coop, "Koperasi \(coop)", district, "", "Desa", product, "pangan", "", "", "", String(revenue), "", "", "",
     "", "", sent].joined(separator: ",")
}

/// A folder of files for one test.
struct Inbox {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ovop-wh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ lines: [String]) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(([header] + lines).joined(separator: "\n").utf8).write(to: url)
    }

    func ingest(into warehouse: Warehouse) throws -> RunReport {
        let (files, skipped) = try InputScanner.scan([root])
        return try warehouse.ingest(files, skipped: skipped, context: IngestContext(nowMicros: now), toolVersion: "test")
    }
}

func activeRevenue(_ w: Warehouse, _ period: Period = Period(year: 2026, month: 10)!) throws -> [String: Int64] {
    Dictionary(try w.activeLines(period).map { ("\($0.cooperativeKey)/\($0.productKey)", $0.revenue) },
               uniquingKeysWith: { a, _ in a })
}

@Suite("Warehouse: history, winners, idempotence (SPEC 5)")
struct WarehouseTests {
    @Test func latestSubmissionWins() throws {
        let inbox = try Inbox()
        try inbox.write("a.csv", [line("K1", "Amplang", 100, sent: "2026-11-05"),
                                  line("K1", "amplang ", 200, sent: "2026-11-03"),
                                  line("K1", "AMPLANG", 300)])
        let w = try Warehouse(path: ":memory:")
        let report = try inbox.ingest(into: w)
        #expect(report.read == 3 && report.accepted == 3 && report.superseded == 2)
        #expect(try activeRevenue(w) == ["k1/amplang": 100])
    }

    @Test func tiesGoToTheLineReadLast() throws {
        let inbox = try Inbox()
        try inbox.write("a.csv", [line("K1", "Amplang", 100, sent: "2026-11-05T10:00")])
        try inbox.write("b.csv", [line("K1", "Amplang", 200, sent: "2026-11-05 10:00:00")])
        try inbox.write("c.csv", [line("K2", "Amplang", 1), line("K2", "Amplang", 2)])
        let w = try Warehouse(path: ":memory:")
        _ = try inbox.ingest(into: w)
        #expect(try activeRevenue(w) == ["k1/amplang": 200, "k2/amplang": 2])
    }

    @Test func laterRunsCountAsReadLater() throws {
        let w = try Warehouse(path: ":memory:")
        let first = try Inbox()
        try first.write("z.csv", [line("K1", "Amplang", 100)])
        _ = try first.ingest(into: w)
        let second = try Inbox()
        try second.write("a.csv", [line("K1", "Amplang", 200)])
        _ = try second.ingest(into: w)
        #expect(try activeRevenue(w) == ["k1/amplang": 200])
        // A line without dikirim_pada never beats one with it, whatever the order.
        let third = try Inbox()
        try third.write("b.csv", [line("K1", "Amplang", 300, sent: "2026-11-01"), line("K2", "X", 5)])
        _ = try third.ingest(into: w)
        let fourth = try Inbox()
        try fourth.write("c.csv", [line("K1", "Amplang", 400)])
        let report = try fourth.ingest(into: w)
        #expect(report.files[0].superseded == 1)
        #expect(try activeRevenue(w) == ["k1/amplang": 300, "k2/x": 5])
    }

    @Test func reingestingChangesNothing() throws {
        let inbox = try Inbox()
        try inbox.write("a.csv", [line("K1", "Amplang", 100), line("K1", "Amplang", "x".isEmpty ? 0 : 50)])
        try inbox.write("bad.csv", ["not,a,header"])
        let w = try Warehouse(path: ":memory:")
        _ = try inbox.ingest(into: w)
        let files = try w.fileSummaries().count
        let again = try inbox.ingest(into: w)
        #expect(again.files.allSatisfy { $0.disposition == .unchanged })
        #expect(again.read == 0)
        #expect(try w.fileSummaries().count == files)
    }

    @Test func sameContentUnderAnotherPathIsADuplicate() throws {
        let inbox = try Inbox()
        try inbox.write("a.csv", [line("K1", "Amplang", 100)])
        try inbox.write("copy/a.csv", [line("K1", "Amplang", 100)])
        let w = try Warehouse(path: ":memory:")
        let report = try inbox.ingest(into: w)
        #expect(report.files.map(\.disposition) == [.ingested, .duplicate])
        #expect(report.read == 1)
        let summaries = try w.fileSummaries()
        #expect(summaries.map(\.status) == [.ingested, .duplicate])
    }

    @Test func changedContentAtAKnownPathWins() throws {
        let w = try Warehouse(path: ":memory:")
        let inbox = try Inbox()
        try inbox.write("a.csv", [line("K1", "Amplang", 100)])
        _ = try inbox.ingest(into: w)
        try inbox.write("a.csv", [line("K1", "Amplang", 150)])
        let report = try inbox.ingest(into: w)
        #expect(report.files[0].disposition == .ingested)
        #expect(try activeRevenue(w) == ["k1/amplang": 150])
        #expect(try w.fileSummaries().map(\.counts.superseded) == [1, 0])
    }

    @Test func contentPutBackAtItsPathIsADuplicate() throws {
        let w = try Warehouse(path: ":memory:")
        let inbox = try Inbox()
        try inbox.write("a.csv", [line("K1", "Amplang", 100)])
        _ = try inbox.ingest(into: w)
        try inbox.write("a.csv", [line("K1", "Amplang", 250)])
        _ = try inbox.ingest(into: w)
        try inbox.write("a.csv", [line("K1", "Amplang", 100)])
        let third = try inbox.ingest(into: w)
        #expect(third.files.map(\.disposition) == [.duplicate])
        #expect(try w.fileSummaries().map(\.status) == [.ingested, .ingested, .duplicate])
        // The latest line read stays the winner: 250.
        #expect(try activeRevenue(w) == ["k1/amplang": 250])
        // And a fourth run with the same content brings nothing.
        #expect(try inbox.ingest(into: w).files.map(\.disposition) == [.unchanged])
    }

    @Test func badFileNeverStopsTheOthers() throws {
        let inbox = try Inbox()
        try Data([0xEF, 0xBB, 0xBF, 0x20]).write(to: inbox.root.appendingPathComponent("a-empty.csv"))
        try Data("{not json".utf8).write(to: inbox.root.appendingPathComponent("b.json"))
        try Data("catatan".utf8).write(to: inbox.root.appendingPathComponent("c.txt"))
        try inbox.write("d.csv", [line("K1", "Amplang", 100)])
        let w = try Warehouse(path: ":memory:")
        let report = try inbox.ingest(into: w)
        #expect(report.files.map { $0.fileError?.code } == [.emptyFile, .invalidJSON, nil])
        #expect(report.skipped == ["c.txt"])
        #expect(report.accepted == 1)
    }

    @Test func outlierIsCheckedAgainstThePreviousMonth() throws {
        let inbox = try Inbox()
        try inbox.write("09.csv", [line("K1", "Amplang", 1000, period: "2026-09"), line("K2", "X", 1000, period: "2026-09")])
        try inbox.write("10.csv", [line("K1", "Amplang", 10_000), line("K2", "X", 9_999)])
        let w = try Warehouse(path: ":memory:")
        _ = try inbox.ingest(into: w)
        let quality = try w.periodQuality(Period(year: 2026, month: 10)!)
        #expect(quality.districts["64.72"]?.warnings == [.revenueOutlier: 1])
    }

    /// GRDB creates its bookkeeping table before the first migration's transaction: a run killed
    /// between the two leaves a file holding only that empty table. It is a warehouse not yet
    /// made, and the next run makes it; a file with any other table stays refused.
    @Test func warehouseKilledWhileBeingCreatedIsCompletedNextTime() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ovop-half-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let half = try DatabaseQueue(path: path)
        try half.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        try half.close()
        let w = try Warehouse(path: path)
        #expect(try w.activeLineCount(Period(year: 2026, month: 10)!) == 0)
        try w.close()
        let reopened = try Warehouse(path: path)
        try reopened.close()

        let foreign = FileManager.default.temporaryDirectory.appendingPathComponent("ovop-foreign-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: foreign) }
        let other = try DatabaseQueue(path: foreign)
        try other.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); CREATE TABLE notes (t TEXT)")
        }
        try other.close()
        #expect(throws: WarehouseError.self) { try Warehouse(path: foreign) }
    }

    @Test func damagedFileIsRefusedAndLeftAlone() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ovop-bad-\(UUID().uuidString).sqlite").path
        let garbage = Data(repeating: 0x41, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect(throws: WarehouseError.self) { try Warehouse(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }
}
