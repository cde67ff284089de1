import Foundation

/// One of Kaltim's ten districts (*kabupaten/kota*), identified by its Kemendagri code (SPEC 2).
public struct District: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The Kemendagri code, `64.72`: the product's district identity.
    public let code: String
    /// The BPS statistical code, `6472`, carried beside the Kemendagri code in outputs.
    public let bpsCode: String
    /// The short name of SPEC 2's table, `Samarinda`, `Kutai Kartanegara`.
    public let name: String
    /// `kabupaten` or `kota`.
    public let kind: String

    public init(code: String, bpsCode: String, name: String, kind: String) {
        self.code = code
        self.bpsCode = bpsCode
        self.name = name
        self.kind = kind
    }

    /// The name for file names: lowercase ASCII words joined by hyphens (`kutai-kartanegara`).
    public var slug: String {
        var out = ""
        var pendingHyphen = false
        for s in name.lowercased().unicodeScalars {
            let isAlphanumeric = (s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39)
            if isAlphanumeric {
                if pendingHyphen { out.append("-"); pendingHyphen = false }
                out.unicodeScalars.append(s)
            } else {
                pendingHyphen = !out.isEmpty
            }
        }
        return out
    }

    public var description: String { "\(code) \(name)" }

    /// Kemendagri code order, the order of every report.
    public static func < (a: District, b: District) -> Bool { a.code < b.code }
}

/// A sub-district (*kecamatan*) of the reference list.
public struct Kecamatan: Sendable, Hashable {
    /// The Kemendagri code, `64.72.01`.
    public let code: String
    /// The official name, `Palaran`.
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// How undotted four-digit district codes are read (SPEC 2, template setting).
public enum CodeSystem: String, Sendable, CaseIterable {
    /// Both systems, with the collision rules of SPEC 2.
    case auto
    /// BPS codes only (`6402` is Kutai Barat).
    case bps
    /// Kemendagri codes only (`6402` is Kutai Kartanegara).
    case kemendagri
}

/// What a `kabupaten_kota` value names.
public enum DistrictResolution: Sendable, Equatable {
    /// Exactly one district.
    case district(District)
    /// No Kaltim district (→ unknown-district).
    case unknown
    /// A colliding undotted code the line's kecamatan does not decide: (Kemendagri reading, BPS reading)
    /// (→ ambiguous-district-code).
    case ambiguous(District, District)
}

/// Kaltim's districts, sub-districts, villages and district aliases (the bundled reference data).
public final class Reference: Sendable {
    /// Kaltim's reference data loaded from the bundled CSV files (`Bundle.module`).
    ///
    /// The files ship with the library, so a loading failure is a programming error.
    public static let kaltim: Reference = {
        do {
            return try Reference(
                wilayahCSV: bundledText("kaltim-wilayah"),
                aliasesCSV: bundledText("kaltim-district-aliases"),
                desaCSV: bundledText("kaltim-desa"))
        } catch {
            fatalError("OVOPCore reference data cannot be loaded: \(error)")
        }
    }()

    /// The ten districts, in Kemendagri code order.
    public let districts: [District]

    private let districtsByCode: [String: District]
    private let districtsByBPSCode: [String: District]
    /// Normalised names and aliases (prefix stripped) → Kemendagri code.
    private let districtCodesByName: [String: String]
    /// Kemendagri district code → its kecamatan, reference order.
    private let kecamatansByDistrict: [String: [Kecamatan]]
    /// Kemendagri district code → matching keys of its kecamatan.
    private let kecamatanKeysByDistrict: [String: Set<String>]
    /// Kemendagri kecamatan code (`64.72.01`) → village names, reference order.
    private let villageNamesByKecamatan: [String: [String]]

    /// The BPS code of every Kemendagri district code (SPEC 2's table; the CSV files carry Kemendagri codes only).
    static let bpsCodes: [String: String] = [
        "64.01": "6401", "64.02": "6403", "64.03": "6405", "64.07": "6402", "64.08": "6404",
        "64.09": "6409", "64.11": "6411", "64.71": "6471", "64.72": "6472", "64.74": "6474",
    ]

    /// A problem in reference CSV text.
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Builds the reference from the texts of `kaltim-wilayah.csv`, `kaltim-district-aliases.csv`
    /// and (optionally) `kaltim-desa.csv`.
    init(wilayahCSV: String, aliasesCSV: String, desaCSV: String?) throws {
        var districts: [District] = []
        var kecamatans: [String: [Kecamatan]] = [:]
        var kecamatanKeys: [String: Set<String>] = [:]
        for row in Self.rows(wilayahCSV, columns: 4) {
            let (level, code, parent, name) = (row[0], row[1], row[2], row[3])
            switch level {
            case "kabupaten", "kota":
                guard let bps = Self.bpsCodes[code] else {
                    throw LoadError(description: "district \(code) has no BPS code")
                }
                districts.append(District(code: code, bpsCode: bps, name: Self.shortName(name), kind: level))
            case "kecamatan":
                kecamatans[parent, default: []].append(Kecamatan(code: code, name: name))
                kecamatanKeys[parent, default: []].insert(Self.kecamatanKey(name))
            default:
                throw LoadError(description: "unknown level \(level)")
            }
        }
        districts.sort()
        guard districts.count == 10 else {
            throw LoadError(description: "expected 10 districts, found \(districts.count)")
        }
        let byCode = Dictionary(uniqueKeysWithValues: districts.map { ($0.code, $0) })

        var byName: [String: String] = [:]
        for district in districts {
            byName[Self.districtKey(district.name)] = district.code
        }
        for row in Self.rows(aliasesCSV, columns: 2) {
            let (code, alias) = (row[0], row[1])
            guard byCode[code] != nil else { throw LoadError(description: "alias \(alias) of unknown \(code)") }
            // Undotted codes are read by the code rules, never as names.
            if alias.allSatisfy(\.isASCII) && alias.allSatisfy(\.isNumber) { continue }
            let key = Self.districtKey(alias)
            if let other = byName[key], other != code {
                throw LoadError(description: "alias \(alias) names both \(other) and \(code)")
            }
            byName[key] = code
        }

        var villages: [String: [String]] = [:]
        if let desaCSV {
            for row in Self.rows(desaCSV, columns: 4) {
                villages[row[2], default: []].append(row[3])
            }
        }

        self.districts = districts
        self.districtsByCode = byCode
        self.districtsByBPSCode = Dictionary(uniqueKeysWithValues: districts.map { ($0.bpsCode, $0) })
        self.districtCodesByName = byName
        self.kecamatansByDistrict = kecamatans
        self.kecamatanKeysByDistrict = kecamatanKeys
        self.villageNamesByKecamatan = villages
    }

    /// The district with Kemendagri code `code` (`64.72`), or `nil`.
    public func district(code: String) -> District? { districtsByCode[code] }

    /// The official names of the district's kecamatan, in reference order.
    public func kecamatanNames(of district: District) -> [String] {
        kecamatans(of: district).map(\.name)
    }

    /// The district's kecamatan with their codes, in reference order.
    public func kecamatans(of district: District) -> [Kecamatan] {
        kecamatansByDistrict[district.code] ?? []
    }

    /// The official names of the villages (desa and kelurahan) of a kecamatan, by its Kemendagri code (`64.72.01`).
    public func villageNames(ofKecamatanCode code: String) -> [String] {
        villageNamesByKecamatan[code] ?? []
    }

    /// Whether `name` is a kecamatan of `district` (SPEC 11: case- and space-insensitive, a leading `Kec.`/`Kecamatan` stripped).
    public func isKecamatan(_ name: String, of district: District) -> Bool {
        let key = Self.kecamatanKey(name)
        guard !key.isEmpty else { return false }
        return kecamatanKeysByDistrict[district.code]?.contains(key) ?? false
    }

    /// The district a `kabupaten_kota` value names (SPEC 2 and 11 "Districts").
    ///
    /// By name or alias in any case, with or without a prefix `Kota`, `Kab`, `Kab.`, `Kabupaten`;
    /// by dotted Kemendagri code; by undotted four-digit code read in `codeSystem`. Under `.auto`
    /// the colliding codes 6402 and 6403 are decided by `kecamatan` when it belongs to exactly one
    /// of the two candidates, otherwise they are `.ambiguous(kemendagriReading, bpsReading)`.
    public func resolveDistrict(_ text: String, kecamatan: String?, codeSystem: CodeSystem) -> DistrictResolution {
        let value = Names.normalise(text)
        guard !value.isEmpty else { return .unknown }
        if Self.isDottedCode(value) {
            return districtsByCode[value].map(DistrictResolution.district) ?? .unknown
        }
        if value.count == 4, value.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) {
            return resolveUndotted(value, kecamatan: kecamatan, codeSystem: codeSystem)
        }
        guard let code = districtCodesByName[Self.districtKey(value)], let district = districtsByCode[code] else {
            return .unknown
        }
        return .district(district)
    }

    // MARK: - Codes

    private func resolveUndotted(_ digits: String, kecamatan: String?, codeSystem: CodeSystem) -> DistrictResolution {
        let kemendagri = districtsByCode[String(digits.prefix(2)) + "." + String(digits.suffix(2))]
        let bps = districtsByBPSCode[digits]
        let reading: District?
        switch codeSystem {
        case .kemendagri:
            reading = kemendagri
        case .bps:
            reading = bps
        case .auto:
            switch (kemendagri, bps) {
            case (let k?, let b?) where k != b:
                let inK = kecamatan.map { isKecamatan($0, of: k) } ?? false
                let inB = kecamatan.map { isKecamatan($0, of: b) } ?? false
                switch (inK, inB) {
                case (true, false): reading = k
                case (false, true): reading = b
                default: return .ambiguous(k, b)
                }
            default:
                reading = kemendagri ?? bps
            }
        }
        return reading.map(DistrictResolution.district) ?? .unknown
    }

    /// `dd.dd`, the shape of a dotted Kemendagri district code.
    private static func isDottedCode(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard scalars.count == 5, scalars[2] == "." else { return false }
        return [0, 1, 3, 4].allSatisfy { scalars[$0].value >= 0x30 && scalars[$0].value <= 0x39 }
    }

    // MARK: - Normalisation

    /// The matching key of a district name or alias: normalised, a leading `Kota`, `Kab`, `Kab.`
    /// or `Kabupaten` stripped (with or without a space after the dot).
    static func districtKey(_ name: String) -> String {
        let value = Names.normalise(name)
        for prefix in ["kabupaten ", "kab. ", "kab.", "kab ", "kota "] where value.hasPrefix(prefix) {
            let rest = Names.collapse(String(value.dropFirst(prefix.count)))
            if !rest.isEmpty { return rest }
        }
        return value
    }

    /// The matching key of a kecamatan name: case-folded, a leading `Kecamatan`/`Kec.` stripped, every space removed.
    static func kecamatanKey(_ name: String) -> String {
        var value = Names.normalise(name)
        for prefix in ["kecamatan ", "kec. ", "kec.", "kec "] where value.hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count))
            break
        }
        return String(value.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// `Samarinda` from `Kota Samarinda`, `Paser` from `Kabupaten Paser`.
    private static func shortName(_ official: String) -> String {
        for prefix in ["Kabupaten ", "Kota "] where official.hasPrefix(prefix) {
            return String(official.dropFirst(prefix.count))
        }
        return official
    }

    // MARK: - Loading

    private static func bundledText(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Resources") else {
            throw LoadError(description: "\(name).csv is not in the bundle")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The data rows of a CSV text without quoted fields: header skipped, blank lines skipped.
    private static func rows(_ text: String, columns: Int) -> [[String]] {
        var result: [[String]] = []
        for (index, line) in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).enumerated()
        where index > 0 {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count == columns { result.append(cells) }
        }
        return result
    }
}
