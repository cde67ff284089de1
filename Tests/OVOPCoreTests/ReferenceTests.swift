import Foundation
import Testing

@testable import OVOPCore

@Suite("Reference")
struct ReferenceTests {
    let reference = Reference.kaltim

    private func district(_ code: String) -> District {
        guard let found = reference.district(code: code) else {
            Issue.record("no district \(code)")
            return District(code: code, bpsCode: "", name: "", kind: "")
        }
        return found
    }

    @Test func tenDistrictsInCodeOrder() {
        let table: [(String, String, String, String, String)] = [
            ("64.01", "6401", "Paser", "kabupaten", "paser"),
            ("64.02", "6403", "Kutai Kartanegara", "kabupaten", "kutai-kartanegara"),
            ("64.03", "6405", "Berau", "kabupaten", "berau"),
            ("64.07", "6402", "Kutai Barat", "kabupaten", "kutai-barat"),
            ("64.08", "6404", "Kutai Timur", "kabupaten", "kutai-timur"),
            ("64.09", "6409", "Penajam Paser Utara", "kabupaten", "penajam-paser-utara"),
            ("64.11", "6411", "Mahakam Ulu", "kabupaten", "mahakam-ulu"),
            ("64.71", "6471", "Balikpapan", "kota", "balikpapan"),
            ("64.72", "6472", "Samarinda", "kota", "samarinda"),
            ("64.74", "6474", "Bontang", "kota", "bontang"),
        ]
        #expect(reference.districts.count == table.count)
        for (district, row) in zip(reference.districts, table) {
            #expect(district.code == row.0)
            #expect(district.bpsCode == row.1)
            #expect(district.name == row.2)
            #expect(district.kind == row.3)
            #expect(district.slug == row.4)
        }
        #expect(reference.districts == reference.districts.sorted())
    }

    @Test func kecamatanAndVillages() {
        let counts = ["64.01": 10, "64.02": 20, "64.03": 13, "64.07": 16, "64.08": 18, "64.09": 4, "64.11": 5,
                      "64.71": 6, "64.72": 10, "64.74": 3]
        var total = 0
        for district in reference.districts {
            let names = reference.kecamatanNames(of: district)
            #expect(names.count == counts[district.code], "\(district)")
            total += names.count
            for name in names { #expect(reference.isKecamatan(name, of: district)) }
        }
        #expect(total == 105)
        #expect(reference.kecamatanNames(of: district("64.01")).first == "Batu Sopang")
        #expect(reference.kecamatans(of: district("64.72")).first == Kecamatan(code: "64.72.01", name: "Palaran"))
        #expect(reference.villageNames(ofKecamatanCode: "64.01.01").contains("Samurangau"))
        let villages = reference.districts.flatMap { reference.kecamatans(of: $0) }
            .map { reference.villageNames(ofKecamatanCode: $0.code).count }
        #expect(villages.reduce(0, +) == 1038)
        #expect(reference.villageNames(ofKecamatanCode: "64.99.99").isEmpty)
    }

    @Test func kecamatanMatching() {
        let samarinda = district("64.72")
        for spelling in ["Samarinda Seberang", "SAMARINDA SEBERANG", "  samarinda   seberang ", "SamarindaSeberang",
                         "Kec. Samarinda Seberang", "Kec.Samarinda Seberang", "kec samarinda seberang",
                         "KECAMATAN Samarinda Seberang", "Kecamatan\u{00A0}Samarinda  Seberang", "Samarinda\tSeberang"] {
            #expect(reference.isKecamatan(spelling, of: samarinda), "\(spelling)")
        }
        for spelling in ["", "Kec.", "Kecamatan", "Seberang", "Samarinda-Seberang", "Tenggarong", "Samarinda"] {
            #expect(!reference.isKecamatan(spelling, of: samarinda), "\(spelling)")
        }
        #expect(reference.isKecamatan("Kota Bangun", of: district("64.02")))
        #expect(reference.isKecamatan("biduk-biduk", of: district("64.03")))
    }

    @Test func everyAliasOfTheReferenceFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/OVOPCore/Resources/kaltim-district-aliases.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 69)
        for row in rows {
            let expected = DistrictResolution.district(district(row[0]))
            for system in CodeSystem.allCases {
                #expect(reference.resolveDistrict(row[1], kecamatan: nil, codeSystem: system) == expected,
                        "\(row[1]) \(system)")
            }
            #expect(reference.resolveDistrict(row[1].uppercased(), kecamatan: nil, codeSystem: .auto) == expected)
            #expect(reference.resolveDistrict(" \(row[1].lowercased())  ", kecamatan: nil, codeSystem: .auto) == expected)
        }
    }

    @Test func everyNameWithEveryPrefix() {
        let prefixes = ["", "Kota ", "KOTA ", "Kab ", "kab ", "Kab. ", "KAB. ", "Kab.", "kab.", "Kabupaten ",
                        "KABUPATEN ", "kabupaten  ", "Kab.  "]
        for district in reference.districts {
            for prefix in prefixes {
                for name in [district.name, district.name.uppercased(), district.name.lowercased()] {
                    let text = prefix + name
                    #expect(reference.resolveDistrict(text, kecamatan: nil, codeSystem: .auto) == .district(district),
                            "\(text)")
                }
            }
            let spaced = "  " + district.name.split(separator: " ").joined(separator: "   ") + "\u{00A0}"
            #expect(reference.resolveDistrict(spaced, kecamatan: nil, codeSystem: .auto) == .district(district))
        }
        #expect(reference.resolveDistrict("KAB. PASER", kecamatan: nil, codeSystem: .bps) == .district(district("64.01")))
        #expect(reference.resolveDistrict("Kab.Kukar", kecamatan: nil, codeSystem: .auto) == .district(district("64.02")))
    }

    @Test func dottedCodes() {
        for district in reference.districts {
            for system in CodeSystem.allCases {
                #expect(reference.resolveDistrict(district.code, kecamatan: nil, codeSystem: system)
                    == .district(district))
                #expect(reference.resolveDistrict(" \(district.code) ", kecamatan: "Melak", codeSystem: system)
                    == .district(district))
            }
        }
        for code in ["64.04", "64.05", "64.06", "64.10", "64.73", "65.01", "64.7", "64.072", "64.72.01", "64,72"] {
            #expect(reference.resolveDistrict(code, kecamatan: nil, codeSystem: .auto) == .unknown, "\(code)")
        }
    }

    @Test func undottedCodes() {
        let auto: [String: String?] = [
            "6401": "64.01", "6404": "64.08", "6405": "64.03", "6407": "64.07", "6408": "64.08", "6409": "64.09",
            "6411": "64.11", "6471": "64.71", "6472": "64.72", "6474": "64.74", "6406": nil, "6410": nil,
            "6473": nil, "6501": nil, "0000": nil,
        ]
        let bps: [String: String?] = [
            "6401": "64.01", "6402": "64.07", "6403": "64.02", "6404": "64.08", "6405": "64.03", "6407": nil,
            "6408": nil, "6409": "64.09", "6411": "64.11", "6471": "64.71", "6472": "64.72", "6474": "64.74",
        ]
        let kemendagri: [String: String?] = [
            "6401": "64.01", "6402": "64.02", "6403": "64.03", "6404": nil, "6405": nil, "6407": "64.07",
            "6408": "64.08", "6409": "64.09", "6411": "64.11", "6471": "64.71", "6472": "64.72", "6474": "64.74",
        ]
        for (system, table) in [(CodeSystem.auto, auto), (.bps, bps), (.kemendagri, kemendagri)] {
            for (code, expected) in table {
                let resolution = reference.resolveDistrict(code, kecamatan: nil, codeSystem: system)
                let wanted: DistrictResolution = expected.map { .district(district($0)) } ?? .unknown
                #expect(resolution == wanted, "\(code) \(system)")
            }
        }
    }

    @Test func collidingCodes() {
        let kukar = district("64.02"), berau = district("64.03"), kubar = district("64.07")
        // 6402: Kemendagri Kutai Kartanegara, BPS Kutai Barat.
        #expect(reference.resolveDistrict("6402", kecamatan: "Tenggarong", codeSystem: .auto) == .district(kukar))
        #expect(reference.resolveDistrict("6402", kecamatan: "Kec. MELAK", codeSystem: .auto) == .district(kubar))
        #expect(reference.resolveDistrict("6402", kecamatan: nil, codeSystem: .auto) == .ambiguous(kukar, kubar))
        #expect(reference.resolveDistrict("6402", kecamatan: "", codeSystem: .auto) == .ambiguous(kukar, kubar))
        #expect(reference.resolveDistrict("6402", kecamatan: "Tanjung Redeb", codeSystem: .auto)
            == .ambiguous(kukar, kubar))
        #expect(reference.resolveDistrict("6402", kecamatan: "Nowhere", codeSystem: .auto) == .ambiguous(kukar, kubar))
        // 6403: Kemendagri Berau, BPS Kutai Kartanegara.
        #expect(reference.resolveDistrict("6403", kecamatan: "tanjung redeb", codeSystem: .auto) == .district(berau))
        #expect(reference.resolveDistrict("6403", kecamatan: "Kecamatan Loa Janan", codeSystem: .auto)
            == .district(kukar))
        #expect(reference.resolveDistrict("6403", kecamatan: nil, codeSystem: .auto) == .ambiguous(berau, kukar))
        #expect(reference.resolveDistrict("6403", kecamatan: "Melak", codeSystem: .auto) == .ambiguous(berau, kukar))
        // A declared code system never looks at the kecamatan.
        #expect(reference.resolveDistrict("6402", kecamatan: "Tenggarong", codeSystem: .bps) == .district(kubar))
        #expect(reference.resolveDistrict("6403", kecamatan: "Tenggarong", codeSystem: .kemendagri) == .district(berau))
    }

    @Test func unknownDistricts() {
        for text in ["", "  ", "Tenggarong", "Sangatta", "Kutai", "BPN", "Samarinda Kota", "Kab.", "Kabupaten", "Kota",
                     "Tanjung Redeb", "Kaltim", "64", "640", "64721", "Samarinda!", "Kab Kab Paser"] {
            #expect(reference.resolveDistrict(text, kecamatan: nil, codeSystem: .auto) == .unknown, "\(text)")
        }
    }
}
