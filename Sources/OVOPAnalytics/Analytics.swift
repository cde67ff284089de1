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
        let months = try warehouse.revenue(in: period.advanced(by: -12)...period)
        let codes = reference.districts.map(\.code)

        // One pass over the period's lines, grouped by district: the province's tally grows
        // throughout, each district's is turned into its figures when the next district begins.
        let previousRevenue = try warehouse.productRevenue(period.previous)
        var provinceTally = ScopeTally()
        var current: (code: String, tally: ScopeTally)?
        var measured: [String: Indicators] = [:]
        var products: [ProductRow] = []
        func finishDistrict() {
            guard let (code, tally) = current else { return }
            measured[code] = tally.indicators
            let previous = previousRevenue[code] ?? [:]
            products += tally.products.map { number, product in
                product.row(district: code, previousRevenue: previous[number] ?? 0)
            }
            current = nil
        }
        try warehouse.forEachActiveLine(period, order: .district) { line in
            let village = VillageKey(line)
            provinceTally.add(line, village: village)
            if current?.code != line.district {
                finishDistrict()
                current = (line.district, ScopeTally())
            }
            current?.tally.add(line, village: village)
        }
        finishDistrict()
        products.sort { a, b in a.district != b.district ? a.district < b.district : CodePoint.less(a.key, b.key) }

        var province = provinceTally.indicators
        applyHistory(&province, period: period, months: months, district: nil)
        var districts: [DistrictIndicators] = []
        for district in reference.districts {
            var ind = measured[district.code] ?? Indicators()
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

        // The province's top ten products by revenue, ties by normalised name.
        let top = provinceTally.products.values.sorted(by: ProductTally.ranksBefore).prefix(10).enumerated().map { i, p in
            TopProduct(rank: i + 1, product: Vote.winner(p.spellings), key: p.key, category: p.category,
                       revenue: p.revenue, districts: p.districts.sorted())
        }

        // Quality.
        let files = try warehouse.fileSummaries()
        let counts = try warehouse.periodQuality(period)
        var qualityDistricts: [String: LineCounts] = [:]
        var warnings: [DiagnosticCode: Int] = [:]
        for code in codes + ["unknown"] {
            let c = counts.districts[code] ?? LineCounts()
            qualityDistricts[code] = c
            for (w, n) in c.warnings { warnings[w, default: 0] += n }
        }
        let quality = Quality(totals: QualityTotals(files), skipped: try skipped ?? warehouse.latestSkipped(), files: files,
                              districts: qualityDistricts, errors: counts.errors, warnings: warnings,
                              followUp: try warehouse.cooperatives(activeIn: period.previous, .absentFrom(period)),
                              newCooperatives: try warehouse.cooperatives(activeIn: period, .new),
                              districtErrors: counts.errorsByDistrict, sources: try warehouse.filesByDistrict(period))
        return PeriodReport(period: period, province: province, districts: districts, products: products,
                            topProducts: top, trend: trend, quality: quality,
                            rejects: try RejectSource(warehouse, period: period),
                            lines: try LineSource(warehouse, period: period))
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

    /// `part / whole`, null when the denominator is 0 (SPEC 11).
    public static func share(_ part: Int64, _ whole: Int64) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }

    /// `now / before - 1`, null when `before` is 0.
    public static func growth(_ now: Int64, _ before: Int64) -> Double? {
        before == 0 ? nil : Double(now) / Double(before) - 1
    }
}
