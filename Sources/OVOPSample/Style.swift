import Foundation
import OVOPCore

/// How one office writes its monthly file: the messy forms of SPEC 3, each used by some district.
enum Style {
    /// Canonical CSV: Indonesian headers, `,`, ISO dates, plain numbers.
    case canonical
    /// Excel in an Indonesian locale: `;`, `Rp 1.250.000`, `Okt 2026`, `03/11/2026 09.15`.
    case excelIndonesian(bom: Bool, sepLine: Bool)
    /// A title row above the header, undotted (colliding) codes resolved by kecamatan.
    case titledWithCodes
    /// Submission objects in a JSON array.
    case jsonSubmissions
    /// NDJSON flat records with English keys.
    case ndjsonEnglish
    /// An English-language spreadsheet: `Rp 43,200,000`, `Oct-26`, month-first dates.
    case englishSpreadsheet
    /// Short forms: aliases and multipliers (`1,25 jt`).
    case shortForms
    /// A JSON array of flat records with numbers.
    case jsonFlat

    static func of(_ code: String) -> Style {
        switch code {
        case "64.01": .excelIndonesian(bom: false, sepLine: false)
        case "64.02": .jsonSubmissions
        case "64.07": .titledWithCodes
        case "64.08": .ndjsonEnglish
        case "64.09": .englishSpreadsheet
        case "64.11": .shortForms
        case "64.71": .jsonFlat
        case "64.74": .excelIndonesian(bom: true, sepLine: true)
        default: .canonical
        }
    }

    var fileExtension: String {
        switch self {
        case .jsonSubmissions, .jsonFlat: "json"
        case .ndjsonEnglish: "ndjson"
        default: "csv"
        }
    }

    static let indonesianMonths = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                                   "September", "Oktober", "November", "Desember"]
    static let shortIndonesianMonths = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    static let shortEnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    func render(_ lines: [SampleLine], period: Period) -> String {
        switch self {
        case .canonical:
            return csv(lines, delimiter: ",", header: Field.allCases.map(\.rawValue)) { l in
                canonicalCells(l)
            }
        case .excelIndonesian(let bom, let sepLine):
            let header = ["Periode", "Kode Koperasi", "Nama Koperasi", "Kabupaten Kota", "Kecamatan", "Desa", "Produk",
                          "Kategori", "Satuan", "Volume Produksi", "Volume Terjual", "Omzet", "Nilai Ekspor",
                          "Jumlah Anggota", "Tenaga Kerja", "Saluran Pemasaran", "Sertifikasi", "Dikirim Pada"]
            let body = csv(lines, delimiter: ";", header: header) { l in
                let at = submitted(l)
                return [
                    "\(Style.shortIndonesianMonths[l.period.month - 1]) \(l.period.year)", l.coop.id, l.coop.name,
                    l.badDistrict ?? "Kab. \(l.coop.district.name)", l.coop.kecamatan, l.badDesa ? "" : l.coop.desa,
                    l.product, l.badCategory ?? l.category.capitalized, l.unit, Style.indonesian(Int64(l.produced)),
                    Style.indonesian(Int64(l.sold)), l.badRevenue ?? "Rp \(Style.indonesian(l.revenue))",
                    l.export == 0 ? "" : "Rp \(Style.indonesian(l.export))", String(l.coop.members), String(l.workers),
                    l.channels.joined(separator: ", "), l.certifications.map { $0.uppercased() }.joined(separator: ", "),
                    String(format: "%02d/%02d/%04d %02d.%02d", at.day, at.month, at.year, at.minute / 60, at.minute % 60),
                ]
            }
            return (bom ? "\u{FEFF}" : "") + (sepLine ? "sep=;\r\n" : "") + body
        case .titledWithCodes:
            let title = "REKAP DATA OVOP KALTIM \(Style.indonesianMonths[period.month - 1].uppercased()) \(period.year)\r\n\r\n"
            return title + csv(lines, delimiter: ";", header: Field.allCases.map(\.rawValue)) { l in
                var cells = canonicalCells(l)
                if l.badDistrict == nil { cells[Field.kabupatenKota.ordinal] = l.coop.district.bpsCode }
                cells[Field.omzet.ordinal] = l.badRevenue ?? "Rp\(Style.indonesian(l.revenue)),00"
                return cells
            }
        case .jsonSubmissions:
            var groups: [(String, [SampleLine])] = []
            for l in lines {
                if let i = groups.firstIndex(where: { $0.0 == l.coop.id }) { groups[i].1.append(l) } else { groups.append((l.coop.id, [l])) }
            }
            let objects = groups.map { _, group -> String in
                let l = group[0]
                let products = group.map { p -> String in
                    "      {\"nama\": \(q(p.product)), \"kategori\": \(q(p.badCategory ?? p.category)), \"satuan\": \(q(p.unit)), "
                        + "\"volume_produksi\": \(p.produced), \"volume_terjual\": \(p.sold), "
                        + "\"omzet\": \(p.badRevenue.map(q) ?? String(p.revenue)), \"nilai_ekspor\": \(p.export), "
                        + "\"tenaga_kerja\": \(p.workers), \"saluran_pemasaran\": [\(p.channels.map(q).joined(separator: ", "))], "
                        + "\"sertifikasi\": [\(p.certifications.map(q).joined(separator: ", "))]"
                        + (p.badDesa ? ", \"desa\": \"\"" : "") + "}"
                }
                return "  {\n    \"periode\": \(q(l.period.description)),\n    \"dikirim_pada\": \(q(iso(submitted(l)))),\n"
                    + "    \"koperasi\": {\"kode\": \(q(l.coop.id)), \"nama\": \(q(l.coop.name)), "
                    + "\"kabupaten_kota\": \(q(l.badDistrict ?? "Kukar")), \"kecamatan\": \(q(l.coop.kecamatan)), "
                    + "\"desa\": \(q(l.coop.desa)), \"jumlah_anggota\": \(l.coop.members)},\n"
                    + "    \"produk\": [\n" + products.joined(separator: ",\n") + "\n    ]\n  }"
            }
            return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
        case .ndjsonEnglish:
            return lines.map { l in
                "{\"period\": \(q("\(Style.indonesianMonths[l.period.month - 1]) \(l.period.year)")), "
                    + "\"cooperative_id\": \(q(l.coop.id)), \"cooperative_name\": \(q(l.coop.name)), "
                    + "\"district\": \(q(l.badDistrict ?? "Kutim")), \"subdistrict\": \(q(l.coop.kecamatan)), "
                    + "\"village\": \(q(l.badDesa ? "" : l.coop.desa)), \"product\": \(q(l.product)), "
                    + "\"category\": \(q(l.badCategory ?? l.category)), \"unit\": \(q(l.unit)), "
                    + "\"units_produced\": \(l.produced), \"units_sold\": \(l.sold), "
                    + "\"revenue\": \(q(l.badRevenue ?? "Rp \(Style.indonesian(l.revenue))")), \"export_revenue\": \(l.export), "
                    + "\"members\": \(l.coop.members), \"workers\": \(l.workers), "
                    + "\"channels\": \(q(l.channels.joined(separator: "|"))), \"certifications\": [\(l.certifications.map(q).joined(separator: ", "))], "
                    + "\"submitted_at\": \(q(iso(submitted(l))))}"
            }.joined(separator: "\n") + "\n"
        case .englishSpreadsheet:
            let header = ["Period", "Cooperative ID", "Cooperative Name", "District", "Subdistrict", "Village", "Product",
                          "Category", "Unit", "Units Produced", "Units Sold", "Revenue", "Export Revenue", "Members",
                          "Workers", "Channels", "Certifications", "Submitted At"]
            return csv(lines, delimiter: ",", header: header) { l in
                let at = submitted(l)
                return [
                    "\(Style.shortEnglishMonths[l.period.month - 1])-\(l.period.year % 100)", l.coop.id, l.coop.name,
                    l.badDistrict ?? "PPU", l.coop.kecamatan, l.badDesa ? "" : l.coop.desa, l.product,
                    l.badCategory ?? l.category, l.unit, Style.english(Int64(l.produced)) + ".00",
                    Style.english(Int64(l.sold)) + ".00", l.badRevenue ?? "Rp \(Style.english(l.revenue))",
                    l.export == 0 ? "0" : "Rp \(Style.english(l.export))", String(l.coop.members), String(l.workers),
                    l.channels.joined(separator: ";"), l.certifications.joined(separator: ";"),
                    "\(at.month)/\(at.day)/\(at.year) \(at.minute / 60):\(String(format: "%02d", at.minute % 60))",
                ]
            }
        case .shortForms:
            return csv(lines, delimiter: ",", header: Field.allCases.map(\.rawValue)) { l in
                var cells = canonicalCells(l)
                if l.badDistrict == nil { cells[Field.kabupatenKota.ordinal] = "Mahulu" }
                if l.badRevenue == nil && l.revenue % 10_000 == 0 && l.revenue >= 1_000_000 {
                    let juta = Decimal(l.revenue) / 1_000_000
                    cells[Field.omzet.ordinal] = "\(juta)".replacingOccurrences(of: ".", with: ",") + " jt"
                }
                return cells
            }
        case .jsonFlat:
            let records = lines.map { l in
                "  {\"periode\": \(q(l.period.description)), \"kode_koperasi\": \(q(l.coop.id)), "
                    + "\"nama_koperasi\": \(q(l.coop.name)), \"kabupaten_kota\": \(q(l.badDistrict ?? "Kota Balikpapan")), "
                    + "\"kecamatan\": \(q(l.coop.kecamatan)), \"desa\": \(q(l.badDesa ? "" : l.coop.desa)), "
                    + "\"produk\": \(q(l.product)), \"kategori\": \(q(l.badCategory ?? l.category)), \"satuan\": \(q(l.unit)), "
                    + "\"volume_produksi\": \(l.produced), \"volume_terjual\": \(l.sold), "
                    + "\"omzet\": \(l.badRevenue.map(q) ?? String(l.revenue)), \"nilai_ekspor\": \(l.export), "
                    + "\"jumlah_anggota\": \(l.coop.members), \"tenaga_kerja\": \(l.workers), "
                    + "\"saluran_pemasaran\": [\(l.channels.map(q).joined(separator: ", "))], "
                    + "\"sertifikasi\": [\(l.certifications.map(q).joined(separator: ", "))], "
                    + "\"dikirim_pada\": \(q(iso(submitted(l))))}"
            }
            return "[\n" + records.joined(separator: ",\n") + "\n]\n"
        }
    }

    func canonicalCells(_ l: SampleLine) -> [String] {
        [
            l.period.description, l.coop.id, l.coop.name, l.badDistrict ?? l.coop.district.name, l.coop.kecamatan,
            l.badDesa ? "" : l.coop.desa, l.product, l.badCategory ?? l.category, l.unit, String(l.produced),
            String(l.sold), l.badRevenue ?? String(l.revenue), String(l.export), String(l.coop.members),
            String(l.workers), l.channels.joined(separator: "|"), l.certifications.joined(separator: "|"),
            iso(submitted(l)),
        ]
    }

    func csv(_ lines: [SampleLine], delimiter: String, header: [String], cells: (SampleLine) -> [String]) -> String {
        var out = header.joined(separator: delimiter) + "\r\n"
        for l in lines {
            out += cells(l).map { cell in
                cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n")
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: delimiter) + "\r\n"
        }
        return out
    }

    struct When { var year: Int; var month: Int; var day: Int; var minute: Int }

    /// When the line was sent: early in the month after its period, in WITA.
    func submitted(_ l: SampleLine) -> When {
        let next = l.period.advanced(by: 1)
        return When(year: next.year, month: next.month, day: min(28, l.submittedDay), minute: l.submittedMinute)
    }

    func iso(_ w: When) -> String {
        String(format: "%04d-%02d-%02dT%02d:%02d:00+08:00", w.year, w.month, w.day, w.minute / 60, w.minute % 60)
    }

    func q(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `1250000` → `1.250.000`.
    static func indonesian(_ n: Int64) -> String { grouped(n, separator: ".") }
    /// `1250000` → `1,250,000`.
    static func english(_ n: Int64) -> String { grouped(n, separator: ",") }

    static func grouped(_ n: Int64, separator: String) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
