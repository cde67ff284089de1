import OVOPAnalytics
import OVOPCore

/// A village of a district in the period: its names, cooperatives, leading product and revenue.
struct VillageRow: Sendable {
    var desa: String
    var kecamatan: String
    var cooperatives: Int
    var leadingProduct: String
    var revenue: Int64
}

/// The villages of every district, from the period's active lines (read once, streamed).
enum Villages {
    private struct Tally {
        var revenue: Int64 = 0
        var cooperatives: Set<String> = []
        var products: [String: Int64] = [:]
        var desa: [String: Int] = [:]
        var kecamatan: [String: Int] = [:]
    }

    /// By Kemendagri code: villages by revenue (largest first), ties by name.
    static func collect(_ report: PeriodReport) throws -> [String: [VillageRow]] {
        var tallies: [String: [String: Tally]] = [:]
        try report.lines.forEach { line in
            let key = Names.normalise(line.kecamatan) + "\u{1F}" + Names.normalise(line.desa)
            var tally = tallies[line.district]?[key] ?? Tally()
            tally.revenue += line.revenue
            tally.cooperatives.insert(line.cooperativeKey)
            tally.products[line.productKey, default: 0] += line.revenue
            tally.desa[Names.collapse(line.desa), default: 0] += 1
            tally.kecamatan[Names.collapse(line.kecamatan), default: 0] += 1
            tallies[line.district, default: [:]][key] = tally
        }
        var productNames: [String: String] = [:]
        for p in report.products { productNames[p.district + "\u{1F}" + p.key] = p.product }
        // The most frequent spelling; ties by code point (SPEC 11).
        func vote(_ spellings: [String: Int]) -> String {
            spellings.sorted { a, b in
                a.value != b.value ? a.value > b.value : a.key.unicodeScalars.lexicographicallyPrecedes(b.key.unicodeScalars)
            }.first?.key ?? ""
        }
        var result: [String: [VillageRow]] = [:]
        for (district, villages) in tallies {
            result[district] = villages.values.map { v in
                let top = v.products.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? ""
                return VillageRow(desa: vote(v.desa), kecamatan: vote(v.kecamatan), cooperatives: v.cooperatives.count,
                                  leadingProduct: productNames[district + "\u{1F}" + top] ?? top, revenue: v.revenue)
            }.sorted { a, b in
                a.revenue != b.revenue ? a.revenue > b.revenue
                    : (a.desa, a.kecamatan) < (b.desa, b.kecamatan)
            }
        }
        return result
    }
}
