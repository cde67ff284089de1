import Foundation
import Testing

@testable import OVOPCore

@Suite("Aliases")
struct AliasTests {
    @Test func categories() {
        let expected: [String: Category] = [
            "pangan": .pangan, "food": .pangan, "makanan": .pangan, "minuman": .pangan,
            "kerajinan": .kerajinan, "craft": .kerajinan, "crafts": .kerajinan, "handicraft": .kerajinan,
            "sandang": .sandang, "textile": .sandang, "fashion": .sandang, "tenun": .sandang, "batik": .sandang,
            "herbal": .herbal, "jamu": .herbal, "lainnya": .lainnya, "other": .lainnya,
        ]
        #expect(CategoryReader.aliases == expected)
        for (alias, category) in expected {
            for spelling in [alias, alias.uppercased(), " \(alias.capitalized)\u{00A0}", "\t\(alias)  "] {
                #expect(CategoryReader.read(spelling) == category, "\(spelling)")
            }
        }
        for category in Category.allCases { #expect(CategoryReader.read(category.rawValue) == category) }
        for text in ["", "foods", "kera jinan", "makanan ringan", "-", "pangan,kerajinan"] {
            #expect(CategoryReader.read(text) == nil, "\(text)")
        }
    }

    /// SPEC 5: names are trimmed, their white space collapsed and case-folded (full Unicode folding, not
    /// lowercasing: `ß` folds to `ss`, the ligature `ﬁ` to `fi`, final sigma to sigma).
    @Test func namesAreCaseFolded() {
        let alike: [[String]] = [
            ["Koperasi  Maju\u{00A0}Jaya ", "KOPERASI MAJU JAYA", "\tkoperasi maju\njaya"],
            ["Straße", "STRASSE", "strasse", "STRAẞE"],
            ["ﬁlet", "FILET"],
            ["ΟΔΟΣ", "οδος", "οδοσ"],
        ]
        for group in alike {
            let keys = Set(group.map(Names.normalise))
            #expect(keys.count == 1, "\(group) → \(keys)")
        }
        #expect(Names.normalise("  Amplang   Ikan ") == "amplang ikan")
        #expect(Names.normalise("Straße") == "strasse")
        #expect(Names.normalise("Amplang") != Names.normalise("Amplang Ikan"))
        #expect(Names.normalise("é") != Names.normalise("e"), "accents are kept")
    }

    @Test func channels() {
        let expected: [String: Channel] = [
            "art_shop": .artShop, "pasar_modern": .pasarModern, "ukm_center": .ukmCenter, "pameran": .pameran,
            "online": .online, "ekspor": .ekspor, "modern_market": .pasarModern, "sme_center": .ukmCenter,
            "exhibition": .pameran, "export": .ekspor,
        ]
        #expect(ChannelReader.aliases == expected)
        for (alias, channel) in expected {
            let spaced = alias.replacingOccurrences(of: "_", with: " ")
            let hyphened = alias.replacingOccurrences(of: "_", with: "-")
            for spelling in [alias, alias.uppercased(), spaced, hyphened.capitalized, " \(spaced.uppercased()) ",
                             spaced.replacingOccurrences(of: " ", with: "  ")] {
                #expect(ChannelReader.read(spelling) == channel, "\(spelling)")
            }
        }
        for text in ["", "toko", "artshop", "ukm centre", "online shop", "pasar"] {
            #expect(ChannelReader.read(text) == nil, "\(text)")
        }
    }

    @Test func certifications() {
        let expected: [String: Certification] = [
            "pirt": .pirt, "p-irt": .pirt, "P IRT": .pirt, "spp-irt": .pirt, "SPP IRT": .pirt, "spp_irt": .pirt,
            "halal": .halal, "HALAL": .halal, "sni": .sni, "S N I": .sni, "bpom": .bpom, "md": .bpom,
            "bpom md": .bpom, "BPOM MD": .bpom, "bpom-md": .bpom, "hki": .hki, "merek": .hki, "Merek": .hki,
            " halal ": .halal,
        ]
        for (spelling, certification) in expected {
            #expect(CertificationReader.read(spelling) == certification, "\(spelling)")
        }
        for certification in Certification.allCases {
            #expect(CertificationReader.read(certification.rawValue) == certification)
        }
        for text in ["", "iso", "halal mui", "pirt2", "-", "ml"] {
            #expect(CertificationReader.read(text) == nil, "\(text)")
        }
    }
}
