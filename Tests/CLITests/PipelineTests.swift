import Foundation
import Testing

/// A small inbox whose figures were worked out by hand (see each expectation).
func handInbox(_ root: URL) throws {
    let header = "periode;kode_koperasi;nama_koperasi;kabupaten_kota;kecamatan;desa;produk;kategori;omzet;nilai_ekspor;tenaga_kerja;dikirim_pada"
    try CLI.write([
        header,
        "Sep 2026;K1;Kop Satu;Kota Samarinda;Samarinda Seberang;Tenun;Sarung Tenun;sandang;Rp 2.000.000;;4;05/10/2026",
        "Sep 2026;K9;Kop Sembilan;Bontang;Bontang Utara;Guntung;Keripik Bawis;pangan;Rp 500.000;;2;05/10/2026",
    ].joined(separator: "\r\n"), to: root.appendingPathComponent("2026-09/samarinda.csv"))
    try CLI.write([
        header,
        "Okt 2026;K1;Kop Satu;Kota Samarinda;Samarinda Seberang;Tenun;Sarung Tenun;sandang;Rp 3.000.000;Rp 1.000.000;5;03/11/2026 09.15",
        "Okt 2026;K2;Kop Dua;Kukar;Loa Janan;Batuah;Lada Putih;pangan;1,5 jt;;3;04/11/2026",
        "Okt 2026;K3;Kop Tiga;6402;;Desa X;Madu;herbal;750 rb;;;04/11/2026",
        "Okt 2026;K4;Kop Empat;Tenggarong;;Desa Y;Madu;herbal;100;;;04/11/2026",
    ].joined(separator: "\r\n"), to: root.appendingPathComponent("2026-10/a.csv"))
    // A resubmission: K1's sarung corrected later, in an English spreadsheet.
    try CLI.write("""
        Period,Cooperative ID,Cooperative Name,District,Subdistrict,Village,Product,Category,Revenue,Workers,Submitted At
        Oct-26,K1,Kop Satu,Samarinda,Samarinda Seberang,Tenun,sarung tenun,sandang,"Rp 3,500,000",5,11/13/2026 8:00
        """, to: root.appendingPathComponent("2026-10/b-revisi.csv"))
    try CLI.write("bukan data", to: root.appendingPathComponent("catatan.txt"))
}

@Suite("The real binary on real files")
struct PipelineTests {
    @Test func runWritesTheReportWithHandCheckedFigures() throws {
        let dir = try CLI.temporaryDirectory("run")
        try handInbox(dir.appendingPathComponent("inbox"))
        let r = try CLI.run(["run", "--inbox", "inbox", "--period", "2026-10", "--warehouse", "wh.sqlite",
                             "--output", "out"], in: dir)
        #expect(r.status == 1, "rejected lines → exit 1: \(r.stderr)")
        #expect(r.stderr.contains("a.csv baris 4"))  // the ambiguous code, located
        let period = dir.appendingPathComponent("out/2026-10")
        for name in ["indicators-2026-10.json", "rejects-2026-10.csv", "manifest.json", "SHA256SUMS"] {
            #expect(FileManager.default.fileExists(atPath: period.appendingPathComponent(name).path), "\(name)")
        }
        let doc = try CLI.json(period.appendingPathComponent("indicators-2026-10.json"))
        let province = try #require(doc["province"] as? [String: Any])
        // 3 500 000 (K1's resubmission wins) + 1 500 000 (K2); K3 ambiguous and K4 unknown are rejected.
        #expect(province["revenue"] as? Int == 5_000_000)
        #expect(province["cooperatives"] as? Int == 2)
        #expect(province["export_revenue"] as? Int == 0)  // the winning line gives no export
        #expect(province["revenue_prev_month"] as? Int == 2_500_000)
        #expect(province["workers"] as? Int == 8)
        #expect(province["revenue_per_worker"] as? Int == 625_000)
        let districts = try #require(doc["districts"] as? [[String: Any]])
        #expect(districts.count == 10)
        #expect(districts.map { $0["code"] as? String } == ["64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71", "64.72", "64.74"])
        let smd = try #require(districts.first { $0["code"] as? String == "64.72" })
        #expect(smd["bps_code"] as? String == "6472")
        #expect(smd["revenue"] as? Int == 3_500_000)
        #expect(smd["revenue_share"] as? Double == 0.7)
        #expect(smd["leading_product"] as? String == "Sarung Tenun" || smd["leading_product"] as? String == "sarung tenun")
        #expect(smd["mom_growth"] as? Double == 0.75)
        let bontang = try #require(districts.first { $0["code"] as? String == "64.74" })
        #expect(bontang["revenue"] as? Int == 0 && bontang["revenue_prev_month"] as? Int == 500_000)
        let quality = try #require(doc["quality"] as? [String: Any])
        let totals = try #require(quality["totals"] as? [String: Int])
        #expect(totals == ["files": 3, "read": 7, "accepted": 5, "rejected": 2, "superseded": 1, "duplicates": 0])
        #expect(quality["skipped"] as? [String] == ["catatan.txt"])
        let followUp = try #require(quality["follow_up"] as? [[String: String]])
        #expect(followUp == [["id": "K9", "name": "Kop Sembilan", "district": "64.74"]])
        let periodQ = try #require(quality["period"] as? [String: Any])
        #expect(periodQ["errors"] as? [String: Int] == ["ambiguous-district-code": 1, "unknown-district": 1])
        // Every file: read = accepted + rejected.
        for file in try #require(quality["files"] as? [[String: Any]]) {
            #expect(file["read"] as? Int == (file["accepted"] as? Int ?? -1) + (file["rejected"] as? Int ?? -1))
        }
        let rejects = try String(contentsOf: period.appendingPathComponent("rejects-2026-10.csv"), encoding: .utf8)
        #expect(rejects.contains("ambiguous-district-code") && rejects.contains("Tenggarong"))
        // SHA256SUMS checks with the standard tool.
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        check.arguments = ["-c", "--quiet", "SHA256SUMS"]
        check.currentDirectoryURL = period
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        let dir = try CLI.temporaryDirectory("det")
        try CLI.run(["sample", "--output", "inbox", "--months", "3", "--end", "2026-10", "--lines", "400"], in: dir)
        for out in ["out1", "out2"] {
            try CLI.run(["run", "--inbox", "inbox", "--period", "2026-10", "--warehouse", "\(out).sqlite",
                         "--output", out], in: dir)
        }
        // Every file, charts/ included.
        let root = dir.appendingPathComponent("out1/2026-10")
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { name in
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDir)
            return !isDir.boolValue
        }
        #expect(files.count >= 20)
        for name in files {
            let a = try Data(contentsOf: dir.appendingPathComponent("out1/2026-10/\(name)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("out2/2026-10/\(name)"))
            #expect(a == b, "\(name) differs")
        }
        let index1 = try Data(contentsOf: dir.appendingPathComponent("out1/index.html"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("out2/index.html")) == index1)
    }

    @Test func monthByMonthEqualsAllAtOnce() throws {
        let dir = try CLI.temporaryDirectory("mbm")
        try CLI.run(["sample", "--output", "inbox", "--months", "4", "--end", "2026-10", "--lines", "600"], in: dir)
        try CLI.run(["ingest", "inbox", "--warehouse", "all.sqlite"], in: dir)
        for month in ["2026-07", "2026-08", "2026-09", "2026-10"] {
            try CLI.run(["ingest", "inbox/\(month)", "--warehouse", "monthly.sqlite"], in: dir)
        }
        for wh in ["all", "monthly"] {
            let r = try CLI.run(["report", "--period", "2026-10", "--warehouse", "\(wh).sqlite", "--output", wh], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        var a = try CLI.json(dir.appendingPathComponent("all/2026-10/indicators-2026-10.json"))
        var b = try CLI.json(dir.appendingPathComponent("monthly/2026-10/indicators-2026-10.json"))
        // File paths are relative to the root given, so they differ; every figure must not.
        a["quality"] = nil
        b["quality"] = nil
        #expect(NSDictionary(dictionary: a).isEqual(to: b))
    }

    @Test func rerunWithNothingNewChangesNothing() throws {
        let dir = try CLI.temporaryDirectory("idem")
        try handInbox(dir.appendingPathComponent("inbox"))
        try CLI.run(["ingest", "inbox", "--warehouse", "wh.sqlite"], in: dir)
        let before = try Data(contentsOf: dir.appendingPathComponent("wh.sqlite"))
        let again = try CLI.run(["ingest", "inbox", "--warehouse", "wh.sqlite"], in: dir)
        #expect(again.status == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("wh.sqlite")) == before)
    }

    @Test func exitStatuses() throws {
        let dir = try CLI.temporaryDirectory("exit")
        try handInbox(dir.appendingPathComponent("inbox"))
        #expect(try CLI.run(["validate", "inbox/2026-09"], in: dir).status == 0)
        let bad = try CLI.run(["validate", "inbox"], in: dir)
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("2026-10/a.csv:5: unknown-district: kabupaten/kota \"Tenggarong\""))
        #expect(try CLI.run(["report", "--period", "2026-13"], in: dir).status == 2)
        #expect(try CLI.run(["frobnicate"], in: dir).status == 2)
        try CLI.run(["ingest", "inbox", "--warehouse", "wh.sqlite"], in: dir)
        #expect(try CLI.run(["report", "--period", "2020-01", "--warehouse", "wh.sqlite"], in: dir).status == 3)
        #expect(try CLI.run(["validate", "nowhere"], in: dir).status == 7)
        try CLI.write("not a database, just text\n", to: dir.appendingPathComponent("broken.sqlite"))
        let broken = try CLI.run(["ingest", "inbox", "--warehouse", "broken.sqlite"], in: dir)
        #expect(broken.status == 6)
        #expect(try String(contentsOf: dir.appendingPathComponent("broken.sqlite"), encoding: .utf8) == "not a database, just text\n")
        let english = try CLI.run(["validate", "--lang", "en", "inbox"], in: dir)
        #expect(english.stdout.contains("is not a district of East Kalimantan"))
        let json = try CLI.run(["validate", "--format", "json", "inbox"], in: dir)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((doc["totals"] as? [String: Int])?["rejected"] == 2)
    }

    @Test func garbageNeverCrashes() throws {
        let dir = try CLI.temporaryDirectory("garbage")
        var rng = SystemRandomNumberGenerator()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("in"), withIntermediateDirectories: true)
        for i in 0..<12 {
            let bytes = (0..<Int.random(in: 0...4000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            try Data(bytes).write(to: dir.appendingPathComponent("in/g\(i).\(["csv", "json", "ndjson"][i % 3])"))
        }
        try CLI.write(String(repeating: "[", count: 200_000), to: dir.appendingPathComponent("in/deep.json"))
        try CLI.write("periode,kode_koperasi,nama_koperasi,kabupaten_kota,desa,produk,kategori,omzet\n2026-10,K,\""
                      + String(repeating: "x", count: 2_000_000) + "\",Samarinda,D,P,pangan,1\n",
                      to: dir.appendingPathComponent("in/huge.csv"))
        let r = try CLI.run(["validate", "in"], in: dir)
        #expect(r.status == 0 || r.status == 1)
    }
}
