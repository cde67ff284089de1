/// The language of everything a user reads: Indonesian by default, English on request.
public enum Language: String, Sendable, CaseIterable {
    case id, en
}

extension Diagnostic {
    /// The message a cooperative clerk can act on, without the file and line.
    public func message(_ lang: Language) -> String {
        let name = field.map { lang == .id ? $0.rawValue : $0.englishName } ?? ""
        let value = raw.map { "\"\($0)\"" } ?? ""
        switch (code, lang) {
        case (.missingField, .id):
            if let field { return "kolom wajib \(field.rawValue) kosong" }
            return detail.map { "kolom wajib tidak ada di judul: \($0)" } ?? "kolom wajib kosong"
        case (.missingField, .en):
            if let field { return "required field \(field.englishName) is empty" }
            return detail.map { "required column missing from the header: \($0)" } ?? "a required field is empty"
        case (.invalidNumber, .id): return "\(name) \(value) bukan angka yang sah"
        case (.invalidNumber, .en): return "\(name) \(value) is not a valid number"
        case (.negativeValue, .id): return "\(name) \(value) bernilai negatif"
        case (.negativeValue, .en): return "\(name) \(value) is negative"
        case (.invalidPeriod, .id): return "periode \(value) bukan bulan yang sah (tulis mis. 2026-10 atau Oktober 2026)"
        case (.invalidPeriod, .en): return "period \(value) is not a valid month (write e.g. 2026-10 or October 2026)"
        case (.invalidDate, .id): return "dikirim_pada \(value) bukan tanggal yang sah (tulis mis. 2026-11-03 09:15)"
        case (.invalidDate, .en): return "submitted_at \(value) is not a valid date (write e.g. 2026-11-03 09:15)"
        case (.unknownDistrict, .id):
            return "kabupaten/kota \(value) tidak dikenal di Kalimantan Timur (tulis nama, mis. Kutai Kartanegara, atau kode bertitik, mis. 64.02)"
        case (.unknownDistrict, .en):
            return "district \(value) is not a district of East Kalimantan (write its name, e.g. Kutai Kartanegara, or its dotted code, e.g. 64.02)"
        case (.ambiguousDistrictCode, .id):
            return "kode \(value) bermakna ganda: \(readings(.id)); tulis nama kabupaten/kota atau kode bertitik"
        case (.ambiguousDistrictCode, .en):
            return "code \(value) is ambiguous: \(readings(.en)); write the district's name or its dotted code"
        case (.unknownCategory, .id):
            return "kategori \(value) tidak dikenal (pilihan: pangan, kerajinan, sandang, herbal, lainnya)"
        case (.unknownCategory, .en):
            return "category \(value) is unknown (choose: pangan, kerajinan, sandang, herbal, lainnya)"
        case (.exportExceedsRevenue, .id): return "nilai_ekspor \(value) melebihi omzet"
        case (.exportExceedsRevenue, .en): return "export_revenue \(value) exceeds revenue"
        case (.malformedRow, .id): return "jumlah sel tidak sesuai dengan baris judul (atau tanda kutip tidak ditutup)"
        case (.malformedRow, .en): return "the number of cells does not match the header (or a quote is left open)"
        case (.invalidJSON, .id): return "bukan data JSON yang sah" + (detail.map { " (\($0))" } ?? "")
        case (.invalidJSON, .en): return "not valid JSON" + (detail.map { " (\($0))" } ?? "")
        case (.emptyFile, .id): return "berkas kosong"
        case (.emptyFile, .en): return "the file is empty"
        case (.missingColumn, .id):
            return "kolom wajib tidak ditemukan di baris judul" + (detail.map { ": \($0)" } ?? "")
        case (.missingColumn, .en):
            return "required columns not found in the header" + (detail.map { ": \($0)" } ?? "")
        case (.unreadableFile, .id): return "berkas tidak dapat dibaca" + (detail.map { " (\($0))" } ?? "")
        case (.unreadableFile, .en): return "the file cannot be read" + (detail.map { " (\($0))" } ?? "")
        case (.soldExceedsProduced, .id): return "volume_terjual \(value) lebih besar dari volume_produksi"
        case (.soldExceedsProduced, .en): return "units_sold \(value) exceeds units_produced"
        case (.unknownChannel, .id): return "saluran pemasaran \(value) tidak dikenal dan diabaikan"
        case (.unknownChannel, .en): return "channel \(value) is unknown and was dropped"
        case (.unknownCertification, .id): return "sertifikasi \(value) tidak dikenal dan diabaikan"
        case (.unknownCertification, .en): return "certification \(value) is unknown and was dropped"
        case (.unknownSubdistrict, .id):
            return "kecamatan \(value) bukan kecamatan di \(detail ?? "kabupaten/kota itu") menurut daftar resmi"
        case (.unknownSubdistrict, .en):
            return "subdistrict \(value) is not a subdistrict of \(detail ?? "that district") in the official list"
        case (.revenueOutlier, .id): return "omzet \(value) 10 kali lipat atau sepersepuluh dari bulan sebelumnya: mohon diperiksa"
        case (.revenueOutlier, .en): return "revenue \(value) is 10 times or a tenth of the previous month's: please check"
        case (.futurePeriod, .id): return "periode \(value) belum berjalan"
        case (.futurePeriod, .en): return "period \(value) is in the future"
        case (.encodingFallback, .id): return "berkas bukan UTF-8; dibaca sebagai Windows-1252"
        case (.encodingFallback, .en): return "the file is not UTF-8; read as Windows-1252"
        case (.unknownColumn, .id): return "kolom \"\(detail ?? "")\" tidak dikenal dan diabaikan"
        case (.unknownColumn, .en): return "column \"\(detail ?? "")\" is unknown and was ignored"
        }
    }

    /// The two readings of an ambiguous code, from `detail` (`64.02|64.07`).
    private func readings(_ lang: Language) -> String {
        let codes = (detail ?? "").split(separator: "|").map(String.init)
        let names = codes.map { code -> String in
            let d = Reference.kaltim.district(code: code)
            return d.map { "\($0.name) (\($0.code))" } ?? code
        }
        guard names.count == 2 else { return names.joined(separator: ", ") }
        return lang == .id ? "Kemendagri \(names[0]) atau BPS \(names[1])"
                           : "Kemendagri \(names[0]) or BPS \(names[1])"
    }

    /// `file baris N: message` (Indonesian) / `file line N: message` (English).
    public func located(_ lang: Language) -> String {
        guard let line else { return "\(file): \(message(lang))" }
        return "\(file) \(lang == .id ? "baris" : "line") \(line): \(message(lang))"
    }
}
