import OVOPCore

/// Tentang: what the workbook is, who made it and how, its sources with SHA-256, and the definition of
/// every indicator in plain words.
enum AboutSheet {
    /// Every indicator of SPEC 6, in its order.
    static let indicators = [
        "cooperatives", "villages", "products", "lines", "revenue", "revenue_share", "export_revenue", "export_share",
        "members", "workers", "revenue_per_worker", "revenue_by_category", "channel_reach", "certified_share",
        "certification_share", "leading_product", "leading_product_share", "ovop_focus", "revenue_prev_month",
        "mom_growth", "revenue_prev_year", "yoy_growth", "ytd_revenue",
    ]

    /// Fixed widths: file paths and indicator names, SHA-256 (64 characters), status.
    static let widthA = 44.0, widthB = 70.0, widthC = 34.0

    /// " The lines go on in sheets Data (2), …" when the month has more lines than a sheet has rows.
    static func dataSplit(_ p: Page) -> String {
        let parts = DataSheet.parts(p.report.lines.count)
        guard parts > 1, p.template.sheets.contains("data") else { return "" }
        let base = p["xlsx.sheet.data"]
        return " " + p.template.format("xlsx.tentang.data_split", [
            "rows": String(WorkbookRenderer.effectiveSheetLineLimit),
            "sheets": (2...parts).map { Page.partName(base, $0) }.joined(separator: ", "),
        ])
    }

    static func write(_ p: Page, streamed: Bool) throws {
        let ws = p.sheet, s = p.styles
        var row = try p.titleBlock(p["xlsx.tentang.title"])
        try p.paragraph(row, 0...2, p.template.format("xlsx.tentang.what", ["period": p.period]), width: widthA + widthB + widthC)
        row += 2
        let facts: [(String, String)] = [
            ("xlsx.tentang.office", "\(p.template.office.name), \(p.template.office.unit), \(p.template.office.address)"),
            ("xlsx.common.period", "\(p.period) (\(p.report.period))"),
            ("xlsx.tentang.generated", Clock.isoWITA(micros: p.meta.generatedMicros)),
            ("xlsx.tentang.tool", "ovop-report \(p.meta.toolVersion)"),
            ("xlsx.tentang.template", "\(p.meta.template) (\(p.template.language.rawValue))"),
            ("xlsx.tentang.data_sheet", (streamed
                ? p.template.format("xlsx.tentang.data_streamed", ["limit": String(WorkbookRenderer.effectiveTableLineLimit)])
                : p["xlsx.tentang.data_table"]) + dataSplit(p)),
        ]
        for (key, value) in facts {
            try ws.write(row, 0, p[key], s.label)
            try p.paragraph(row, 1...2, value, width: widthB + widthC)
            row += 1
        }
        row += 1
        try ws.write(row, 0, p["xlsx.tentang.sources"], s.heading, fit: false)
        try p.headerRow(row + 1, [p["xlsx.data.file"], "SHA-256", p["xlsx.kualitas.status"]])
        row += 2
        for f in p.report.quality.files {
            try ws.write(row, 0, f.path, s.text)
            try ws.write(row, 1, f.sha256, s.text, fit: false)
            try ws.write(row, 2, p["xlsx.kualitas.status_\(f.status.rawValue)"], s.text)
            row += 1
        }
        row += 1
        try ws.write(row, 0, p["xlsx.tentang.definitions"], s.heading, fit: false)
        try p.headerRow(row + 1, [p["xlsx.tentang.indicator"], p["xlsx.tentang.definition"]])
        row += 2
        for key in indicators {
            let name = p.template.labels["indicator.\(key)"] ?? p["xlsx.indicator.\(key)"]
            try ws.write(row, 0, name, s.label)
            try p.paragraph(row, 1...2, p["xlsx.definition.\(key)"], width: widthB + widthC)
            row += 1
        }
        try p.finish(repeatRows: 0...2, fixedWidths: [0: widthA, 1: widthB, 2: widthC], codeColumns: 0...1)
    }
}
