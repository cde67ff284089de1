import Foundation
import OVOPCore
import Testing
@testable import OVOPIngest

/// 2026-11-15 12:00 WITA: "now" for these tests.
let testNow: Int64 = (Clock.days(fromCivil: 2026, 11, 15) * 86_400 + 4 * 3600) * 1_000_000

let canonicalHeader = Field.allCases.map(\.rawValue).joined(separator: ",")

func validateCSV(_ text: String, now: Int64 = testNow, codes: CodeSystem = .auto) -> ValidatedFile {
    let parsed = SubmissionReader.read(Array(text.utf8), format: .csv)
    return Validator.validate(parsed, path: "f.csv", sha256: "x",
                              context: IngestContext(nowMicros: now, codeSystem: codes))
}

func validateJSON(_ text: String, format: FileFormat = .json) -> ValidatedFile {
    let parsed = SubmissionReader.read(Array(text.utf8), format: format)
    return Validator.validate(parsed, path: "f.json", sha256: "x", context: IngestContext(nowMicros: testNow))
}

/// A canonical CSV line with fields overridden by name.
func row(_ overrides: [Field: String] = [:]) -> String {
    let base: [Field: String] = [
        .periode: "2026-10", .kodeKoperasi: "KOP-1", .namaKoperasi: "Koperasi Tenun", .kabupatenKota: "Samarinda",
        .kecamatan: "Samarinda Seberang", .desa: "Tenun", .produk: "Sarung Tenun", .kategori: "sandang",
        .satuan: "lembar", .volumeProduksi: "120", .volumeTerjual: "96", .omzet: "43200000", .nilaiEkspor: "0",
        .jumlahAnggota: "48", .tenagaKerja: "14", .saluranPemasaran: "art_shop|pameran", .sertifikasi: "hki",
        .dikirimPada: "2026-11-03T09:15:00+08:00",
    ]
    return Field.allCases.map { f in
        let v = overrides[f] ?? base[f] ?? ""
        return v.contains(",") || v.contains("\"") ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
    }.joined(separator: ",")
}

func csv(_ rows: [String]) -> String { ([canonicalHeader] + rows).joined(separator: "\n") + "\n" }

func codes(_ v: LineVerdict) -> Set<DiagnosticCode> { Set(v.errors.map(\.code)) }
func warningCodes(_ v: LineVerdict) -> [DiagnosticCode] { v.warnings.map(\.code).sorted() }

@Suite("Validation of lines (SPEC 3, 4, 11)")
struct ValidatorTests {
    @Test func canonicalLineIsAccepted() throws {
        let file = validateCSV(csv([row()]))
        let line = try #require(file.lines.first?.accepted)
        #expect(line.period == Period(year: 2026, month: 10))
        #expect(line.district.code == "64.72")
        #expect(line.revenue == 43_200_000)
        #expect(line.exportRevenue == 0)
        #expect(line.channels == [.artShop, .pameran])
        #expect(line.certifications == [.hki])
        #expect(line.members == 48 && line.workers == 14)
        #expect(line.submittedAt?.iso8601 == "2026-11-03T09:15:00+08:00")
        #expect(file.lines[0].warnings.isEmpty)
        #expect(file.read == 1 && file.acceptedCount == 1 && file.rejectedCount == 0)
    }

    @Test(arguments: [
        (Field.omzet, "", DiagnosticCode.missingField),
        (.desa, "", .missingField),
        (.omzet, "abc", .invalidNumber),
        (.omzet, "(5.000)", .invalidNumber),
        (.omzet, "-5.000", .negativeValue),
        (.tenagaKerja, "12,5", .invalidNumber),
        (.jumlahAnggota, "5 orang", .invalidNumber),
        (.volumeProduksi, "-1", .negativeValue),
        (.periode, "13/2026", .invalidPeriod),
        (.periode, "Okt 26", .invalidPeriod),
        (.dikirimPada, "31/02/2026", .invalidDate),
        (.kabupatenKota, "Tenggarong", .unknownDistrict),
        (.kabupatenKota, "64.04", .unknownDistrict),
        (.kategori, "elektronik", .unknownCategory),
        (.nilaiEkspor, "50000000", .exportExceedsRevenue),
    ])
    func eachErrorRejectsTheLine(field: Field, value: String, expected: DiagnosticCode) {
        let verdict = validateCSV(csv([row([field: value])])).lines[0]
        #expect(!verdict.isAccepted)
        #expect(codes(verdict) == [expected])
        #expect(verdict.errors.first?.field == field)
    }

    @Test func aLineGetsEveryErrorThatApplies() {
        let verdict = validateCSV(csv([row([.omzet: "abc", .kategori: "x", .periode: "bulan lalu"])])).lines[0]
        #expect(codes(verdict) == [.invalidNumber, .unknownCategory, .invalidPeriod])
    }

    @Test func exportCheckRunsOnlyWhenBothParse() {
        let verdict = validateCSV(csv([row([.omzet: "abc", .nilaiEkspor: "999999999999"])])).lines[0]
        #expect(codes(verdict) == [.invalidNumber])
    }

    @Test func ambiguousDistrictCode() {
        let undecided = validateCSV(csv([row([.kabupatenKota: "6402", .kecamatan: ""])])).lines[0]
        #expect(codes(undecided) == [.ambiguousDistrictCode])
        #expect(undecided.errors[0].message(.id).contains("Kutai Kartanegara"))
        #expect(undecided.errors[0].message(.id).contains("Kutai Barat"))
        // Loa Janan is a kecamatan of Kutai Kartanegara only: Kemendagri reading.
        let decided = validateCSV(csv([row([.kabupatenKota: "6402", .kecamatan: "Loa Janan"])])).lines[0]
        #expect(decided.accepted?.district.code == "64.02")
        // Under a BPS template setting, 6402 is Kutai Barat.
        let bps = validateCSV(csv([row([.kabupatenKota: "6402", .kecamatan: ""])]), codes: .bps).lines[0]
        #expect(bps.accepted?.district.code == "64.07")
    }

    @Test func warningsKeepTheLine() {
        let file = validateCSV(csv([
            row([.volumeProduksi: "10", .volumeTerjual: "12"]),
            row([.kodeKoperasi: "K2", .saluranPemasaran: "art_shop|tokopedia|shopee", .sertifikasi: "halal|iso"]),
            row([.kodeKoperasi: "K3", .kecamatan: "Loa Janan"]),
            row([.kodeKoperasi: "K4", .periode: "2026-12"]),
        ]))
        #expect(file.lines.allSatisfy { $0.isAccepted })
        #expect(warningCodes(file.lines[0]) == [.soldExceedsProduced])
        #expect(warningCodes(file.lines[1]) == [.unknownCertification, .unknownChannel, .unknownChannel])
        #expect(file.lines[1].accepted?.channels == [.artShop])
        #expect(warningCodes(file.lines[2]) == [.unknownSubdistrict])
        #expect(warningCodes(file.lines[3]) == [.futurePeriod])
    }

    @Test func onlyUnknownCertificationIsNotCertified() {
        let line = validateCSV(csv([row([.sertifikasi: "ISO 9001"])])).lines[0]
        #expect(line.accepted?.certifications.isEmpty == true)
    }

    @Test func englishSpreadsheetReadsRight() throws {
        let header = "Period,Cooperative ID,Cooperative Name,District,Village,Product,Category,Units Produced,Revenue,Submitted At"
        let text = header + "\n"
            + "Oct-26,K1,Koperasi A,Samarinda,Tenun,Sarung,sandang,\"1,200.00\",\"Rp 43,200,000\",10/30/2026\n"
            + "Oct-26,K2,Koperasi B,Samarinda,Tenun,Amplang,pangan,\"1,250\",\"1,250\",10/3/2026 9:15\n"
        let file = validateCSV(text)
        #expect(file.convention == .english)
        #expect(file.dateOrder == .monthFirst)
        let a = try #require(file.lines[0].accepted)
        #expect(a.revenue == 43_200_000 && a.unitsProduced == 1200)
        #expect(a.submittedAt?.iso8601 == "2026-10-30T00:00:00+08:00")
        let b = try #require(file.lines[1].accepted)
        #expect(b.revenue == 1250 && b.unitsProduced == 1250)
        #expect(b.submittedAt?.iso8601 == "2026-10-03T09:15:00+08:00")
    }

    @Test func indonesianFileKeepsItsConvention() throws {
        let file = validateCSV(csv([
            row([.omzet: "Rp 1.250.000,00", .volumeProduksi: "1,250", .volumeTerjual: "1"]),
            row([.kodeKoperasi: "K2", .omzet: "1,250"]),
        ]))
        #expect(file.convention == .indonesian)
        #expect(file.lines[0].accepted?.revenue == 1_250_000)
        #expect(file.lines[0].accepted?.unitsProduced == Decimal(string: "1.25"))
        #expect(file.lines[1].accepted?.revenue == 1250)
    }

    @Test func mixedEvidenceRejectsTheEnglishValues() {
        let file = validateCSV(csv([
            row([.omzet: "1.250.000"]),
            row([.kodeKoperasi: "K2", .omzet: "43,200,000"]),
        ]))
        #expect(file.convention == .indonesian)
        #expect(file.lines[0].isAccepted)
        #expect(codes(file.lines[1]) == [.invalidNumber])
    }

    @Test func multipliersAreNotEvidence() {
        let file = validateCSV(csv([row([.omzet: "6,542 jt"])]))
        #expect(file.convention == .indonesian)
        #expect(file.lines[0].accepted?.revenue == 6_542_000)
    }

    @Test func dateOrderFromADayAbove12() {
        let file = validateCSV(csv([
            row([.dikirimPada: "13/11/2026"]),
            row([.kodeKoperasi: "K2", .dikirimPada: "03/11/2026 09.15"]),
        ]))
        #expect(file.dateOrder == .dayFirst)
        #expect(file.lines[1].accepted?.submittedAt?.iso8601 == "2026-11-03T09:15:00+08:00")
    }

    @Test func dateOrderFromPlausibility() {
        // 11/3/2026 is 3 November (after the period began) month first, 11 March day first.
        let file = validateCSV(csv([row([.dikirimPada: "11/3/2026 9:15"])]))
        #expect(file.dateOrder == .monthFirst)
        // With no evidence at all, day first.
        let none = validateCSV(csv([row([.dikirimPada: "2026-11-03"])]))
        #expect(none.dateOrder == .dayFirst)
    }

    @Test func missingColumnRejectsEveryRecord() {
        let header = canonicalHeader.replacingOccurrences(of: ",omzet,", with: ",")
        let body = Field.allCases.filter { $0 != .omzet }.map { _ in "x" }.joined(separator: ",")
        let file = validateCSV(header + "\n" + body + "\n" + body + "\n\n")
        #expect(file.status == .rejected)
        #expect(file.fileError?.code == .missingColumn)
        #expect(file.read == 2 && file.rejectedCount == 2)
        #expect(file.lines.allSatisfy { codes($0) == [.missingField] && $0.period == nil })
    }

    @Test func malformedRowIsRejectedAndLocated() {
        let file = validateCSV(csv([row(), "2026-10,K2,too,few"]))
        #expect(file.lines[1].line == 3)
        #expect(codes(file.lines[1]) == [.malformedRow])
        #expect(file.lines[1].period == Period(year: 2026, month: 10))
    }

    @Test func rejectedLinesKeepTheirRawValues() {
        let verdict = validateCSV(csv([row([.omzet: "abc", .namaKoperasi: "Kop X"])])).lines[0]
        #expect(verdict.raw[Field.omzet.ordinal] == "abc" && verdict.raw[Field.namaKoperasi.ordinal] == "Kop X")
        #expect(verdict.raw.count == Field.allCases.count)
    }

    @Test func messagesNameFileLineFieldAndValue() {
        let verdict = validateCSV(csv([row(), row([.omzet: "abc"])])).lines[1]
        #expect(verdict.errors[0].located(.id) == "f.csv baris 3: omzet \"abc\" bukan angka yang sah")
        #expect(verdict.errors[0].located(.en) == "f.csv line 3: revenue \"abc\" is not a valid number")
    }

    @Test func jsonSubmissionObject() throws {
        let text = """
            {"periode": "2026-10", "dikirim_pada": "2026-11-03T09:15:00+08:00",
             "koperasi": {"kode": "KOP-6472-0012", "nama": "Koperasi Tenun Sejahtera", "kabupaten_kota": "Samarinda",
                          "kecamatan": "Samarinda Seberang", "desa": "Tenun", "jumlah_anggota": 48},
             "produk": [{"nama": "Sarung Tenun Samarinda", "kategori": "sandang", "satuan": "lembar",
                         "volume_produksi": 120, "volume_terjual": 96, "omzet": 43200000, "nilai_ekspor": 0,
                         "tenaga_kerja": 14, "saluran_pemasaran": ["art_shop", "pameran"], "sertifikasi": ["hki"]},
                        {"nama": "Amplang", "kategori": "Pangan", "omzet": "Rp 1.250.000", "tenaga_kerja": -2}]}
            """
        let file = validateJSON(text)
        let a = try #require(file.lines[0].accepted)
        #expect(a.cooperativeID == "KOP-6472-0012" && a.product == "Sarung Tenun Samarinda" && a.members == 48)
        #expect(a.revenue == 43_200_000 && a.channels == [.artShop, .pameran])
        #expect(codes(file.lines[1]) == [.negativeValue])
    }

    @Test func jsonNumbersAreExact() throws {
        #expect(try Validator.readJSONNumber("12.5", kind: .rupiah).get() == 13)
        #expect(try Validator.readJSONNumber("1e3", kind: .integer).get() == 1000)
        #expect(throws: NumberReadError.invalidNumber) { try Validator.readJSONNumber("12.5", kind: .integer).get() }
        #expect(throws: NumberReadError.negativeValue) { try Validator.readJSONNumber("-3", kind: .decimal).get() }
        #expect(throws: NumberReadError.invalidNumber) {
            try Validator.readJSONNumber("123456789012345678901234567890", kind: .rupiah).get()
        }
    }
}
