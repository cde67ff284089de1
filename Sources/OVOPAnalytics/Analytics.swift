import Foundation
import OVOPCore
import OVOPIngest
import OVOPWarehouse

/// Computes the report model for a period from the warehouse (SPEC 6, 11).
public enum Analytics {
    /// Builds every indicator, table, trend and quality figure for `period`.
    /// `skipped` is the non-data files met by the run that asks for the report (SPEC 11 "met in
    /// this run"); without a run, those of the latest run that recorded anything.
    public static func report(_ warehouse: Warehouse, period: Period, skipped: [String]? = nil,
                              reference: Reference = .kaltim) throws -> PeriodReport {
        let lines = try warehouse.activeLines(period)
        let previous = try warehouse.activeLines(period.previous)
        let months = try warehouse.revenue(in: period.advanced(by: -12)...period)
        let codes = reference.districts.map(\.code)

        var byDistrict: [String: [FactLine]] = [:]
        for line in lines { byDistrict[line.district, default: []].append(line) }
        var province = measure(lines)
        applyHistory(&province, period: period, months: months, district: nil)
        var districts: [DistrictIndicators] = []
        for district in reference.districts {
            var ind = measure(byDistrict[district.code] ?? [])
            applyHistory(&ind, period: period, months: months, district: district.code)
            ind.revenueShare = share(ind.revenue, province.revenue)
            districts.append(DistrictIndicators(district: district, indicators: ind))
        }
        province.revenueShare = province.revenue == 0 ? nil : 1

        let trendMonths = (0..<12).map { period.advanced(by: $0 - 11) }
        let trend = Trend(
            months: trendMonths,
            province: trendMonths.map { m in months[m]?.values.reduce(0, +) ?? 0 },
            districts: Dictionary(uniqueKeysWithValues: codes.map { code in
                (code, trendMonths.map { months[$0]?[code] ?? 0 })
            }))

        let products = productTable(lines, previous: previous)
        let top = topProducts(lines)

        // Quality.
        let files = try warehouse.fileSummaries()
        var totals = QualityTotals()
        for f in files {
            totals.files += 1
            totals.read += f.counts.read
            totals.accepted += f.counts.accepted
            totals.rejected += f.counts.rejected
            totals.superseded += f.counts.superseded
            if f.status == .duplicate { totals.duplicates += 1 }
        }
        let counts = try warehouse.periodQuality(period)
        var qualityDistricts: [String: LineCounts] = [:]
        var warnings: [DiagnosticCode: Int] = [:]
        for code in codes + ["unknown"] {
            let c = counts.districts[code] ?? LineCounts()
            qualityDistricts[code] = c
            for (w, n) in c.warnings { warnings[w, default: 0] += n }
        }
        let current = cooperatives(lines)
        let before = cooperatives(previous)
        let currentKeys = Set(current.map(\.key))
        let followUp = before.filter { !currentKeys.contains($0.key) }
        let earlier = try warehouse.cooperativesActive(before: period, among: current.map(\.key))
        let newOnes = current.filter { !earlier.contains($0.key) }
        let quality = Quality(totals: totals, skipped: try skipped ?? warehouse.latestSkipped(), files: files,
                              districts: qualityDistricts, errors: counts.errors, warnings: warnings,
                              followUp: followUp, newCooperatives: newOnes)
        // The lines are in memory already (the indicators need them): renderers read them from there.
        let source = LineSource(lines)
        return PeriodReport(period: period, province: province, districts: districts, products: products,
                            topProducts: top, trend: trend, quality: quality,
                            rejects: try warehouse.rejectedLines(period), lines: source)
    }

    /// The indicators that depend only on one scope's active lines of the period.
    public static func measure(_ lines: [FactLine]) -> Indicators {
        var ind = Indicators()
        ind.lines = lines.count
        guard !lines.isEmpty else { return ind }
        var coops = Set<String>()
        var villages = Set<VillageKey>()
        var productRevenue: [String: Int64] = [:]
        var productSpellings: [String: [String]] = [:]
        var maxMembers: [String: Int64] = [:]
        var coopChannels: [String: Int] = [:]
        var villageProductRevenue: [VillageKey: [String: Int64]] = [:]
        var certified = 0
        var certCounts: [Certification: Int] = [:]
        for line in lines {
            coops.insert(line.cooperativeKey)
            let village = VillageKey(line)
            villages.insert(village)
            productRevenue[line.productKey, default: 0] += line.revenue
            productSpellings[line.productKey, default: []].append(line.product)
            ind.revenue += line.revenue
            ind.exportRevenue += line.exportRevenue
            maxMembers[line.cooperativeKey] = max(maxMembers[line.cooperativeKey] ?? 0, line.members ?? 0)
            ind.workers += line.workers ?? 0
            ind.revenueByCategory[line.category, default: 0] += line.revenue
            coopChannels[line.cooperativeKey, default: 0] |= line.channels
            if line.certifications != 0 { certified += 1 }
            for c in Certification.allCases where Bits.has(line.certifications, c) { certCounts[c, default: 0] += 1 }
            villageProductRevenue[village, default: [:]][line.productKey, default: 0] += line.revenue
        }
        ind.cooperatives = coops.count
        ind.villages = villages.count
        ind.products = productRevenue.count
        ind.members = maxMembers.values.reduce(0, +)
        ind.exportShare = share(ind.exportRevenue, ind.revenue)
        ind.revenuePerWorker = ind.workers == 0 ? nil : Rounding.divide(ind.revenue, ind.workers)
        for channel in Channel.allCases {
            let reached = coopChannels.values.filter { Bits.has($0, channel) }.count
            ind.channelReach[channel] = share(Int64(reached), Int64(coops.count))
        }
        ind.certifiedShare = share(Int64(certified), Int64(lines.count))
        for c in Certification.allCases {
            ind.certificationShare[c] = share(Int64(certCounts[c] ?? 0), Int64(lines.count))
        }
        if let leader = leading(productRevenue) {
            ind.leadingProduct = Vote.winner(productSpellings[leader.key] ?? [])
            ind.leadingProductShare = share(leader.revenue, ind.revenue)
        }
        let focus = villageProductRevenue.values.reduce(Int64(0)) { $0 + ($1.values.max() ?? 0) }
        ind.ovopFocus = share(focus, ind.revenue)
        return ind
    }

    /// Adds the figures that compare with other months: P-1, P-12 and the year to date.
    static func applyHistory(_ ind: inout Indicators, period: Period, months: [Period: [String: Int64]],
                             district: String?) {
        func revenue(_ p: Period) -> Int64 {
            guard let m = months[p] else { return 0 }
            return district.map { m[$0] ?? 0 } ?? m.values.reduce(0, +)
        }
        ind.revenuePrevMonth = revenue(period.previous)
        ind.momGrowth = growth(ind.revenue, ind.revenuePrevMonth)
        ind.revenuePrevYear = revenue(period.advanced(by: -12))
        ind.yoyGrowth = growth(ind.revenue, ind.revenuePrevYear)
        ind.ytdRevenue = (1...period.month).reduce(0) { $0 + revenue(Period(year: period.year, month: $1)!) }
    }

    /// The products table: per district and normalised product, sorted by district then key.
    static func productTable(_ lines: [FactLine], previous: [FactLine]) -> [ProductRow] {
        var groups: [ProductGroupKey: [FactLine]] = [:]
        for line in lines { groups[ProductGroupKey(district: line.district, key: line.productKey), default: []].append(line) }
        var previousRevenue: [ProductGroupKey: Int64] = [:]
        for line in previous {
            previousRevenue[ProductGroupKey(district: line.district, key: line.productKey), default: 0] += line.revenue
        }
        // Display names vote within the district scope.
        var spellings: [ProductGroupKey: [String]] = [:]
        for line in lines {
            spellings[ProductGroupKey(district: line.district, key: line.productKey), default: []].append(line.product)
        }
        var rows: [ProductRow] = []
        for (key, group) in groups {
            let producedLines = group.compactMap(\.unitsProduced)
            let soldLines = group.compactMap(\.unitsSold)
            let revenue = group.reduce(Int64(0)) { $0 + $1.revenue }
            let units = group.compactMap(\.unit)
            let unit: String? = (producedLines.isEmpty && soldLines.isEmpty) || units.isEmpty ? nil : Vote.winner(units)
            rows.append(ProductRow(
                district: key.district, product: Vote.winner(spellings[key] ?? []), key: key.key,
                category: Category(rawValue: Vote.winner(group.map(\.category.rawValue))) ?? .lainnya,
                unit: unit,
                villages: Set(group.map(VillageKey.init)).count,
                cooperatives: Set(group.map(\.cooperativeKey)).count,
                unitsProduced: producedLines.reduce(0, +), unitsSold: soldLines.reduce(0, +),
                revenue: revenue, exportRevenue: group.reduce(Int64(0)) { $0 + $1.exportRevenue },
                momGrowth: growth(revenue, previousRevenue[key] ?? 0)))
        }
        return rows.sorted { a, b in
            a.district != b.district ? a.district < b.district : CodePoint.less(a.key, b.key)
        }
    }

    /// The province's top ten products by revenue, ties by normalised name.
    static func topProducts(_ lines: [FactLine]) -> [TopProduct] {
        var groups: [String: [FactLine]] = [:]
        for line in lines { groups[line.productKey, default: []].append(line) }
        let ranked = groups.map { key, group in
            (key: key, revenue: group.reduce(Int64(0)) { $0 + $1.revenue }, group: group)
        }.sorted { a, b in
            a.revenue != b.revenue ? a.revenue > b.revenue : CodePoint.less(a.key, b.key)
        }
        return ranked.prefix(10).enumerated().map { i, item in
            TopProduct(rank: i + 1, product: Vote.winner(item.group.map(\.product)), key: item.key,
                       category: Category(rawValue: Vote.winner(item.group.map(\.category.rawValue))) ?? .lainnya,
                       revenue: item.revenue, districts: Set(item.group.map(\.district)).sorted())
        }
    }

    /// Cooperatives with active lines among `lines`: id and name by vote, district by majority.
    static func cooperatives(_ lines: [FactLine]) -> [CooperativeRef] {
        var byKey: [String: [FactLine]] = [:]
        for line in lines { byKey[line.cooperativeKey, default: []].append(line) }
        return byKey.map { key, group in
            CooperativeRef(key: key, id: Vote.winner(group.map(\.cooperativeID)),
                           name: Vote.winner(group.map(\.cooperativeName)),
                           district: Vote.winner(group.map(\.district)))
        }.sorted { a, b in a.district != b.district ? a.district < b.district : CodePoint.less(a.key, b.key) }
    }

    /// The product with the highest revenue; ties alphabetical by normalised name.
    static func leading(_ revenue: [String: Int64]) -> (key: String, revenue: Int64)? {
        revenue.min { a, b in a.value != b.value ? a.value > b.value : CodePoint.less(a.key, b.key) }
            .map { ($0.key, $0.value) }
    }

    /// `part / whole`, null when the denominator is 0 (SPEC 11).
    public static func share(_ part: Int64, _ whole: Int64) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }

    /// `now / before - 1`, null when `before` is 0.
    public static func growth(_ now: Int64, _ before: Int64) -> Double? {
        before == 0 ? nil : Double(now) / Double(before) - 1
    }
}

/// A village: (normalised kecamatan, normalised desa); a missing kecamatan is "" (SPEC 11).
struct VillageKey: Hashable {
    var kecamatan: String
    var desa: String

    init(_ line: FactLine) {
        kecamatan = Names.normalise(line.kecamatan)
        desa = Names.normalise(line.desa)
    }
}

struct ProductGroupKey: Hashable {
    var district: String
    var key: String
}
