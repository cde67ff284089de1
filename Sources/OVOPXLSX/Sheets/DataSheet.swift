import Foundation
import OVOPCore
import OVOPWarehouse

/// Data: every active line of the period, one row each, read from the line source as it streams.
/// Up to `WorkbookRenderer.tableLineLimit` lines it is an Excel table (banded rows, filter buttons); above it
/// the workbook is in constant-memory mode, which refuses tables, so the rows get an autofilter instead.
/// A month with more lines than a sheet has rows goes on in continuation sheets, each with its header.
enum DataSheet {
    static func headers(_ p: Page) -> [String] {
        ["xlsx.common.code", "xlsx.common.district", "xlsx.data.cooperative_id", "xlsx.data.cooperative_name",
         "xlsx.data.kecamatan", "xlsx.data.desa", "xlsx.produk.product", "xlsx.produk.category", "xlsx.produk.unit",
         "xlsx.produk.units_produced", "xlsx.produk.units_sold", "indicator.revenue", "indicator.export_revenue",
         "indicator.members", "indicator.workers", "xlsx.data.channels", "xlsx.data.certifications",
         "xlsx.data.file", "xlsx.data.line", "xlsx.data.submitted_at"].map { p[$0] }
    }

    /// Sheets the Data takes: one, or more when the month has more lines than a sheet has rows.
    static func parts(_ lines: Int) -> Int {
        max(1, (lines + WorkbookRenderer.effectiveSheetLineLimit - 1) / WorkbookRenderer.effectiveSheetLineLimit)
    }

    static func write(_ p: Page, streamed: Bool) throws {
        let s = p.styles
        let headers = headers(p)
        let count = p.report.lines.count, perSheet = WorkbookRenderer.effectiveSheetLineLimit
        let names = Dictionary(uniqueKeysWithValues: p.report.districts.map { ($0.district.code, $0.district.name) })
        let categories = Dictionary(uniqueKeysWithValues: Category.allCases.map { ($0, p["category.\($0.rawValue)"]) })
        let channelNames = Channel.allCases.map { p["channel.\($0.rawValue)"] }
        let certificationNames = Certification.allCases.map { p["certification.\($0.rawValue)"] }
        var masks: [Int: String] = [:], certMasks: [Int: String] = [:]
        func list(_ mask: Int, _ names: [String], _ cache: inout [Int: String]) -> String {
            if let s = cache[mask] { return s }
            let s = names.indices.filter { mask & (1 << $0) != 0 }.map { names[$0] }.joined(separator: ", ")
            cache[mask] = s
            return s
        }
        /// Opens a sheet of `rows` lines: the filter (declared first: constant-memory mode flushes rows as
        /// they go) and the header.
        func begin(_ page: Page, rows: Int) throws {
            if streamed || rows == 0 {
                try page.sheet.autofilter(CellRange(sheet: page.name, rows: 0...rows, columns: 0...(headers.count - 1)))
            }
            try page.headerRow(0, headers)
        }
        func end(_ page: Page, part: Int, rows: Int) throws {
            if !streamed && rows > 0 {
                try page.sheet.addTable(CellRange(sheet: page.name, rows: 0...rows, columns: 0...(headers.count - 1)),
                                        name: part == 1 ? "DataBaris" : "DataBaris\(part)", headers: headers)
            }
            page.sheet.freezePanes(row: 1, column: 0)
            try page.finish(repeatRows: 0...0, codeColumns: 0...2)
        }
        var page = p, part = 1, row = 0, written = 0
        try begin(page, rows: min(count, perSheet))
        try p.report.lines.forEach { line in
            if row == perSheet {
                try end(page, part: part, rows: row)
                part += 1
                page = try p.continuation(part)
                try begin(page, rows: min(count - written, perSheet))
                row = 0
            }
            row += 1
            written += 1
            let ws = page.sheet
            try ws.write(row, 0, line.district, s.text)
            try ws.write(row, 1, names[line.district] ?? line.district, s.text)
            try ws.write(row, 2, line.cooperativeID, s.text)
            try ws.write(row, 3, line.cooperativeName, s.text)
            try ws.write(row, 4, line.kecamatan, s.text)
            try ws.write(row, 5, line.desa, s.text)
            try ws.write(row, 6, line.product, s.text)
            try ws.write(row, 7, categories[line.category] ?? line.category.rawValue, s.text)
            if let unit = line.unit { try ws.write(row, 8, unit, s.text) }
            if let v = line.unitsProduced { try ProductSheet.units(page, row, 9, v) }
            if let v = line.unitsSold { try ProductSheet.units(page, row, 10, v) }
            try ws.write(row, 11, number: Double(line.revenue), s.rupiah)
            try ws.write(row, 12, number: Double(line.exportRevenue), s.rupiah)
            if let v = line.members { try ws.write(row, 13, number: Double(v), s.integer) }
            if let v = line.workers { try ws.write(row, 14, number: Double(v), s.integer) }
            if line.channels != 0 { try ws.write(row, 15, list(line.channels, channelNames, &masks), s.text) }
            if line.certifications != 0 {
                try ws.write(row, 16, list(line.certifications, certificationNames, &certMasks), s.text)
            }
            try ws.write(row, 17, line.file, s.text)
            try ws.write(row, 18, number: Double(line.line), s.integer)
            if let at = line.submittedAt {
                // The time as written by the sender (WITA unless another zone was given), as an Excel date.
                let local = Double(at.epochMicros) / 1e6 + Double(at.offsetSeconds)
                try ws.write(row, 19, number: local / 86_400 + 25_569, s.dateTime)
            }
        }
        guard written == count, part == parts(count) else {
            throw XLSXError.invalid("the line source gave \(written) lines, not \(count)", "writing \(p.name)")
        }
        try end(page, part: part, rows: row)
    }
}
