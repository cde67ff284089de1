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
        var cooperatives: Set<ExactText> = []
        var products: [ExactText: Int64] = [:]
        /// Spelling votes (SPEC 11).
        var desa: [ExactText: Int] = [:]
        var kecamatan: [ExactText: Int] = [:]
    }

    /// A village's key: (normalised kecamatan, normalised desa), told apart by code point (SPEC 11).
    private struct Key: Hashable {
        var kecamatan: ExactText
        var desa: ExactText
    }

    /// By Kemendagri code: villages by revenue (largest first), ties by name.
    static func collect(_ report: PeriodReport) throws -> [String: [VillageRow]] {
        var tallies: [String: [Key: Tally]] = [:]
        try report.lines.forEach { line in
            let key = Key(kecamatan: ExactText(Names.normalise(line.kecamatan)), desa: ExactText(Names.normalise(line.desa)))
            var tally = tallies[line.district]?[key] ?? Tally()
            tally.revenue += line.revenue
            tally.cooperatives.insert(ExactText(line.cooperativeKey))
            tally.products[ExactText(line.productKey), default: 0] += line.revenue
            tally.desa[ExactText(Names.collapse(line.desa)), default: 0] += 1
            tally.kecamatan[ExactText(Names.collapse(line.kecamatan)), default: 0] += 1
            tallies[line.district, default: [:]][key] = tally
        }
        var productNames: [ExactText: String] = [:]
        for p in report.products { productNames[ExactText(p.district + "\u{1F}" + p.key)] = p.product }
        var result: [String: [VillageRow]] = [:]
        for (district, villages) in tallies {
            result[district] = villages.values.map { v in
                // The village's product with the most revenue; ties by key in code-point order.
                let top = v.products.max { a, b in
                    a.value != b.value ? a.value < b.value : CodePoint.less(b.key.text, a.key.text)
                }?.key.text ?? ""
                return VillageRow(desa: Vote.winner(v.desa), kecamatan: Vote.winner(v.kecamatan),
                                  cooperatives: v.cooperatives.count,
                                  leadingProduct: productNames[ExactText(district + "\u{1F}" + top)] ?? top, revenue: v.revenue)
            }.sorted { a, b in
                a.revenue != b.revenue ? a.revenue > b.revenue
                    : ExactText(a.desa) != ExactText(b.desa) ? CodePoint.less(a.desa, b.desa)
                    : CodePoint.less(a.kecamatan, b.kecamatan)
            }
        }
        return result
    }
}
