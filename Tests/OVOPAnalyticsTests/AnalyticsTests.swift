import Foundation
import OVOPCore
import OVOPIngest
import OVOPWarehouse
import Testing
@testable import OVOPAnalytics

let now: Int64 = (Clock.days(fromCivil: 2026, 11, 15) * 86_400) * 1_000_000
let october = Period(year: 2026, month: 10)!

/// Writes CSV files to a fresh folder and ingests them into a throwaway warehouse.
func warehouse(_ files: [String: [String]]) throws -> Warehouse {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("ovop-an-\(UUID().uuidString)")
    let header = "periode,kode_koperasi,nama_koperasi,kabupaten_kota,kecamatan,desa,produk,kategori,omzet,nilai_ekspor,jumlah_anggota,tenaga_kerja,saluran_pemasaran,sertifikasi,satuan,volume_produksi"
    for (name, lines) in files {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(([header] + lines).joined(separator: "\n").utf8).write(to: url)
    }
    let w = try Warehouse(path: ":memory:")
    let (inputs, skipped) = try InputScanner.scan([root])
    _ = try w.ingest(inputs, skipped: skipped, context: IngestContext(nowMicros: now), toolVersion: "test")
    return w
}

/// The hand-computed case of the tests below (figures worked out in the comments).
func handCase() throws -> PeriodReport {
    let w = try warehouse([
        "2025-10.csv": ["2025-10,K1,Kop Satu,Samarinda,Samarinda Seberang,A,Amplang,pangan,2000000,,,,,,,"],
        "2026-09.csv": ["2026-09,K1,Kop Satu,Samarinda,Samarinda Seberang,A,Amplang,pangan,500000,,,,,,,",
                        "2026-09,K4,Kop Empat,Samarinda,Sungai Kunjang,D,Batik,sandang,1000000,,,,,,,"],
        "2026-10.csv": [
            "2026-10,K1,Kop Satu,Samarinda,Samarinda Seberang,A,Amplang,pangan,1000000,0,10,2,online,halal,bungkus,",
            "2026-10,K1,Kop Satu,Samarinda,Samarinda Seberang,A,Sarung,sandang,3000000,1000000,12,3,pameran,,lembar,5",
            "2026-10,K2,Kop Dua,Samarinda,Sungai Kunjang,B,amplang,pangan,2000000,,20,5,online|ekspor,pirt|halal,kg,",
            "2026-10,K3,Kop Tiga,Kab. Paser,Kuaro,C,Anyaman,kerajinan,4000000,,,,,,pcs,",
        ],
    ])
    return try Analytics.report(w, period: october)
}

@Suite("Indicators on a hand-computed case (SPEC 6, 11)")
struct AnalyticsTests {
    @Test func districtIndicators() throws {
        let r = try handCase()
        let smd = try #require(r.districts.first { $0.district.code == "64.72" }?.indicators)
        #expect(smd.cooperatives == 2 && smd.villages == 2 && smd.products == 2 && smd.lines == 3)
        #expect(smd.revenue == 6_000_000 && smd.revenueShare == 0.6)
        #expect(smd.exportRevenue == 1_000_000 && smd.exportShare == 1.0 / 6.0)
        #expect(smd.members == 32 && smd.workers == 10 && smd.revenuePerWorker == 600_000)
        #expect(smd.revenueByCategory == [.pangan: 3_000_000, .sandang: 3_000_000, .kerajinan: 0, .herbal: 0, .lainnya: 0])
        #expect(smd.channelReach[.online] == 1.0 && smd.channelReach[.pameran] == 0.5 && smd.channelReach[.ekspor] == 0.5)
        #expect(smd.channelReach[.artShop] == 0.0)
        #expect(smd.certifiedShare == 2.0 / 3.0)
        #expect(smd.certificationShare[.halal] == 2.0 / 3.0 && smd.certificationShare[.pirt] == 1.0 / 3.0)
        // Amplang and Sarung tie at 3 000 000: alphabetical by normalised name.
        #expect(smd.leadingProduct == "Amplang" && smd.leadingProductShare == 0.5)
        // Village A's top product earns 3 000 000, village B's 2 000 000: 5/6.
        #expect(smd.ovopFocus == 5.0 / 6.0)
        #expect(smd.revenuePrevMonth == 1_500_000 && smd.momGrowth == 3.0)
        #expect(smd.revenuePrevYear == 2_000_000 && smd.yoyGrowth == 2.0)
        #expect(smd.ytdRevenue == 7_500_000)

        let paser = try #require(r.districts.first { $0.district.code == "64.01" }?.indicators)
        #expect(paser.revenue == 4_000_000 && paser.workers == 0 && paser.revenuePerWorker == nil)
        #expect(paser.members == 0 && paser.momGrowth == nil && paser.leadingProduct == "Anyaman")

        let empty = try #require(r.districts.first { $0.district.code == "64.11" }?.indicators)
        #expect(empty.lines == 0 && empty.revenue == 0 && empty.revenueShare == 0 && empty.exportShare == nil)
        #expect(empty.leadingProduct == nil && empty.ovopFocus == nil && empty.channelReach[.online] == .some(nil))
        #expect(r.districts.map(\.district.code) == ["64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71", "64.72", "64.74"])
    }

    @Test func provinceIsComputedOverItsLines() throws {
        let p = try handCase().province
        #expect(p.cooperatives == 3 && p.villages == 3 && p.products == 3 && p.lines == 4)
        #expect(p.revenue == 10_000_000 && p.revenueShare == 1)
        #expect(p.members == 32 && p.workers == 10 && p.revenuePerWorker == 1_000_000)
        #expect(p.leadingProduct == "Anyaman" && p.leadingProductShare == 0.4)
        #expect(p.ovopFocus == 0.9)
        #expect(p.revenuePrevMonth == 1_500_000 && abs(p.momGrowth! - (10.0 / 1.5 - 1)) < 1e-12)
        #expect(p.yoyGrowth == 4.0 && p.ytdRevenue == 11_500_000)
    }

    @Test func productsTopTenAndTrend() throws {
        let r = try handCase()
        let amplang = try #require(r.products.first { $0.district == "64.72" && $0.key == "amplang" })
        #expect(amplang.villages == 2 && amplang.cooperatives == 2 && amplang.revenue == 3_000_000)
        #expect(amplang.momGrowth == 5.0)
        // No line gives a volume: units are 0 and the unit is null.
        #expect(amplang.unit == nil && amplang.unitsProduced == 0)
        let sarung = try #require(r.products.first { $0.key == "sarung" })
        #expect(sarung.unit == "lembar" && sarung.unitsProduced == 5 && sarung.momGrowth == nil)
        #expect(r.products.map(\.key) == ["anyaman", "amplang", "sarung"])
        #expect(r.topProducts.map(\.key) == ["anyaman", "amplang", "sarung"])
        #expect(r.topProducts[1].districts == ["64.72"] && r.topProducts[1].rank == 2)
        #expect(r.trend.months.first?.description == "2025-11" && r.trend.months.last == october)
        #expect(r.trend.province.last == 10_000_000 && r.trend.province[10] == 1_500_000)
        #expect(r.trend.districts["64.72"]?.last == 6_000_000)
    }

    @Test func followUpAndNewCooperatives() throws {
        let q = try handCase().quality
        #expect(q.followUp.map(\.id) == ["K4"])
        #expect(q.followUp.first?.name == "Kop Empat" && q.followUp.first?.district == "64.72")
        #expect(q.newCooperatives.map(\.id) == ["K3", "K2"])  // sorted by district, then id
        #expect(q.districts["64.72"]?.read == 3 && q.districts["unknown"]?.read == 0)
        #expect(q.totals.files == 3 && q.totals.read == 7)
    }

    @Test func aDistrictOfficeSeesItsOwnReport() throws {
        let r = try handCase()
        let smd = try #require(r.districts.first { $0.district.code == "64.72" })
        let scoped = try r.scoped(to: smd.district)
        #expect(scoped.scope?.code == "64.72" && scoped.districts.count == 1)
        #expect(scoped.province == smd.indicators)
        #expect(scoped.products.allSatisfy { $0.district == "64.72" } && scoped.products.count == 2)
        #expect(scoped.topProducts.map(\.key) == ["amplang", "sarung"])
        #expect(scoped.trend.province.last == 6_000_000)
        #expect(scoped.lines.count == 3)
        #expect(scoped.quality.followUp.map(\.id) == ["K4"] && scoped.quality.newCooperatives.map(\.id) == ["K2"])
        #expect(scoped.quality.files.map(\.path) == ["2026-10.csv"])
    }

    @Test func displayNamesVote() {
        #expect(Vote.winner(["Amplang", "amplang", "Amplang"]) == "Amplang")
        #expect(Vote.winner(["b", "B"]) == "B")  // tie: first in code-point order
        // Canonically equivalent spellings are two spellings: e + U+0301 sorts before é (U+00E9).
        #expect(Vote.winner(["Caf\u{E9}", "Cafe\u{301}"]).unicodeScalars.count == 5)
    }

    /// SPEC 5 normalises names by trimming, collapsing white space and case folding, nothing more: a
    /// precomposed `é` and `e` + U+0301 (canonically equivalent, equal as Swift strings) are two names,
    /// as their code points and SQLite's keys say; villages and cooperative ids the same.
    @Test func namesAreToldApartByCodePoint() throws {
        let nfc = "Caf\u{E9}", nfd = "Cafe\u{301}"
        let w = try warehouse(["2026-10.csv": [
            "2026-10,K1,Kop Satu,Balikpapan,,D\(nfc),\(nfc),pangan,100,,,,,,,",
            "2026-10,K1,Kop Satu,Balikpapan,,D\(nfd),\(nfd),pangan,100,,,,,,,",
            "2026-10,K\(nfc),Kop Dua,Balikpapan,,D\(nfc),Amplang,pangan,100,,,,,,,",
            "2026-10,K\(nfd),Kop Tiga,Balikpapan,,D\(nfc),Amplang,pangan,100,,,,,,,",
        ]])
        let r = try Analytics.report(w, period: october)
        let bpp = try #require(r.districts.first { $0.district.code == "64.71" }?.indicators)
        #expect(bpp.lines == 4, "no line supersedes another: four keys")
        #expect(bpp.products == 3 && bpp.cooperatives == 3 && bpp.villages == 2)
        #expect(bpp.leadingProduct == "Amplang" && bpp.leadingProductShare == 0.5)
        let cafes = r.products.filter { $0.key != "amplang" }
        #expect(cafes.map { Array($0.key.unicodeScalars) } == [Array("cafe\u{301}".unicodeScalars), Array("caf\u{E9}".unicodeScalars)],
                "sorted by code point")
        #expect(cafes.allSatisfy { $0.revenue == 100 })
    }

    @Test func rounding() {
        #expect(Rounding.divide(5, 2) == 3)
        #expect(Rounding.divide(7, 2) == 4)
        #expect(Rounding.divide(10, 4) == 3)
        #expect(Rounding.divide(10, 3) == 3)
        #expect(Rounding.halfAwayFromZero(Decimal(string: "2.5")!) == 3)
        #expect(Rounding.halfAwayFromZero(Decimal(string: "-2.5")!) == -3)
    }
}
