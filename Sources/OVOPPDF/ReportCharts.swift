import OVOPAnalytics
import OVOPCairo
import OVOPCharts
import OVOPCore

/// Every chart of the report, built once from the report and drawn twice: on its page and as a PNG file.
struct ReportCharts {
    let revenueByDistrict: BarChart
    let provinceTrend: LineChart
    let districtTrends: LineChart
    let revenueByCategory: StackedBarChart
    let topProducts: BarChart
    let revenueAndExport: GroupedBarChart
    let channelReach: BarChart
    let certification: BarChart
    /// Each district's 12-month trend, by Kemendagri code.
    let districtTrend: [String: ColumnChart]

    /// Sizes in points: the space each chart takes on its page, and the PNG's size (at 2x).
    enum Size {
        static let width = Layout.content.width
        static let revenueByDistrict = OVOPCairo.Size(width, 262)
        static let provinceTrend = OVOPCairo.Size(width, 185)
        static let districtTrends = OVOPCairo.Size(width, 275)
        static let revenueByCategory = OVOPCairo.Size(width, 250)
        static let topProducts = OVOPCairo.Size(width, 240)
        static let revenueAndExport = OVOPCairo.Size(width, 285)
        static let half = OVOPCairo.Size((width - Layout.gap) / 2, 185)
        static let districtTrend = OVOPCairo.Size(width, 165)
    }

    init(_ report: PeriodReport, text t: ReportText) {
        let districts = report.districts
        let months = report.trend.months.map(t.shortMonth)
        revenueByDistrict = BarChart(
            text: t.chart(t["chart.revenue_by_district"], t.format("unit.rupiah", ["period": t.period])),
            bars: districts.map { .init($0.district.name, Double($0.indicators.revenue)) }, kind: .rupiah)
        provinceTrend = LineChart(
            text: t.chart(t.format("chart.province_trend", ["province": t.template["report.province"]]),
                          t.format("unit.rupiah_month", ["span": t.span])),
            labels: months, series: [.init(t.template["report.province"], report.trend.province.map(Double.init))],
            kind: .rupiah, labelLast: true)
        districtTrends = LineChart(
            text: t.chart(t["chart.district_trends"], t.format("unit.rupiah_month", ["span": t.span])),
            labels: months,
            series: districts.map { .init($0.district.name, (report.trend.districts[$0.district.code] ?? []).map(Double.init)) },
            kind: .rupiah)
        revenueByCategory = StackedBarChart(
            text: t.chart(t["chart.revenue_by_category"], t.format("unit.rupiah", ["period": t.period])),
            categories: districts.map(\.district.name), series: Category.allCases.map(t.category),
            values: districts.map { d in Category.allCases.map { Double(d.indicators.revenueByCategory[$0] ?? 0) } },
            kind: .rupiah)
        let names = Dictionary(uniqueKeysWithValues: districts.map { ($0.district.code, $0.district.name) })
        topProducts = BarChart(
            text: t.chart(t["chart.top_products"], t.format("unit.rupiah", ["period": t.period])),
            bars: report.topProducts.map { p in
                let place = p.districts.count == 1 ? (names[p.districts[0]] ?? p.districts[0])
                    : t.format("chart.districts_count", ["n": "\(p.districts.count)"])
                return .init("\(p.product) · \(place)", Double(p.revenue))
            }, kind: .rupiah)
        revenueAndExport = GroupedBarChart(
            text: t.chart(t["chart.revenue_and_export"], t.format("unit.rupiah", ["period": t.period])),
            categories: districts.map(\.district.name),
            series: [t.indicator("revenue"), t.indicator("export_revenue")],
            values: districts.map { [Double($0.indicators.revenue), Double($0.indicators.exportRevenue)] }, kind: .rupiah)
        channelReach = BarChart(
            text: t.chart(t["chart.channel_reach"], t.format("unit.channel_reach", ["period": t.period])),
            bars: Channel.allCases.map { .init(t.channel($0), (report.province.channelReach[$0] ?? nil) ?? 0) },
            kind: .share, color: Color(hex: t.template.theme.palette[2]))
        certification = BarChart(
            text: t.chart(t["chart.certification"], t.format("unit.certification", ["period": t.period])),
            bars: [.init(t["chart.certified_any"], report.province.certifiedShare ?? 0, highlighted: true)]
                + Certification.allCases.map { .init(t.certification($0), (report.province.certificationShare[$0] ?? nil) ?? 0) },
            kind: .share, color: Color(hex: t.template.theme.palette[0]))
        var trends: [String: ColumnChart] = [:]
        for d in districts {
            trends[d.district.code] = ColumnChart(
                text: t.chart(t.format("chart.district_trend", ["district": d.district.name]),
                              t.format("unit.rupiah_month_highlight", ["span": t.span])),
                labels: months, values: (report.trend.districts[d.district.code] ?? []).map(Double.init), kind: .rupiah,
                highlighted: months.count - 1)
        }
        districtTrend = trends
    }

    /// The PNG files: a clerk's name for each chart (Indonesian in every language, so links stay stable), with
    /// the chart and its size.
    func files(_ report: PeriodReport) -> [(name: String, chart: any Chart, size: OVOPCairo.Size)] {
        var files: [(name: String, chart: any Chart, size: OVOPCairo.Size)] = [
            ("pendapatan-per-kabupaten.png", revenueByDistrict, Size.revenueByDistrict),
            ("tren-provinsi.png", provinceTrend, Size.provinceTrend),
            ("tren-per-kabupaten.png", districtTrends, Size.districtTrends),
            ("pendapatan-per-kategori.png", revenueByCategory, Size.revenueByCategory),
            ("produk-teratas.png", topProducts, Size.topProducts),
            ("pendapatan-dan-ekspor-per-kabupaten.png", revenueAndExport, Size.revenueAndExport),
            ("jangkauan-kanal.png", channelReach, Size.half),
            ("sertifikasi.png", certification, Size.half),
        ]
        for d in report.districts {
            if let chart = districtTrend[d.district.code] {
                files.append(("\(d.district.code)-\(d.district.slug)-tren.png", chart, Size.districtTrend))
            }
        }
        return files
    }
}
