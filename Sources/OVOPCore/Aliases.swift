/// Reads `kategori` values: canonical names and their aliases (SPEC 3 "category", SPEC 11).
public enum CategoryReader {
    /// Every accepted spelling, normalised, and the category it names.
    public static let aliases: [String: Category] = [
        "pangan": .pangan, "food": .pangan, "makanan": .pangan, "minuman": .pangan,
        "kerajinan": .kerajinan, "craft": .kerajinan, "crafts": .kerajinan, "handicraft": .kerajinan,
        "sandang": .sandang, "textile": .sandang, "fashion": .sandang, "tenun": .sandang, "batik": .sandang,
        "herbal": .herbal, "jamu": .herbal,
        "lainnya": .lainnya, "other": .lainnya,
    ]

    /// The category a value names (trimmed, inner white space collapsed, case-folded, then aliases); `nil` when unknown.
    public static func read(_ text: String) -> Category? {
        aliases[Names.normalise(text)]
    }
}

/// Reads one `saluran_pemasaran` value (SPEC 3 "channel", SPEC 11).
public enum ChannelReader {
    /// Every accepted spelling, normalised, and the channel it names.
    public static let aliases: [String: Channel] = {
        var map: [String: Channel] = [:]
        for channel in Channel.allCases { map[channel.rawValue] = channel }
        map["modern_market"] = .pasarModern
        map["sme_center"] = .ukmCenter
        map["exhibition"] = .pameran
        map["export"] = .ekspor
        return map
    }()

    /// The channel a value names (trimmed, case-folded, spaces and hyphens to `_`, then aliases); `nil` when unknown.
    public static func read(_ text: String) -> Channel? {
        let folded = Names.normalise(text)
        let key = String(folded.map { $0 == " " || $0 == "-" ? "_" : $0 })
        return aliases[key]
    }
}

/// Reads one `sertifikasi` value (SPEC 3 "certification", SPEC 11).
public enum CertificationReader {
    /// Every accepted spelling with spaces, hyphens and underscores removed, and the certification it names.
    public static let aliases: [String: Certification] = {
        var map: [String: Certification] = [:]
        for certification in Certification.allCases { map[certification.rawValue] = certification }
        map["sppirt"] = .pirt  // `spp-irt`; `p-irt` is `pirt` once the hyphen is removed
        map["md"] = .bpom
        map["bpommd"] = .bpom
        map["merek"] = .hki
        return map
    }()

    /// The certification a value names (case-folded, spaces, hyphens and underscores removed, then aliases); `nil` when unknown.
    public static func read(_ text: String) -> Certification? {
        let key = String(Names.caseFold(text).filter { !($0.isWhitespace || $0 == "-" || $0 == "_") })
        return aliases[key]
    }
}
