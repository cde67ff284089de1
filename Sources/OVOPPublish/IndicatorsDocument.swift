import Foundation
import OVOPAnalytics
import OVOPCore
import OVOPIngest
import OVOPWarehouse

/// `indicators-P.json`: the machine-readable report, keys exactly as SPEC 6 and 11 name them.
public enum IndicatorsDocument {
    public static func json(_ report: PeriodReport) -> JSONValue {
        .object([
            ("period", .string(report.period.description)),
            ("province", indicators(report.province)),
            ("districts", .array(report.districts.map { d in
                .object([
                    ("code", .string(d.district.code)),
                    ("bps_code", .string(d.district.bpsCode)),
                    ("name", .string(d.district.name)),
                ] + members(d.indicators))
            })),
            ("products", .rows(report.products.count) { [products = report.products] in product(products[$0]) }),
            ("top_products", .array(report.topProducts.map { t in
                .object([
                    ("rank", .int(Int64(t.rank))), ("product", .string(t.product)), ("key", .string(t.key)),
                    ("category", .string(t.category.rawValue)), ("revenue", .int(t.revenue)),
                    ("districts", .array(t.districts.map(JSONValue.string))),
                ])
            })),
            ("trend", .object([
                ("months", .array(report.trend.months.map { .string($0.description) })),
                ("province", .array(report.trend.province.map(JSONValue.int))),
                ("districts", .object(report.districts.map { d in
                    (d.district.code, .array((report.trend.districts[d.district.code] ?? []).map(JSONValue.int)))
                })),
            ])),
            ("quality", quality(report)),
        ])
    }

    static func indicators(_ i: Indicators) -> JSONValue { .object(members(i)) }

    static func members(_ i: Indicators) -> [(String, JSONValue)] {
        [
            ("cooperatives", .int(Int64(i.cooperatives))),
            ("villages", .int(Int64(i.villages))),
            ("products", .int(Int64(i.products))),
            ("lines", .int(Int64(i.lines))),
            ("revenue", .int(i.revenue)),
            ("revenue_share", .optional(i.revenueShare)),
            ("export_revenue", .int(i.exportRevenue)),
            ("export_share", .optional(i.exportShare)),
            ("members", .int(i.members)),
            ("workers", .int(i.workers)),
            ("revenue_per_worker", .optional(i.revenuePerWorker)),
            ("revenue_by_category", .object(Category.allCases.map { ($0.rawValue, .int(i.revenueByCategory[$0] ?? 0)) })),
            ("channel_reach", .object(Channel.allCases.map { ($0.rawValue, .optional(i.channelReach[$0] ?? nil)) })),
            ("certified_share", .optional(i.certifiedShare)),
            ("certification_share", .object(Certification.allCases.map {
                ($0.rawValue, .optional(i.certificationShare[$0] ?? nil))
            })),
            ("leading_product", .optional(i.leadingProduct)),
            ("leading_product_share", .optional(i.leadingProductShare)),
            ("ovop_focus", .optional(i.ovopFocus)),
            ("revenue_prev_month", .int(i.revenuePrevMonth)),
            ("mom_growth", .optional(i.momGrowth)),
            ("revenue_prev_year", .int(i.revenuePrevYear)),
            ("yoy_growth", .optional(i.yoyGrowth)),
            ("ytd_revenue", .int(i.ytdRevenue)),
        ]
    }

    static func product(_ p: ProductRow) -> JSONValue {
        .object([
            ("district", .string(p.district)), ("product", .string(p.product)), ("key", .string(p.key)),
            ("category", .string(p.category.rawValue)), ("unit", .optional(p.unit)),
            ("villages", .int(Int64(p.villages))), ("cooperatives", .int(Int64(p.cooperatives))),
            ("units_produced", .decimal(p.unitsProduced)), ("units_sold", .decimal(p.unitsSold)),
            ("revenue", .int(p.revenue)), ("export_revenue", .int(p.exportRevenue)),
            ("mom_growth", .optional(p.momGrowth)),
        ])
    }

    static func codes(_ map: [DiagnosticCode: Int]) -> JSONValue {
        .object(map.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0.key.rawValue, .int(Int64($0.value))) })
    }

    static func counts(_ c: LineCounts) -> [(String, JSONValue)] {
        [
            ("read", .int(Int64(c.read))), ("accepted", .int(Int64(c.accepted))),
            ("rejected", .int(Int64(c.rejected))), ("superseded", .int(Int64(c.superseded))),
            ("warnings", codes(c.warnings)),
        ]
    }

    static func cooperative(_ c: CooperativeRef) -> JSONValue {
        .object([("id", .string(c.id)), ("name", .string(c.name)), ("district", .string(c.district))])
    }

    static func quality(_ report: PeriodReport) -> JSONValue {
        let q = report.quality
        let districtCodes = report.districts.map(\.district.code) + ["unknown"]
        return .object([
            ("totals", .object([
                ("files", .int(Int64(q.totals.files))), ("read", .int(Int64(q.totals.read))),
                ("accepted", .int(Int64(q.totals.accepted))), ("rejected", .int(Int64(q.totals.rejected))),
                ("superseded", .int(Int64(q.totals.superseded))), ("duplicates", .int(Int64(q.totals.duplicates))),
            ])),
            ("skipped", .array(q.skipped.map(JSONValue.string))),
            ("files", .array(q.files.map { f in
                .object([
                    ("path", .string(f.path)), ("sha256", .string(f.sha256)), ("status", .string(f.status.rawValue)),
                    ("error", .optional(f.error?.rawValue)),
                ] + counts(f.counts))
            })),
            ("period", .object([
                ("errors", codes(q.errors)),
                ("warnings", codes(q.warnings)),
                ("districts", .object(districtCodes.map { ($0, .object(counts(q.districts[$0] ?? LineCounts()))) })),
            ])),
            ("follow_up", .rows(q.followUp.count) { [list = q.followUp] in cooperative(list[$0]) }),
            ("new_cooperatives", .rows(q.newCooperatives.count) { [list = q.newCooperatives] in cooperative(list[$0]) }),
        ])
    }
}
