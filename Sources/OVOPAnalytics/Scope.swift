import Foundation
import OVOPCore
import OVOPWarehouse

extension PeriodReport {
    /// The report restricted to one district, for its district office: its figures in place of
    /// the province's, its products (ranked among themselves), its trend, its data lines, its
    /// rejected lines, its follow-up list and new cooperatives, and the files that brought
    /// lines of it.
    public func scoped(to district: District) throws -> PeriodReport {
        let code = district.code
        var report = self
        report.scope = district
        guard let own = districts.first(where: { $0.district.code == code }) else { return report }
        report.districts = [own]
        report.province = own.indicators
        report.products = products.filter { $0.district == code }
        let ranked = report.products.sorted { a, b in
            a.revenue != b.revenue ? a.revenue > b.revenue : CodePoint.less(a.key, b.key)
        }
        report.topProducts = ranked.prefix(10).enumerated().map { i, p in
            TopProduct(rank: i + 1, product: p.product, key: p.key, category: p.category, revenue: p.revenue,
                       districts: [code])
        }
        let series = trend.districts[code] ?? Array(repeating: 0, count: trend.months.count)
        report.trend = Trend(months: trend.months, province: series, districts: [code: series])
        report.rejects = try rejects.only(district: code)
        report.quality.districts = quality.districts.filter { $0.key == code }
        report.quality.warnings = quality.districts[code]?.warnings ?? [:]
        report.quality.errors = quality.districtErrors[code] ?? [:]
        report.quality.districtErrors = quality.districtErrors.filter { $0.key == code }
        report.quality.followUp = quality.followUp.filter { $0.district == code }
        report.quality.newCooperatives = quality.newCooperatives.filter { $0.district == code }
        report.lines = try lines.only(district: code)
        report.quality.sources = quality.sources.filter { $0.key == code }
        // The files that brought lines of the district, active or rejected, this period.
        let paths = quality.sources[code] ?? []
        report.quality.files = quality.files.filter { paths.contains($0.path) }
        report.quality.totals = QualityTotals(report.quality.files)
        return report
    }
}
