import Foundation
import OVOPCore
import OVOPIngest
import OVOPWarehouse
import Testing
@testable import OVOPAnalytics

/// Analytics reads the lines once, grouped by district, into tallies, and names cooperatives
/// with SQL. This checks it against the plainest reading of SPEC 6 and 11: every active line
/// in memory, grouped and counted directly.
@Suite("Streaming analytics equals the plain reading of the spec")
struct ReferenceModelTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func randomMonthsGiveTheSameFigures(seed: UInt64) throws {
        var rng = TestRandom(seed: seed)
        var files: [String: [String]] = [:]
        for month in ["2025-10", "2026-08", "2026-09", "2026-10"] {
            for part in 0..<2 {
                files["\(month)/part-\(part).csv"] = (0..<(20 + rng.next(40))).map { _ in randomLine(month, &rng) }
            }
        }
        let w = try warehouse(files)
        for period in [Period(year: 2026, month: 9)!, october] {
            let report = try Analytics.report(w, period: period)
            let lines = try w.activeLines(period)
            #expect(lines.count > 10)
            let byDistrict = Dictionary(grouping: lines, by: \.district)
            #expect(report.province.withoutHistory == Plain.measure(lines))
            for d in report.districts {
                #expect(d.indicators.withoutHistory == Plain.measure(byDistrict[d.district.code] ?? []),
                        "district \(d.district.code), seed \(seed)")
            }
            #expect(report.products == Plain.productTable(lines, previous: try w.activeLines(period.previous)))
            #expect(report.topProducts == Plain.topProducts(lines))
            let current = Plain.cooperatives(lines)
            let before = Plain.cooperatives(try w.activeLines(period.previous))
            #expect(report.quality.followUp == before.filter { c in !current.contains { $0.key == c.key } })
            var earlier = Set<String>()
            for m in 1...13 { try w.activeLines(period.advanced(by: -m)).forEach { earlier.insert($0.cooperativeKey) } }
            #expect(report.quality.newCooperatives == current.filter { !earlier.contains($0.key) })
            #expect(report.lines.count == lines.count)
            let samarinda = try report.lines.only(district: "64.72")
            var seen = 0
            try samarinda.forEach { line in
                seen += 1
                #expect(line.district == "64.72")
            }
            #expect(seen == samarinda.count && seen == byDistrict["64.72"]?.count ?? 0)

            // Rejected lines, whole and for one district office (with those whose period cannot be read).
            var rejects: [RejectedLine] = []
            try report.rejects.forEach { rejects.append($0) }
            #expect(rejects.count == report.rejects.count && rejects.count > 3)
            #expect(rejects.contains { $0.period == nil } && rejects.contains { $0.district == nil })
            var first: [String] = []
            try report.rejects.forEach(limit: 2) { first.append("\($0.file):\($0.line)") }
            #expect(first == rejects.prefix(2).map { "\($0.file):\($0.line)" })
            let district = try #require(report.districts.first { $0.district.code == "64.72" }?.district)
            let scoped = try report.scoped(to: district)
            let own = rejects.filter { $0.district == "64.72" }
            var scopedRejects: [String] = []
            try scoped.rejects.forEach { scopedRejects.append("\($0.file):\($0.line)") }
            #expect(scopedRejects == own.map { "\($0.file):\($0.line)" })
            var errors: [DiagnosticCode: Int] = [:]
            for r in own where r.period == period { for c in Set(r.codes) { errors[c, default: 0] += 1 } }
            #expect(scoped.quality.errors == errors)
            let files = Set(own.map(\.file)).union((byDistrict["64.72"] ?? []).map(\.file))
            #expect(Set(scoped.quality.files.map(\.path)) == files)
        }
    }

    /// A line with spellings that differ in case and spaces, ties in revenue, optional fields
    /// present or not, and now and then a reason to reject it.
    func randomLine(_ month: String, _ rng: inout TestRandom) -> String {
        let coops = [("K1", "Kop Satu"), ("k1", "KOP SATU"), ("K2", "Kop Dua"), (" K3", "Kop  Tiga"), ("K4", "Kop Empat"),
                     ("K5", "Kop Lima"), ("K6", "Kop Enam"), ("k6", "kop enam")]
        let districts = ["Samarinda", "Kab. Paser", "Balikpapan", "64.02", "Kota Samarinda"]
        let kecamatan = ["", "Samarinda Seberang", "samarinda  seberang", "Kuaro", "Sungai Kunjang"]
        let desa = ["A", "a", "B", "Desa C"]
        let products = ["Amplang", "amplang", "AMPLANG", "Sarung", "Batik", "Anyaman", "Madu Hutan", "madu hutan"]
        let categories = Category.allCases.map(\.rawValue)
        let revenue = [1_000_000, 2_000_000, 3_000_000, 750_000][rng.next(4)]
        let coop = coops[rng.next(coops.count)]
        func maybe(_ value: String) -> String { rng.next(3) == 0 ? "" : value }
        let channels = Channel.allCases.filter { _ in rng.next(3) == 0 }.map(\.rawValue).joined(separator: "|")
        let certifications = Certification.allCases.filter { _ in rng.next(4) == 0 }.map(\.rawValue).joined(separator: "|")
        let volume = maybe(String(1 + rng.next(50)))
        // One line in eight is rejected: an unreadable amount, an unknown district, an unreadable period.
        let spoil = rng.next(8) == 0 ? rng.next(3) : -1
        return [spoil == 2 ? "bulan ini" : month, coop.0, coop.1, spoil == 1 ? "Tenggarong" : districts[rng.next(districts.count)],
                kecamatan[rng.next(kecamatan.count)],
                desa[rng.next(desa.count)], products[rng.next(products.count)], categories[rng.next(categories.count)],
                spoil == 0 ? "hubungi kami" : String(revenue), maybe(String(revenue / 4)), maybe(String(1 + rng.next(30))),
                maybe(String(1 + rng.next(9))),
                channels, certifications, volume.isEmpty ? maybe(["kg", "pcs", "bungkus"][rng.next(3)]) : ["kg", "pcs"][rng.next(2)],
                volume].joined(separator: ",")
    }
}

/// SplitMix64: the same seed gives the same lines.
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

extension Indicators {
    /// The figures that depend on the period's lines only.
    var withoutHistory: Indicators {
        var i = self
        i.revenueShare = nil
        i.revenuePrevMonth = 0
        i.momGrowth = nil
        i.revenuePrevYear = 0
        i.yoyGrowth = nil
        i.ytdRevenue = 0
        return i
    }
}

/// SPEC 6 and 11 read plainly, over lines held in memory.
enum Plain {
    static func measure(_ lines: [FactLine]) -> Indicators {
        var ind = Indicators()
        ind.lines = lines.count
        guard !lines.isEmpty else { return ind }
        let coops = Dictionary(grouping: lines, by: \.cooperativeKey)
        let villages = Dictionary(grouping: lines) { VillageKey($0) }
        let products = Dictionary(grouping: lines, by: \.productKey)
        ind.cooperatives = coops.count
        ind.villages = villages.count
        ind.products = products.count
        ind.revenue = lines.reduce(0) { $0 + $1.revenue }
        ind.exportRevenue = lines.reduce(0) { $0 + $1.exportRevenue }
        ind.members = coops.values.reduce(0) { $0 + ($1.map { $0.members ?? 0 }.max() ?? 0) }
        ind.workers = lines.reduce(0) { $0 + ($1.workers ?? 0) }
        for c in Category.allCases {
            ind.revenueByCategory[c] = lines.filter { $0.category == c }.reduce(0) { $0 + $1.revenue }
        }
        ind.exportShare = Analytics.share(ind.exportRevenue, ind.revenue)
        ind.revenuePerWorker = ind.workers == 0 ? nil : Rounding.divide(ind.revenue, ind.workers)
        for channel in Channel.allCases {
            let reached = coops.values.filter { group in group.contains { Bits.has($0.channels, channel) } }.count
            ind.channelReach[channel] = Analytics.share(Int64(reached), Int64(coops.count))
        }
        ind.certifiedShare = Analytics.share(Int64(lines.filter { $0.certifications != 0 }.count), Int64(lines.count))
        for c in Certification.allCases {
            let n = lines.filter { Bits.has($0.certifications, c) }.count
            ind.certificationShare[c] = Analytics.share(Int64(n), Int64(lines.count))
        }
        let revenue = products.mapValues { $0.reduce(Int64(0)) { $0 + $1.revenue } }
        let leader = revenue.sorted { a, b in a.value != b.value ? a.value > b.value : CodePoint.less(a.key, b.key) }[0]
        ind.leadingProduct = Vote.winner(products[leader.key]!.map(\.product))
        ind.leadingProductShare = Analytics.share(leader.value, ind.revenue)
        let focus = villages.values.reduce(Int64(0)) { sum, group in
            sum + Dictionary(grouping: group, by: \.productKey).values.map { $0.reduce(Int64(0)) { $0 + $1.revenue } }.max()!
        }
        ind.ovopFocus = Analytics.share(focus, ind.revenue)
        return ind
    }

    static func productTable(_ lines: [FactLine], previous: [FactLine]) -> [ProductRow] {
        Dictionary(grouping: lines) { "\($0.district)|\($0.productKey)" }.values.map { group in
            let first = group[0]
            let revenue = group.reduce(Int64(0)) { $0 + $1.revenue }
            let before = previous.filter { $0.district == first.district && $0.productKey == first.productKey }
                .reduce(Int64(0)) { $0 + $1.revenue }
            let produced = group.compactMap(\.unitsProduced), sold = group.compactMap(\.unitsSold)
            let units = group.compactMap(\.unit)
            return ProductRow(
                district: first.district, product: Vote.winner(group.map(\.product)), key: first.productKey,
                category: Category(rawValue: Vote.winner(group.map(\.category.rawValue)))!,
                unit: (produced.isEmpty && sold.isEmpty) || units.isEmpty ? nil : Vote.winner(units),
                villages: Set(group.map { VillageKey($0) }).count, cooperatives: Set(group.map(\.cooperativeKey)).count,
                unitsProduced: produced.reduce(0, +), unitsSold: sold.reduce(0, +), revenue: revenue,
                exportRevenue: group.reduce(Int64(0)) { $0 + $1.exportRevenue },
                momGrowth: Analytics.growth(revenue, before))
        }.sorted { a, b in a.district != b.district ? a.district < b.district : CodePoint.less(a.key, b.key) }
    }

    static func topProducts(_ lines: [FactLine]) -> [TopProduct] {
        let ranked = Dictionary(grouping: lines, by: \.productKey).map { key, group in
            (key: key, revenue: group.reduce(Int64(0)) { $0 + $1.revenue }, group: group)
        }.sorted { a, b in a.revenue != b.revenue ? a.revenue > b.revenue : CodePoint.less(a.key, b.key) }
        return ranked.prefix(10).enumerated().map { i, item in
            TopProduct(rank: i + 1, product: Vote.winner(item.group.map(\.product)), key: item.key,
                       category: Category(rawValue: Vote.winner(item.group.map(\.category.rawValue)))!,
                       revenue: item.revenue, districts: Set(item.group.map(\.district)).sorted())
        }
    }

    static func cooperatives(_ lines: [FactLine]) -> [CooperativeRef] {
        Dictionary(grouping: lines, by: \.cooperativeKey).map { key, group in
            CooperativeRef(key: key, id: Vote.winner(group.map(\.cooperativeID)),
                           name: Vote.winner(group.map(\.cooperativeName)), district: Vote.winner(group.map(\.district)))
        }.sorted { a, b in a.district != b.district ? a.district < b.district : CodePoint.less(a.key, b.key) }
    }
}
