import Foundation
import OVOPTemplate
import Testing
@testable import OVOPXLSX

let shippedTemplate = projectRoot.appendingPathComponent("templates/default")

@Suite("The libxlsxwriter wrapper and the workbook's template checks")
struct WrapperTests {
    let properties = DocumentProperties(title: "t", subject: "s", author: "a", company: "c", keywords: "k",
                                        comments: "x", created: 1_795_000_000)

    func temporary(_ name: String) throws -> URL {
        try Tool.temporaryDirectory("wrap").appendingPathComponent(name)
    }

    @Test func inputsAreRefusedInSwiftBeforeReachingC() throws {
        let url = try temporary("a.xlsx")
        for bad in ["Produk/Komoditas", "", String(repeating: "x", count: 32), "'kutip", "a[1]", "History"] {
            #expect(throws: XLSXError.self) {
                try Workbook.write(to: url, constantMemory: false, properties: properties) { book in
                    _ = try book.addWorksheet(bad, context: "test")
                }
            }
        }
        #expect(!FileManager.default.fileExists(atPath: url.path), "a failed write leaves no file")
        do {
            try Workbook.write(to: url, constantMemory: false, properties: properties) { book in
                let sheet = try book.addWorksheet("S", context: "test")
                try sheet.write(0, 0, String(repeating: "é", count: 32_768))
            }
            Issue.record("expected an error")
        } catch let e as XLSXError {
            #expect(e.description.contains("32767") && e.description.contains("S!A1"), "\(e)")
        }
        #expect(throws: XLSXError.self) {
            try Workbook.write(to: url, constantMemory: false, properties: properties) { book in
                try book.addWorksheet("S", context: "test").write(1_048_576, 0, number: 1)
            }
        }
        #expect(throws: XLSXError.self) {
            try Workbook.write(to: url, constantMemory: true, properties: properties) { book in
                let s = try book.addWorksheet("S", context: "test")
                try s.write(5, 0, number: 1)
                try s.write(4, 0, number: 1)  // constant memory: rows only go forward
            }
        }
        #expect(throws: XLSXError.self) {
            try Workbook.write(to: url, constantMemory: true, properties: properties) { book in
                let s = try book.addWorksheet("S", context: "test")
                try s.write(0, 0, "h")
                try s.write(1, 0, "v")
                try s.addTable(CellRange(sheet: "S", rows: 0...1, columns: 0...0), name: "T", headers: ["h"])
            }
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func libraryErrorsKeepTheirCNames() throws {
        let url = URL(fileURLWithPath: "/nonexistent-folder-\(UUID().uuidString)/a.xlsx")
        do {
            try Workbook.write(to: url, constantMemory: false, properties: properties) { book in
                try book.addWorksheet("S", context: "test").write(0, 0, "x")
            }
            Issue.record("expected an error")
        } catch let e as XLSXError {
            #expect(e.name == "LXW_ERROR_CREATING_XLSX_FILE" && e.code == 2, "\(e)")
            #expect(e.description.hasPrefix("lxw_error 2 LXW_ERROR_CREATING_XLSX_FILE") && e.description.contains("workbook_close"))
        }
    }

    @Test func aGoodWorkbookIsByteIdenticalTwice() throws {
        func make(_ url: URL) throws -> Data {
            try Workbook.write(to: url, constantMemory: false, properties: properties) { book in
                let s = try book.addWorksheet("Ringkasan", context: "test")
                try s.write(0, 0, number: 1.5)
                try s.writeFormula(1, 0, "=A1*2", value: 3)
                try s.fitColumns()
            }
            return try Data(contentsOf: url)
        }
        #expect(try make(temporary("a.xlsx")) == make(temporary("b.xlsx")))
    }

    @Test func brokenXlsxLabelsGiveAClearError() throws {
        let dir = try Tool.temporaryDirectory("tpl")
        let copy = dir.appendingPathComponent("default")
        try FileManager.default.copyItem(at: shippedTemplate, to: copy)
        // A key missing in one language: the loader names the key and the file that has it.
        let en = copy.appendingPathComponent("labels/en/xlsx.yaml")
        let original = try String(contentsOf: en, encoding: .utf8)
        try original.replacingOccurrences(of: "    chart_top: Top ten products by revenue, {period}\n", with: "")
            .write(to: en, atomically: true, encoding: .utf8)
        do {
            _ = try TemplateLoader.load(copy, language: .en)
            Issue.record("expected an error")
        } catch let e as TemplateError {
            #expect(e.key == "xlsx.produk.chart_top" && e.problem.contains("labels/id/xlsx.yaml"), "\(e)")
        }
        // A sheet name Excel refuses: the workbook's check names the key and why.
        try original.replacingOccurrences(of: "    kualitas: Data Quality\n", with: "    kualitas: \"Data Quality: checks and rejects\"\n")
            .write(to: en, atomically: true, encoding: .utf8)
        let template = try TemplateLoader.load(copy, language: .en)
        do {
            try WorkbookRenderer.check(template)
            Issue.record("expected an error")
        } catch let e as WorkbookTemplateError {
            #expect(e.key == "xlsx.sheet.kualitas" && e.description.contains("labels/en/xlsx.yaml"), "\(e)")
            #expect(e.problem.contains("31") || e.problem.contains(":"), "\(e)")
        }
        // The shipped template passes in both languages.
        try WorkbookRenderer.check(TemplateLoader.load(shippedTemplate, language: .id))
        try WorkbookRenderer.check(TemplateLoader.load(shippedTemplate, language: .en))
    }
}
