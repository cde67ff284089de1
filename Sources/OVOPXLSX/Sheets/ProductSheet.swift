import Foundation
import OVOPTemplate

/// Produk: the products table (per district and product) and, beside it, the province top ten with a bar chart.
enum ProductSheet {
    static let topColumn = 13

    static func write(_ p: Page) throws {
        let ws = p.sheet, s = p.styles
        let header = try p.titleBlock(p.template.format("xlsx.produk.title", ["period": p.period]))
        try ws.write(header - 1, 0, p["xlsx.produk.table"], s.heading, fit: false)
        try ws.write(header - 1, topColumn, p["xlsx.produk.top_title"], s.heading, fit: false)
        try p.headerRow(header, [
            p["xlsx.common.code"], p["xlsx.common.district"], p["xlsx.produk.product"], p["xlsx.produk.category"],
            p["xlsx.produk.unit"], p["indicator.villages"], p["indicator.cooperatives"], p["xlsx.produk.units_produced"],
            p["xlsx.produk.units_sold"], p["indicator.revenue"], p["indicator.export_revenue"], p["indicator.mom_growth"],
        ])
        try p.headerRow(header, [p["xlsx.produk.rank"], p["xlsx.produk.product"], p["xlsx.produk.category"],
                                 p["indicator.revenue"], p["xlsx.produk.districts"]], from: topColumn)
        let products = p.report.products, top = p.report.topProducts
        if !products.isEmpty {  // before the rows: constant-memory mode flushes rows as they are written
            let last = header + products.count
            try ws.autofilter(CellRange(sheet: p.name, rows: header...last, columns: 0...11))
            let growth = CellRange(sheet: p.name, rows: (header + 1)...last, columns: 11...11)
            try ws.conditionalFormat(growth, .greaterThan(0, s.up))
            try ws.conditionalFormat(growth, .lessThan(0, s.down))
        }
        let rows = max(products.count, top.count)
        for k in 0..<rows {
            let row = header + 1 + k
            if k < products.count {
                let r = products[k]
                try ws.write(row, 0, r.district, s.text)
                try ws.write(row, 1, p.districtName(r.district), s.text)
                try ws.write(row, 2, r.product, s.text)
                try ws.write(row, 3, p["category.\(r.category.rawValue)"], s.text)
                try ws.write(row, 4, r.unit ?? p["xlsx.common.not_available"], s.text)
                try p.number(row, 5, r.villages, s.integer)
                try p.number(row, 6, r.cooperatives, s.integer)
                try units(p, row, 7, r.unitsProduced)
                try units(p, row, 8, r.unitsSold)
                try p.number(row, 9, r.revenue, s.rupiah)
                try p.number(row, 10, r.exportRevenue, s.rupiah)
                try p.optional(row, 11, r.momGrowth, s.percent)
            }
            if k < top.count {
                let t = top[k]
                try p.number(row, topColumn, t.rank, s.integer)
                try ws.write(row, topColumn + 1, t.product, s.text)
                try ws.write(row, topColumn + 2, p["category.\(t.category.rawValue)"], s.text)
                try p.number(row, topColumn + 3, t.revenue, s.rupiah)
                try ws.write(row, topColumn + 4, t.districts.map(p.districtName).joined(separator: ", "), s.text)
            }
        }
        ws.freezePanes(row: header + 1, column: 0)
        try p.finish(repeatRows: header...header, fixedWidths: [0: 8, 12: 3], codeColumns: 0...0)
        if !top.isEmpty {
            let first = header + 1, last = header + top.count
            let chart = p.book.addChart(.bar)
            chart.setTitle(p.template.format("xlsx.produk.chart_top", ["period": p.period]))
            chart.addSeries(categories: CellRange(sheet: p.name, rows: first...last, columns: (topColumn + 1)...(topColumn + 1)),
                            values: CellRange(sheet: p.name, rows: first...last, columns: (topColumn + 3)...(topColumn + 3)),
                            colour: Theme.int(p.template.theme.palette[0]))
            chart.reverseCategories()
            chart.setValueFormat(p.millionsFormat)
            chart.setLegend(.none)
            try ws.insertChart(chart, row: last + 2, columns: topColumn...(topColumn + 4), rows: 18)
        }
    }

    /// Units as a number: whole numbers without decimals, others with two.
    static func units(_ p: Page, _ row: Int, _ column: Int, _ value: Decimal) throws {
        let d = (value as NSDecimalNumber).doubleValue
        try p.sheet.write(row, column, number: d, d == d.rounded() ? p.styles.integer : p.styles.decimal)
    }
}
