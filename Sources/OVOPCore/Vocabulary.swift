import Foundation

/// The canonical submission columns of SPEC 3, in the spec's order.
public enum Field: String, CaseIterable, Sendable, Hashable {
    case periode
    case kodeKoperasi = "kode_koperasi"
    case namaKoperasi = "nama_koperasi"
    case kabupatenKota = "kabupaten_kota"
    case kecamatan
    case desa
    case produk
    case kategori
    case satuan
    case volumeProduksi = "volume_produksi"
    case volumeTerjual = "volume_terjual"
    case omzet
    case nilaiEkspor = "nilai_ekspor"
    case jumlahAnggota = "jumlah_anggota"
    case tenagaKerja = "tenaga_kerja"
    case saluranPemasaran = "saluran_pemasaran"
    case sertifikasi
    case dikirimPada = "dikirim_pada"

    /// The English alias accepted for the column.
    public var englishName: String {
        switch self {
        case .periode: "period"
        case .kodeKoperasi: "cooperative_id"
        case .namaKoperasi: "cooperative_name"
        case .kabupatenKota: "district"
        case .kecamatan: "subdistrict"
        case .desa: "village"
        case .produk: "product"
        case .kategori: "category"
        case .satuan: "unit"
        case .volumeProduksi: "units_produced"
        case .volumeTerjual: "units_sold"
        case .omzet: "revenue"
        case .nilaiEkspor: "export_revenue"
        case .jumlahAnggota: "members"
        case .tenagaKerja: "workers"
        case .saluranPemasaran: "channels"
        case .sertifikasi: "certifications"
        case .dikirimPada: "submitted_at"
        }
    }

    /// Position in `Field.allCases`, for compact per-record storage.
    public var ordinal: Int {
        switch self {
        case .periode: 0
        case .kodeKoperasi: 1
        case .namaKoperasi: 2
        case .kabupatenKota: 3
        case .kecamatan: 4
        case .desa: 5
        case .produk: 6
        case .kategori: 7
        case .satuan: 8
        case .volumeProduksi: 9
        case .volumeTerjual: 10
        case .omzet: 11
        case .nilaiEkspor: 12
        case .jumlahAnggota: 13
        case .tenagaKerja: 14
        case .saluranPemasaran: 15
        case .sertifikasi: 16
        case .dikirimPada: 17
        }
    }

    public var isRequired: Bool {
        switch self {
        case .periode, .kodeKoperasi, .namaKoperasi, .kabupatenKota, .desa, .produk, .kategori, .omzet:
            true
        default:
            false
        }
    }

    /// Numeric fields and how their value is read.
    public var numberKind: NumberKind? {
        switch self {
        case .omzet, .nilaiEkspor: .rupiah
        case .volumeProduksi, .volumeTerjual: .decimal
        case .jumlahAnggota, .tenagaKerja: .integer
        default: nil
        }
    }

    /// Normalises a header or key the way SPEC 11 says: trimmed, runs of
    /// spaces collapsed, case-folded, spaces and hyphens to `_`.
    public static func normaliseHeader(_ name: String) -> String {
        let collapsed = Names.normalise(name)
        return String(collapsed.map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    private static let byHeader: [String: Field] = {
        var map: [String: Field] = [:]
        for f in Field.allCases {
            map[f.rawValue] = f
            map[f.englishName] = f
        }
        return map
    }()

    /// The column a header names, Indonesian or English, or `nil`.
    public init?(header: String) {
        guard let f = Field.byHeader[Field.normaliseHeader(header)] else { return nil }
        self = f
    }
}

/// How a numeric field's value is read (SPEC 3, 11).
public enum NumberKind: Sendable {
    /// Whole rupiah; a single separator before exactly three digits groups thousands.
    case rupiah
    /// A decimal such as a volume.
    case decimal
    /// A whole count; a fraction is invalid, `12,0` is 12.
    case integer
}

/// A file's number convention (SPEC 3): decided per file, never per cell.
public enum NumberConvention: String, Sendable {
    /// `.` groups thousands, `,` is the decimal mark.
    case indonesian
    /// `,` groups thousands, `.` is the decimal mark.
    case english
}

/// A file's date order (SPEC 3): decided per file.
public enum DateOrder: String, Sendable {
    case dayFirst = "day-first"
    case monthFirst = "month-first"
}

public enum Category: String, CaseIterable, Sendable, Hashable, Comparable {
    case pangan, kerajinan, sandang, herbal, lainnya
    public static func < (a: Category, b: Category) -> Bool { a.rawValue < b.rawValue }
}

public enum Channel: String, CaseIterable, Sendable, Hashable {
    case artShop = "art_shop"
    case pasarModern = "pasar_modern"
    case ukmCenter = "ukm_center"
    case pameran
    case online
    case ekspor
}

public enum Certification: String, CaseIterable, Sendable, Hashable {
    case pirt, halal, sni, bpom, hki
}

/// Text compared and hashed by its Unicode code points, as the spec reads names and keys. Swift's own
/// `String` equality merges canonically equivalent spellings (`é` and `e` + U+0301), which the spec,
/// SQLite's keys and the code-point order of SPEC 11 all keep apart.
public struct ExactText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: ExactText, b: ExactText) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)  // equal UTF-8 bytes: equal code points
    }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }
}

/// Display-name votes (SPEC 11): the most frequent spelling, ties to the first in code-point order.
public enum Vote {
    public static func winner(_ spellings: [String]) -> String {
        var counts: [ExactText: Int] = [:]
        for s in spellings { counts[ExactText(s), default: 0] += 1 }
        return winner(counts)
    }

    /// The winner of votes already counted: spelling → how many lines wrote it. Spellings are told
    /// apart by code point, so `Café` and `Cafe` + U+0301 are two spellings.
    public static func winner(_ counts: [ExactText: Int]) -> String {
        counts.max { a, b in
            a.value != b.value ? a.value < b.value : CodePoint.less(b.key.text, a.key.text)
        }?.key.text ?? ""
    }
}

/// Comparison by Unicode code point (SPEC 11), not by Swift's default collation (which compares
/// canonical forms). UTF-8 bytes sort as their code points do.
public enum CodePoint {
    public static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// Name comparison helpers (SPEC 5): trimmed, inner white space collapsed, case-folded.
public enum Names {
    /// Trims and collapses every run of white space (including no-break spaces) to one space.
    public static func collapse(_ s: String) -> String {
        if isCollapsedASCII(s) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }

    /// Whether `s` is printable ASCII with single inner spaces only: already collapsed.
    static func isCollapsedASCII(_ s: String) -> Bool {
        var previousSpace = true  // no leading space
        for byte in s.utf8 {
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                guard byte > 0x20 && byte < 0x7F else { return false }
                previousSpace = false
            }
        }
        return !previousSpace || s.isEmpty
    }

    /// The normalised form used for keys and distinct counts.
    public static func normalise(_ s: String) -> String {
        caseFold(collapse(s))
    }

    /// Unicode full case folding, as SPEC 5 says (`Straße` and `STRASSE` fold alike, `ﬁ` to `fi`), where plain
    /// lowercasing would keep `ß` and `ﬁ`; ASCII, nearly every value, takes the fast path.
    public static func caseFold(_ s: String) -> String {
        s.utf8.allSatisfy { $0 < 0x80 } ? s.lowercased() : s.folding(options: .caseInsensitive, locale: nil)
    }
}
