import Foundation
import OVOPCore

/// What the sample data set looks like.
public struct SampleOptions: Sendable {
    /// Number of months, ending at `end`.
    public var months: Int
    /// The last month of the data set.
    public var end: Period
    public var seed: UInt64
    /// Approximate number of lines across all months.
    public var lines: Int
    /// Clean canonical CSV only: no messy forms, no bad lines, no resubmissions (for benchmarks).
    public var clean: Bool

    public init(months: Int, end: Period, seed: UInt64, lines: Int, clean: Bool) {
        self.months = months
        self.end = end
        self.seed = seed
        self.lines = lines
        self.clean = clean
    }
}

/// Counts of what the generator wrote.
public struct SampleSummary: Sendable {
    public var files = 0
    public var lines = 0
    public var badLines = 0
    public var resubmissions = 0
}

/// Writes a realistic, deterministic data set of monthly submissions (same options, same bytes).
public enum SampleGenerator {
    public static func write(to root: URL, options: SampleOptions,
                             reference: Reference = .kaltim) throws -> SampleSummary {
        var rng = SplitMix64(seed: options.seed)
        let cooperatives = population(options, reference: reference, rng: &rng)
        var summary = SampleSummary()
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        let first = options.end.advanced(by: -(options.months - 1))
        for m in 0..<options.months {
            let period = first.advanced(by: m)
            let dir = root.appendingPathComponent(period.description)
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            var lines: [SampleLine] = []
            for coop in cooperatives where coop.startMonth <= m && rng.chance(0.95) {
                for (i, spec) in coop.products.enumerated() {
                    lines.append(makeLine(coop, spec, productIndex: i, period: period, month: m, rng: &rng))
                }
            }
            for district in reference.districts {
                var own = lines.filter { $0.coop.district.code == district.code }
                guard !own.isEmpty else { continue }
                let style = options.clean ? Style.canonical : Style.of(district.code)
                if !options.clean {
                    summary.badLines += spoil(&own, rng: &rng)
                }
                let name = "\(district.code)-\(district.slug)-\(period).\(style.fileExtension)"
                try Data(style.render(own, period: period).utf8).write(to: dir.appendingPathComponent(name))
                summary.files += 1
                summary.lines += own.count
            }
            if !options.clean && m == options.months - 1 {
                // The same file sent twice, under another name: a duplicate, 0 lines read.
                let berau = dir.appendingPathComponent("64.03-berau-\(period).csv")
                if fm.fileExists(atPath: berau.path) {
                    let copy = dir.appendingPathComponent("kirim-ulang/64.03-berau-\(period)-salinan.csv")
                    try fm.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try fm.copyItem(at: berau, to: copy)
                    summary.files += 1
                }
            }
            if !options.clean && lines.count >= 3 {
                // A few cooperatives resend corrected lines later in the month.
                var revised: [SampleLine] = []
                for _ in 0..<3 {
                    var line = lines[rng.int(lines.count)]
                    line.revenue = line.revenue / 100 * 105
                    line.submittedDay += 10
                    revised.append(line)
                }
                let text = Style.canonical.render(revised, period: period)
                try Data(text.utf8).write(to: dir.appendingPathComponent("revisi-\(period).csv"))
                summary.files += 1
                summary.lines += revised.count
                summary.resubmissions += revised.count
            }
        }
        if !options.clean {
            try Data("Kotak masuk kiriman OVOP. Berkas .csv dan .json di sini dibaca oleh ovop-report.\n".utf8)
                .write(to: root.appendingPathComponent("BACA-SAYA.txt"))
        }
        return summary
    }

    // MARK: - Population

    static func population(_ options: SampleOptions, reference: Reference, rng: inout SplitMix64) -> [SampleCooperative] {
        let perMonth = max(1, options.lines / max(1, options.months))
        let count = max(10, Int(Double(perMonth) / 1.25 / 0.95 / 0.95))
        let totalWeight = Catalogue.weight.values.reduce(0, +)
        var cooperatives: [SampleCooperative] = []
        var serial: [String: Int] = [:]
        for i in 0..<count {
            // Spread over the districts by weight, deterministically.
            var pick = (i * 7919) % totalWeight
            var district = reference.districts[0]
            for d in reference.districts {
                let w = Catalogue.weight[d.code] ?? 1
                if pick < w { district = d; break }
                pick -= w
            }
            let kecamatans = reference.kecamatans(of: district)
            let kec = kecamatans[rng.int(kecamatans.count)]
            let villages = reference.villageNames(ofKecamatanCode: kec.code)
            let desa = villages.isEmpty ? kec.name : villages[rng.int(villages.count)]
            let catalogue = Catalogue.products[district.code] ?? []
            var products = [catalogue[rng.int(catalogue.count)]]
            if rng.chance(0.2) {
                let other = catalogue[rng.int(catalogue.count)]
                if other.name != products[0].name { products.append(other) }
            }
            serial[district.code, default: 0] += 1
            let id = "KOP-\(district.bpsCode)-\(String(format: "%04d", serial[district.code]!))"
            let name = "\(Catalogue.kinds[rng.int(Catalogue.kinds.count)]) "
                + "\(Catalogue.nameWords[rng.int(Catalogue.nameWords.count)]) "
                + "\(Catalogue.nameWords[rng.int(Catalogue.nameWords.count)])"
            cooperatives.append(SampleCooperative(
                id: id, name: name, district: district, kecamatan: kec.name, desa: desa,
                members: Int64(15 + rng.int(120)), products: products, scale: 0.5 + rng.unit() * 1.5,
                exports: rng.chance(0.12),
                startMonth: rng.chance(0.1) ? rng.int(max(1, options.months)) : 0))
        }
        return cooperatives
    }

    static func makeLine(_ coop: SampleCooperative, _ spec: ProductSpec, productIndex: Int, period: Period,
                         month: Int, rng: inout SplitMix64) -> SampleLine {
        let season = 1.0 + 0.25 * sin(Double(period.month) / 12.0 * 2 * .pi) + (period.month == 12 ? 0.3 : 0)
        let growth = 1.0 + 0.01 * Double(month)
        let sold = max(1, Int((Double(spec.volume) * coop.scale * season * growth * (0.85 + 0.3 * rng.unit())).rounded()))
        let produced = Int((Double(sold) * (1.0 + 0.25 * rng.unit())).rounded())
        let price = Double(spec.price) * (0.9 + 0.2 * rng.unit())
        let revenue = Int64((Double(sold) * price / 1000).rounded()) * 1000
        let export = coop.exports && spec.category != .pangan ? revenue / 100 * Int64(10 + rng.int(40)) : 0
        var channels = ["art_shop", "pasar_modern", "ukm_center", "pameran", "online"].filter { _ in rng.chance(0.35) }
        if export > 0 { channels.append("ekspor") }
        let certifications = spec.certifications.filter { _ in rng.chance(0.7) }.map(\.rawValue)
        return SampleLine(coop: coop, product: spec.name, category: spec.category.rawValue, unit: spec.unit,
                          produced: produced, sold: sold, revenue: revenue, export: export,
                          workers: Int64(3 + rng.int(25)), channels: channels, certifications: certifications,
                          submittedDay: 1 + rng.int(10), submittedMinute: 7 * 60 + rng.int(10 * 60),
                          period: period)
    }

    /// Spoils a few lines the way real submissions go wrong; returns how many were spoiled.
    static func spoil(_ lines: inout [SampleLine], rng: inout SplitMix64) -> Int {
        var spoiled = 0
        for i in lines.indices where rng.chance(0.012) {
            switch rng.int(5) {
            case 0: lines[i].badRevenue = "hubungi kami"
            case 1: lines[i].badDistrict = "Tenggarong"
            case 2: lines[i].badCategory = "elektronik"
            case 3: lines[i].export = lines[i].revenue * 2
            default: lines[i].badDesa = true
            }
            spoiled += 1
        }
        if let i = lines.indices.randomElement(using: &rng), rng.chance(0.06) {
            lines[i].channels.append("tokopedia")
        }
        return spoiled
    }
}

struct SampleCooperative: Sendable {
    var id: String
    var name: String
    var district: District
    var kecamatan: String
    var desa: String
    var members: Int64
    var products: [ProductSpec]
    var scale: Double
    var exports: Bool
    var startMonth: Int
}

struct SampleLine: Sendable {
    var coop: SampleCooperative
    var product: String
    var category: String
    var unit: String
    var produced: Int
    var sold: Int
    var revenue: Int64
    var export: Int64
    var workers: Int64
    var channels: [String]
    var certifications: [String]
    var submittedDay: Int
    var submittedMinute: Int
    var period: Period
    var badRevenue: String?
    var badDistrict: String?
    var badCategory: String?
    var badDesa = false
}

/// A small, fast, deterministic random generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ upper: Int) -> Int { Int(next() % UInt64(max(1, upper))) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func chance(_ p: Double) -> Bool { unit() < p }
}
