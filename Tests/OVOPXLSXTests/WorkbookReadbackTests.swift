import Foundation
import Testing

/// The real binary writes the workbook; openpyxl and LibreOffice read it back (readback.py).
@Suite("The workbook, read back by readers we did not write", .serialized)
struct WorkbookReadbackTests {
    static let sheetsID = #"{"ringkasan":"Ringkasan","kabupaten":"Kabupaten-Kota","produk":"Produk","tren":"Tren","pasar":"Pasar & Sertifikasi","data":"Data","kualitas":"Kualitas Data","tentang":"Tentang"}"#
    static let sheetsEN = #"{"ringkasan":"Summary","kabupaten":"Districts","produk":"Products","tren":"Trend","pasar":"Markets & Certification","data":"Data","kualitas":"Data Quality","tentang":"About"}"#
    static let python = URL(fileURLWithPath: "/usr/bin/python3")
    static let script = projectRoot.appendingPathComponent("Tests/OVOPXLSXTests/readback.py")

    /// Runs readback.py and records its findings.
    func readBack(_ workbook: URL, _ json: URL, sheets: String, libreOffice: Bool = true, in dir: URL) throws {
        var arguments = [Self.script.path, workbook.path, json.path, sheets]
        if !libreOffice { arguments.append("--no-libreoffice") }
        let r = try Tool.run(arguments, in: dir, environment: ["PYTHONWARNINGS": "ignore"], executable: Self.python)
        #expect(r.status == 0, "readback.py on \(workbook.lastPathComponent):\n\(r.output)")
    }

    func data(_ url: URL) -> Data? { FileManager.default.contents(atPath: url.path) }

    /// One sample, several runs: figures, formulas, charts, lines, bytes, locale, language, templates.
    @Test func workbookMatchesTheIndicatorsEverywhere() throws {
        let dir = try Tool.temporaryDirectory("xlsx")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = try Tool.run(["sample", "--output", "inbox", "--months", "13", "--end", "2026-10", "--lines", "2600"], in: dir)
        try #require(sample.status == 0, "\(sample.output)")
        func report(_ output: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> Tool.Result {
            try Tool.run(["run", "--inbox", "inbox", "--period", "2026-10", "--warehouse", "wh.sqlite", "--output", output] + extra,
                         in: dir, environment: environment)
        }
        let first = try report("out1")
        try #require(first.status == 0 || first.status == 1, "\(first.output)")
        let book = dir.appendingPathComponent("out1/2026-10/ovop-kaltim-2026-10.xlsx")
        let json = dir.appendingPathComponent("out1/2026-10/indicators-2026-10.json")
        try #require(FileManager.default.fileExists(atPath: book.path))
        // The publisher lists the workbook in SHA256SUMS.
        let sums = try String(contentsOf: dir.appendingPathComponent("out1/2026-10/SHA256SUMS"), encoding: .utf8)
        #expect(sums.contains("ovop-kaltim-2026-10.xlsx"))

        try readBack(book, json, sheets: Self.sheetsID, in: dir)

        // Byte-identical under SOURCE_DATE_EPOCH, and under an Indonesian locale (decimal commas must not leak in).
        let again = try report("out2")
        #expect(again.status == 0 || again.status == 1)
        #expect(data(dir.appendingPathComponent("out2/2026-10/ovop-kaltim-2026-10.xlsx")) == data(book),
                "two runs with SOURCE_DATE_EPOCH gave different workbooks")
        if let locale = try Self.indonesianLocale() {
            let id = try report("out3", environment: ["LC_ALL": locale, "LANG": locale, "LC_NUMERIC": locale])
            #expect(id.status == 0 || id.status == 1)
            #expect(data(dir.appendingPathComponent("out3/2026-10/ovop-kaltim-2026-10.xlsx")) == data(book),
                    "LC_ALL=\(locale) changed the workbook bytes")
        } else {
            Issue.record("SKIPPED: the id_ID.UTF-8 locale is not installed and localedef could not make it")
        }

        // Above the table limit the Data sheet streams (constant-memory mode): rows with a filter, same figures.
        let streamed = try report("out7", environment: ["OVOP_XLSX_TABLE_LIMIT": "100"])
        #expect(streamed.status == 0 || streamed.status == 1, "\(streamed.output)")
        try readBack(dir.appendingPathComponent("out7/2026-10/ovop-kaltim-2026-10.xlsx"), json, sheets: Self.sheetsID,
                     libreOffice: false, in: dir)

        // A month longer than a sheet goes on in continuation sheets "Data (2)", "Data (3)", … right after Data,
        // each with its header and its own table (or filter, streamed); About names them.
        let indicators = try JSONSerialization.jsonObject(with: try Data(contentsOf: json)) as? [String: Any]
        let lines = try #require((indicators?["province"] as? [String: Any])?["lines"] as? Int)
        let perSheet = max(1, (lines - 1) / 2), parts = (lines + perSheet - 1) / perSheet  // three sheets
        try #require(parts >= 3, "the sample has \(lines) active lines")
        let continued = (2...parts).map { #""data_\#($0)":"Data (\#($0))","# }.joined()
        let splitSheets = Self.sheetsID.replacingOccurrences(of: #""data":"Data","#, with: #""data":"Data","# + continued)
        for (output, tableLimit) in [("out8", nil), ("out9", "100")] as [(String, String?)] {
            var environment = ["OVOP_XLSX_SHEET_LINES": String(perSheet)]
            environment["OVOP_XLSX_TABLE_LIMIT"] = tableLimit
            let split = try report(output, environment: environment)
            #expect(split.status == 0 || split.status == 1, "\(split.output)")
            let splitBook = dir.appendingPathComponent("\(output)/2026-10/ovop-kaltim-2026-10.xlsx")
            try readBack(splitBook, json, sheets: splitSheets, libreOffice: tableLimit == nil, in: dir)
            let about = try Tool.run(["-c", """
                import openpyxl, sys
                ws = openpyxl.load_workbook(sys.argv[1])["Tentang"]
                print("\\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value))
                """, splitBook.path], in: dir, environment: ["PYTHONWARNINGS": "ignore"], executable: Self.python)
            #expect(about.output.contains("Data (2), Data (3)"), "\(about.output)")
        }

        // English sheet names and labels.
        let en = try report("out4", ["--lang", "en"])
        #expect(en.status == 0 || en.status == 1)
        try readBack(dir.appendingPathComponent("out4/2026-10/ovop-kaltim-2026-10.xlsx"),
                     dir.appendingPathComponent("out4/2026-10/indicators-2026-10.json"), sheets: Self.sheetsEN,
                     libreOffice: false, in: dir)

        // An edited template: another office, the Data sheet removed.
        let edited = dir.appendingPathComponent("tpl-edited")
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("templates/default"), to: edited)
        let settings = edited.appendingPathComponent("template.yaml")
        var text = try String(contentsOf: settings, encoding: .utf8)
        text = text.replacingOccurrences(of: "  name: Pemerintah Provinsi Kalimantan Timur", with: "  name: Kantor Uji Coba OVOP")
            .replacingOccurrences(of: "  - data\n", with: "")
        try text.write(to: settings, atomically: true, encoding: .utf8)
        let custom = try report("out5", ["--template", edited.path])
        #expect(custom.status == 0 || custom.status == 1, "\(custom.output)")
        let customBook = dir.appendingPathComponent("out5/2026-10/ovop-kaltim-2026-10.xlsx")
        let withoutData = Self.sheetsID.replacingOccurrences(of: #""data":"Data","#, with: "")
        try readBack(customBook, json, sheets: withoutData, libreOffice: false, in: dir)
        let office = try Tool.run(["-c", """
            import openpyxl, sys
            ws = openpyxl.load_workbook(sys.argv[1])["Ringkasan"]
            print(ws["A2"].value)
            """, customBook.path], in: dir, environment: ["PYTHONWARNINGS": "ignore"], executable: Self.python)
        #expect(office.output.contains("Kantor Uji Coba OVOP"), "\(office.output)")

        // A broken template: a sheet name Excel refuses → exit 8, the file and key named, no report written.
        let broken = dir.appendingPathComponent("tpl-broken")
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("templates/default"), to: broken)
        let labels = broken.appendingPathComponent("labels/id/xlsx.yaml")
        try String(contentsOf: labels, encoding: .utf8)
            .replacingOccurrences(of: "    produk: Produk\n", with: "    produk: Produk/Komoditas\n")
            .write(to: labels, atomically: true, encoding: .utf8)
        let bad = try report("out6", ["--template", broken.path])
        #expect(bad.status == 8, "\(bad.output)")
        #expect(bad.output.contains("xlsx.sheet.produk") && bad.output.contains("xlsx.yaml") && bad.output.contains("/"),
                "\(bad.output)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out6/2026-10").path))
    }

    /// `id_ID.UTF-8` if it is installed or can be made with localedef (as root), else `nil`.
    static func indonesianLocale() throws -> String? {
        func installed() throws -> Bool {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/locale")
            p.arguments = ["-a"]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return out.lowercased().contains("id_id.utf8")
        }
        if try installed() { return "id_ID.UTF-8" }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/localedef")
        make.arguments = ["-i", "id_ID", "-f", "UTF-8", "id_ID.UTF-8"]
        make.standardOutput = FileHandle.nullDevice
        make.standardError = FileHandle.nullDevice
        guard (try? make.run()) != nil else { return nil }
        make.waitUntilExit()
        return try installed() ? "id_ID.UTF-8" : nil
    }
}
