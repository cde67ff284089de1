import Foundation
import GRDB
import OVOPCore
import OVOPIngest
import PropertyBased
import Testing
@testable import OVOPWarehouse

/// Random submissions built from a seed: good and bad values, repeated keys, with and
/// without `dikirim_pada`, in CSV files of random shapes.
struct RandomInbox {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    mutating func pick(_ options: [String]) -> String { options[Int(rng.next() % UInt64(options.count))] }

    mutating func line() -> String {
        [
            pick(["2026-10", "2026-09", "Okt 2026", "13/2026", "", "2026-10"]),
            pick(["K1", "K2", "k1 ", "K3", ""]),
            pick(["Kop A", "Kop B"]),
            pick(["Samarinda", "Kukar", "6402", "Tenggarong", "64.72", "Kab. Paser"]),
            pick(["", "Loa Janan", "Kuaro", "Nowhere"]),
            pick(["Desa", "Desa 2", ""]),
            pick(["Amplang", "amplang", "Sarung", "Madu"]),
            pick(["pangan", "sandang", "elektronik", "Pangan"]),
            pick(["1000", "Rp 1.250.000", "abc", "-5", "1,5 jt", "0", "\"1,250\""]),
            pick(["", "0", "500", "99999999"]),
            pick(["", "2026-11-01", "2026-11-02T10:00:00+08:00", "31/02/2026", "2026-11-01"]),
            pick(["", "online|tokopedia", "pameran"]),
        ].joined(separator: ",")
    }

    mutating func file() -> String {
        let header = "periode,kode_koperasi,nama_koperasi,kabupaten_kota,kecamatan,desa,produk,kategori,omzet,nilai_ekspor,dikirim_pada,saluran_pemasaran"
        var lines = [header]
        for _ in 0..<Int(rng.next() % 25) {
            lines.append(rng.next() % 20 == 0 ? "2026-10,too,few" : line())
        }
        return lines.joined(separator: "\n")
    }
}

struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

@Suite("The accounting invariant on random inputs (SPEC 4)")
struct AccountingPropertyTests {
    @Test func everyLineIsAccountedForAndEachKeyHasOneWinner() async {
        await propertyCheck(count: 40, input: Gen.int64(in: 1...Int64.max)) { seed in
            var inbox = RandomInbox(seed: UInt64(seed))
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("ovop-prop-\(UUID().uuidString)")
            let w = try Warehouse(path: ":memory:")
            // Two runs, so that later runs supersede earlier ones.
            for run in 0..<2 {
                let dir = root.appendingPathComponent("run\(run)")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                for i in 0..<(1 + Int(seed % 3)) {
                    try Data(inbox.file().utf8).write(to: dir.appendingPathComponent("f\(i).csv"))
                }
                let (files, skipped) = try InputScanner.scan([dir])
                let report = try w.ingest(files, skipped: skipped, context: IngestContext(nowMicros: now), toolVersion: "t")
                #expect(report.read == report.accepted + report.rejected)
                for f in report.files { #expect(f.read == f.accepted + f.rejected) }
            }
            for f in try w.fileSummaries() {
                #expect(f.counts.read == f.counts.accepted + f.counts.rejected)
                #expect(f.counts.superseded <= f.counts.accepted)
            }
            try w.dbQueue.read { db in
                // accepted = active + superseded, and each key has exactly one active line: the latest sent, then the last read.
                let keys = try Row.fetchAll(db, sql: """
                    SELECT period, coop, prod, SUM(active) AS winners, COUNT(*) AS lines FROM line
                    WHERE accepted = 1 GROUP BY period, coop, prod
                    """)
                for k in keys { #expect(k["winners"] as Int == 1) }
                let wrong = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM line a JOIN line b
                      ON a.period = b.period AND a.coop = b.coop AND a.prod = b.prod AND a.id <> b.id
                    WHERE a.active = 1 AND b.accepted = 1
                      AND (COALESCE(b.submitted_micros, -1) > COALESCE(a.submitted_micros, -1)
                           OR (COALESCE(b.submitted_micros, -1) = COALESCE(a.submitted_micros, -1) AND b.id > a.id))
                    """) ?? -1
                #expect(wrong == 0)
                let totals = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, SUM(accepted) AS a, SUM(active) AS act FROM line")!
                let superseded = try Int.fetchOne(db, sql: "SELECT SUM(superseded) FROM file_stats") ?? 0
                #expect((totals["a"] as Int? ?? 0) == (totals["act"] as Int? ?? 0) + superseded)
            }
        }
    }
}
