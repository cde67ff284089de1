import Foundation
import OVOPCairo
import OVOPCharts
import Testing

@Suite("Cairo and Pango through the wrapper")
struct CanvasTests {
    func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ovop-charts-\(UUID().uuidString)-\(name)")
    }

    @Test func textIsMeasuredAt72dpi() throws {
        let surface = try ImageSurface(pixelWidth: 10, pixelHeight: 10)
        let canvas = try Canvas(surface)
        // At Pango's default 96 dpi this word measures about 70 points; at 72 dpi about 54.
        let m = canvas.measure("Kabupaten", font: Font(size: 10))
        #expect(abs(m.width - 54.08) < 0.5, "width \(m.width)")
        let cut = canvas.measure("Penajam Paser Utara", font: Font(size: 10), width: 40)
        #expect(cut.isCut && cut.width <= 40)
        let wrapped = canvas.measure("Koperasi Serba Usaha Lestari Harapan", font: Font(size: 8), width: 60, fit: .wrap(lines: 2))
        #expect(wrapped.lineCount == 2 && wrapped.width <= 60)
        try surface.finish()
    }

    @Test func aBadPathIsACairoErrorWithItsCName() throws {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/x.pdf")
        do {
            let surface = try PDFSurface(path: url, size: PDFSurface.a4)
            try surface.finish()
            Issue.record("no error for \(url.path)")
        } catch let error as CairoError {
            #expect(error.status == "CAIRO_STATUS_WRITE_ERROR")
            #expect(error.description.contains(url.path))
        }
    }

    @Test func chartsWritePNGsAtTwiceTheirSize() throws {
        let style = ChartStyle(palette: [Color(hex: "#0072B2"), Color(hex: "#E69F00"), Color(hex: "#F0E442")],
                               primary: Color(hex: "#1F4E79"), accent: Color(hex: "#C55A11"),
                               positive: Color(hex: "#1E7B34"), negative: Color(hex: "#C00000"), onPrimary: .white,
                               numbers: .indonesian, noData: "Tidak ada data")
        let text = ChartText(title: "Omzet", subtitle: "Rupiah", source: "Sumber: uji")
        let charts: [any Chart] = [
            BarChart(text: text, bars: [.init("Penajam Paser Utara yang sangat panjang sekali", 3e8), .init("Bontang", 1e8)], kind: .rupiah),
            ColumnChart(text: text, labels: ["Sep 26", "Okt 26"], values: [0, 0], kind: .rupiah),
            GroupedBarChart(text: text, categories: ["A", "B"], series: ["x", "y"], values: [[1, 2], [3, 4]], kind: .count),
            StackedBarChart(text: text, categories: ["A"], series: ["x", "y", "z"], values: [[1, 2, 3]], kind: .rupiah),
            LineChart(text: text, labels: ["1", "2", "3"], series: [.init("a", [1, 2, 3]), .init("b", [3, 2, 1])], kind: .share),
            SmallMultiples(text: text, panels: [.init(name: "Paser", figure: "Rp 1 jt", values: [1, 3, 2])], columns: 2),
            BarChart(text: text, bars: [], kind: .rupiah),
        ]
        for (i, chart) in charts.enumerated() {
            let url = temporaryFile("\(i).png")
            try chart.writePNG(to: url, size: Size(300, 150), scale: 2, style: style)
            let data = try Data(contentsOf: url)
            #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            func be32(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
            #expect(be32(16) == 600 && be32(20) == 300, "chart \(i)")
            try? FileManager.default.removeItem(at: url)
        }
    }
}
