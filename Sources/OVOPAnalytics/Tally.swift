import Foundation
import OVOPCore
import OVOPWarehouse

/// One scope's figures (a district or the province), gathered line by line without holding the
/// lines: what a month of a million lines needs to stay within bounded memory.
struct ScopeTally {
    var lines = 0
    var revenue: Int64 = 0
    var exportRevenue: Int64 = 0
    var workers: Int64 = 0
    var revenueByCategory: [Category: Int64] = [:]
    /// By cooperative number.
    var cooperatives: [Int64: CooperativeTally] = [:]
    /// By village: revenue per product number (for the village's top product).
    var villages: [VillageKey: [Int64: Int64]] = [:]
    /// By product number.
    var products: [Int64: ProductTally] = [:]
    var certified = 0
    var certifications: [Certification: Int] = [:]

    mutating func add(_ line: FactLine, village: VillageKey) {
        lines += 1
        revenue += line.revenue
        exportRevenue += line.exportRevenue
        workers += line.workers ?? 0
        revenueByCategory[line.category, default: 0] += line.revenue
        var coop = cooperatives[line.cooperativeNumber] ?? CooperativeTally()
        coop.members = max(coop.members, line.members ?? 0)
        coop.channels |= line.channels
        cooperatives[line.cooperativeNumber] = coop
        villages[village, default: [:]][line.productNumber, default: 0] += line.revenue
        products[line.productNumber, default: ProductTally(key: line.productKey)].add(line, village: village)
        if line.certifications != 0 { certified += 1 }
        for c in Certification.allCases where Bits.has(line.certifications, c) { certifications[c, default: 0] += 1 }
    }

    /// The indicators that depend only on this scope's active lines of the period (SPEC 6, 11).
    var indicators: Indicators {
        var ind = Indicators()
        ind.lines = lines
        guard lines > 0 else { return ind }
        ind.cooperatives = cooperatives.count
        ind.villages = villages.count
        ind.products = products.count
        ind.revenue = revenue
        ind.exportRevenue = exportRevenue
        ind.members = cooperatives.values.reduce(0) { $0 + $1.members }
        ind.workers = workers
        for (category, amount) in revenueByCategory { ind.revenueByCategory[category] = amount }
        ind.exportShare = Analytics.share(exportRevenue, revenue)
        ind.revenuePerWorker = workers == 0 ? nil : Rounding.divide(revenue, workers)
        for channel in Channel.allCases {
            let reached = cooperatives.values.filter { Bits.has($0.channels, channel) }.count
            ind.channelReach[channel] = Analytics.share(Int64(reached), Int64(cooperatives.count))
        }
        ind.certifiedShare = Analytics.share(Int64(certified), Int64(lines))
        for c in Certification.allCases {
            ind.certificationShare[c] = Analytics.share(Int64(certifications[c] ?? 0), Int64(lines))
        }
        // The product with the highest revenue; ties alphabetical by normalised name.
        if let leader = products.values.min(by: ProductTally.ranksBefore) {
            ind.leadingProduct = Vote.winner(leader.spellings)
            ind.leadingProductShare = Analytics.share(leader.revenue, revenue)
        }
        let focus = villages.values.reduce(Int64(0)) { $0 + ($1.values.max() ?? 0) }
        ind.ovopFocus = Analytics.share(focus, revenue)
        return ind
    }
}

struct CooperativeTally {
    /// The largest jumlah_anggota on its lines (missing counts as 0).
    var members: Int64 = 0
    /// Every channel its lines name.
    var channels = 0
}

/// One product in one scope: what its row of the products table and the top ten need.
struct ProductTally {
    var key: String
    var revenue: Int64 = 0
    var exportRevenue: Int64 = 0
    /// Votes: spelling (trimmed, spaces collapsed), category, unit → lines.
    var spellings: [ExactText: Int] = [:]
    var categories: [ExactText: Int] = [:]
    var units: [ExactText: Int] = [:]
    var unitsProduced: Decimal = 0
    var unitsSold: Decimal = 0
    /// Whether some line gives units produced or sold.
    var hasVolume = false
    var villages: Set<VillageKey> = []
    var cooperatives: Set<Int64> = []
    var districts: Set<String> = []

    init(key: String) {
        self.key = key
    }

    mutating func add(_ line: FactLine, village: VillageKey) {
        revenue += line.revenue
        exportRevenue += line.exportRevenue
        spellings[ExactText(line.product), default: 0] += 1
        categories[ExactText(line.category.rawValue), default: 0] += 1
        if let unit = line.unit { units[ExactText(unit), default: 0] += 1 }
        if let v = line.unitsProduced {
            unitsProduced += v
            hasVolume = true
        }
        if let v = line.unitsSold {
            unitsSold += v
            hasVolume = true
        }
        villages.insert(village)
        cooperatives.insert(line.cooperativeNumber)
        districts.insert(line.district)
    }

    var category: Category { Category(rawValue: Vote.winner(categories)) ?? .lainnya }

    /// By revenue, highest first; ties by normalised name in code-point order.
    static func ranksBefore(_ a: ProductTally, _ b: ProductTally) -> Bool {
        a.revenue != b.revenue ? a.revenue > b.revenue : CodePoint.less(a.key, b.key)
    }

    /// Its row of the products table; `previousRevenue` is its revenue in the district in P-1.
    func row(district: String, previousRevenue: Int64) -> ProductRow {
        ProductRow(
            district: district, product: Vote.winner(spellings), key: key, category: category,
            // The unit is null when no line gives a volume (SPEC 11).
            unit: hasVolume && !units.isEmpty ? Vote.winner(units) : nil,
            villages: villages.count, cooperatives: cooperatives.count,
            unitsProduced: unitsProduced, unitsSold: unitsSold, revenue: revenue, exportRevenue: exportRevenue,
            momGrowth: Analytics.growth(revenue, previousRevenue))
    }
}

/// A village: (normalised kecamatan, normalised desa); a missing kecamatan is "" (SPEC 11).
struct VillageKey: Hashable {
    var kecamatan: ExactText
    var desa: ExactText

    init(_ line: FactLine) {
        kecamatan = ExactText(Names.normalise(line.kecamatan))
        desa = ExactText(Names.normalise(line.desa))
    }
}
