import Foundation
import Testing

/// The PDF report and the PNG charts, read back with tools we did not write (poppler-utils, qpdf).
@Suite("PDF report and charts, read back by poppler and qpdf")
struct PDFReportTests {
    static let districts = ["64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71", "64.72", "64.74"]

    /// Runs a tool and returns its exit status and standard output.
    @discardableResult
    static func tool(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `Rp 482.556.750`, written independently of the renderer's formatter.
    static func rupiah(_ value: Int) -> String {
        var digits = String(value), out = ""
        while digits.count > 3 {
            out = "." + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return "Rp " + digits + out
    }

    /// Width and height of a PNG, from its IHDR chunk.
    static func pngSize(_ url: URL) throws -> (Int, Int) {
        let data = try Data(contentsOf: url)
        try #require(data.count > 24 && data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        func be32(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    /// The share of pixels that are not white in a page rendered by pdftoppm as grey PGM.
    static func inkShare(of pdf: URL, page: Int) throws -> Double {
        let prefix = pdf.deletingLastPathComponent().appendingPathComponent("page\(page)").path
        #expect(try tool("pdftoppm", ["-gray", "-r", "30", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, prefix]).status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm"))
        // P5 header: magic, width, height, maxval, each followed by white space.
        var fields: [String] = [], current = "", offset = 0
        while fields.count < 4 && offset < data.count {
            let c = Character(UnicodeScalar(data[offset]))
            offset += 1
            if c.isWhitespace { if !current.isEmpty { fields.append(current); current = "" } } else { current.append(c) }
        }
        let pixels = data[offset...]
        #expect(fields.first == "P5" && pixels.count == Int(fields[1])! * Int(fields[2])!)
        return Double(pixels.filter { $0 < 235 }.count) / Double(max(1, pixels.count))
    }

    @Test func theReportReadsBackCompletelyAndReproducibly() throws {
        let dir = try CLI.temporaryDirectory("pdf")
        try CLI.run(["sample", "--output", "inbox", "--months", "13", "--end", "2026-10", "--lines", "2600"], in: dir)
        let run = try CLI.run(["run", "--inbox", "inbox", "--period", "2026-10", "--warehouse", "wh.sqlite", "--output", "out"], in: dir)
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let folder = dir.appendingPathComponent("out/2026-10")
        let pdf = folder.appendingPathComponent("ovop-kaltim-2026-10.pdf")

        // qpdf finds no damage.
        #expect(try Self.tool("qpdf", ["--check", pdf.path]).status == 0)

        // pdfinfo: cover + trends + markets + 10 districts + quality; metadata from the template and SOURCE_DATE_EPOCH.
        let info = try Self.tool("pdfinfo", ["-isodates", pdf.path]).output
        #expect(info.contains("Pages:           14"))
        #expect(info.contains("Title:           Laporan Bulanan OVOP Kalimantan Timur — Oktober 2026"))
        #expect(info.contains("Author:          Dinas Perindustrian, Perdagangan, Koperasi dan UKM"))
        #expect(info.contains("Subject:         Indikator OVOP per kabupaten/kota, Oktober 2026"))
        #expect(info.contains("Keywords:        OVOP"))
        #expect(info.contains("CreationDate:    2026-11-18T11:06:40"), "\(info)")  // SOURCE_DATE_EPOCH 1795000000
        #expect(info.contains("ModDate:         2026-11-18T11:06:40"))
        #expect(info.contains("A4"))

        // pdffonts: every font embedded.
        let fonts = try Self.tool("pdffonts", [pdf.path]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "not embedded: \(line)")
        }

        // pdftotext: every district with its revenue as indicators-P.json has it, and the page numbers.
        let text = try Self.tool("pdftotext", ["-layout", pdf.path, "-"]).output
        let doc = try CLI.json(folder.appendingPathComponent("indicators-2026-10.json"))
        let districts = try #require(doc["districts"] as? [[String: Any]])
        #expect(districts.count == 10)
        for d in districts {
            let name = try #require(d["name"] as? String), revenue = try #require(d["revenue"] as? Int)
            #expect(text.contains(name), "\(name) missing")
            #expect(text.contains(Self.rupiah(revenue)), "\(name): \(Self.rupiah(revenue)) missing")
        }
        let province = try #require(doc["province"] as? [String: Any])
        #expect(text.contains(Self.rupiah(try #require(province["revenue"] as? Int))))
        #expect(text.contains("Halaman 1 dari 14") && text.contains("Halaman 14 dari 14"))
        #expect(text.contains("rejects-2026-10.csv"))
        #expect(text.contains("Dibuat 18 November 2026"))

        // The outline: the sections and every district.
        let outline = try Self.tool("qpdf", ["--json", "--json-key=outlines", pdf.path]).output
        for title in ["Ringkasan", "Tren 12 bulan", "Pasar dan produk", "Kabupaten/kota", "Kualitas data"] {
            #expect(outline.contains("\"\(title)\""), "bookmark \(title)")
        }
        for d in districts {
            #expect(outline.contains("\"\(d["code"] as? String ?? "?") \(d["name"] as? String ?? "?")\""))
        }

        // PNG charts: one per main chart and per district, decodable, at 2x.
        let charts = folder.appendingPathComponent("charts")
        let names = try FileManager.default.contentsOfDirectory(atPath: charts.path).sorted()
        #expect(names.count == 18, "\(names)")
        for code in Self.districts { #expect(names.contains { $0.hasPrefix("\(code)-") && $0.hasSuffix("-tren.png") }) }
        #expect(names.contains("64.72-samarinda-tren.png") && names.contains("pendapatan-per-kabupaten.png"))
        for name in names {
            let (w, h) = try Self.pngSize(charts.appendingPathComponent(name))
            // The content width of an A4 page (511 pt), or half of it, at 2x.
            #expect(w == 1023 || w == 497, "\(name) width \(w)")
            #expect(h >= 300 && h <= 700, "\(name) height \(h)")
        }
        #expect(try Self.pngSize(charts.appendingPathComponent("pendapatan-per-kabupaten.png")) == (1023, 524))
        // The manifest lists the PDF and the charts.
        let manifest = try String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        #expect(manifest.contains("ovop-kaltim-2026-10.pdf") && manifest.contains("charts/64.72-samarinda-tren.png"))

        // The cover and a district page are drawn, not blank.
        #expect(try Self.inkShare(of: pdf, page: 1) > 0.05)
        #expect(try Self.inkShare(of: pdf, page: 12) > 0.05)

        // Same warehouse, same SOURCE_DATE_EPOCH: the same bytes.
        let again = try CLI.run(["report", "--period", "2026-10", "--warehouse", "wh.sqlite", "--output", "again"], in: dir)
        #expect(again.status == 0, "\(again.stderr)")
        let first = try Data(contentsOf: pdf)
        let second = try Data(contentsOf: dir.appendingPathComponent("again/2026-10/ovop-kaltim-2026-10.pdf"))
        #expect(first == second, "the PDF differs between two runs")

        // English on request.
        let en = try CLI.run(["report", "--lang", "en", "--period", "2026-10", "--warehouse", "wh.sqlite", "--output", "en"], in: dir)
        #expect(en.status == 0, "\(en.stderr)")
        let english = try Self.tool("pdftotext", ["-layout", dir.appendingPathComponent("en/2026-10/ovop-kaltim-2026-10.pdf").path, "-"]).output
        #expect(english.contains("Page 1 of 14") && english.contains("Revenue by district") && english.contains("Data quality"))
        #expect(!english.contains("Halaman"))
        #expect(english.contains("Rp 2,482,728,200") || english.contains("Rp "))
    }
}
