import OVOPCore
import Testing

@testable import OVOPIngest

private func readJSON(_ text: String) -> ParsedFile {
    SubmissionReader.read(Array(text.utf8), format: .json)
}

private func readNDJSON(_ text: String) -> ParsedFile {
    SubmissionReader.read(Array(text.utf8), format: .ndjson)
}

/// The submission object of SPEC 3.
private let specExample = """
    {
      "periode": "2026-10",
      "dikirim_pada": "2026-11-03T09:15:00+08:00",
      "koperasi": {
        "kode": "KOP-6472-0012", "nama": "Koperasi Tenun Sejahtera",
        "kabupaten_kota": "Samarinda", "kecamatan": "Samarinda Seberang",
        "desa": "Tenun", "jumlah_anggota": 48
      },
      "produk": [
        { "nama": "Sarung Tenun Samarinda", "kategori": "sandang",
          "satuan": "lembar", "volume_produksi": 120, "volume_terjual": 96,
          "omzet": 43200000, "nilai_ekspor": 0, "tenaga_kerja": 14,
          "saluran_pemasaran": ["art_shop", "pameran"],
          "sertifikasi": ["hki"] }
      ]
    }
    """

@Suite("JSON reader")
struct JSONReaderTests {
    @Test func flatArray() {
        let file = readJSON(
            """
            [{"periode": "2026-10", "kode_koperasi": "KOP-1", "omzet": "Rp 1.250.000"},
             {"periode": " 2026-11 ", "kode_koperasi": "", "omzet": 12.5, "desa": null}]
            """)
        #expect(file.fileError == nil)
        #expect(file.fileWarnings.isEmpty)
        #expect(file.records.count == 2)
        #expect(file.records.map(\.line) == [1, 2])
        #expect(file.records[0][.omzet] == .text("Rp 1.250.000"))
        #expect(file.records[1][.periode] == .text("2026-11"))
        #expect(file.records[1][.kodeKoperasi] == nil)
        #expect(file.records[1][.omzet] == .number("12.5"))
        #expect(file.records[1][.desa] == nil)
    }

    @Test func singleFlatRecord() {
        let file = readJSON(#"{"Period": "2026-10", "Cooperative ID": "KOP-1", "product": "Sarung", "workers": 3}"#)
        #expect(file.records.count == 1)
        #expect(file.records[0][.periode] == .text("2026-10"))
        #expect(file.records[0][.kodeKoperasi] == .text("KOP-1"))
        #expect(file.records[0][.produk] == .text("Sarung"))
        #expect(file.records[0][.tenagaKerja] == .number("3"))
    }

    @Test func specSubmissionObject() {
        let file = readJSON(specExample)
        #expect(file.fileError == nil)
        #expect(file.fileWarnings.isEmpty)
        #expect(file.records.count == 1)
        let r = file.records[0]
        #expect(r.line == 1)
        #expect(r.defect == nil)
        #expect(r[.periode] == .text("2026-10"))
        #expect(r[.dikirimPada] == .text("2026-11-03T09:15:00+08:00"))
        #expect(r[.kodeKoperasi] == .text("KOP-6472-0012"))
        #expect(r[.namaKoperasi] == .text("Koperasi Tenun Sejahtera"))
        #expect(r[.kabupatenKota] == .text("Samarinda"))
        #expect(r[.kecamatan] == .text("Samarinda Seberang"))
        #expect(r[.desa] == .text("Tenun"))
        #expect(r[.jumlahAnggota] == .number("48"))
        #expect(r[.produk] == .text("Sarung Tenun Samarinda"))
        #expect(r[.kategori] == .text("sandang"))
        #expect(r[.satuan] == .text("lembar"))
        #expect(r[.volumeProduksi] == .number("120"))
        #expect(r[.volumeTerjual] == .number("96"))
        #expect(r[.omzet] == .number("43200000"))
        #expect(r[.nilaiEkspor] == .number("0"))
        #expect(r[.tenagaKerja] == .number("14"))
        #expect(r[.saluranPemasaran] == .list(["art_shop", "pameran"]))
        #expect(r[.sertifikasi] == .list(["hki"]))
    }

    @Test func arrayOfSubmissionObjectsMixedWithFlatRecords() {
        let file = readJSON(
            """
            [\(specExample),
             {"period": "2026-10", "cooperative": {"id": "KOP-2", "name": "Maju", "district": "Berau",
                "subdistrict": "Tanjung Redeb", "village": "Gayam", "members": "30"},
              "products": [{"name": "Kopi", "category": "pangan", "revenue": 5},
                           {"product": "Teh", "units_sold": 7}]},
             {"periode": "2026-09", "produk": "Flat"}]
            """)
        #expect(file.fileError == nil)
        #expect(file.fileWarnings.isEmpty)
        #expect(file.records.count == 4)
        #expect(file.records.map(\.line) == [1, 2, 3, 4])
        let kopi = file.records[1]
        #expect(kopi[.kodeKoperasi] == .text("KOP-2"))
        #expect(kopi[.namaKoperasi] == .text("Maju"))
        #expect(kopi[.kabupatenKota] == .text("Berau"))
        #expect(kopi[.kecamatan] == .text("Tanjung Redeb"))
        #expect(kopi[.desa] == .text("Gayam"))
        #expect(kopi[.jumlahAnggota] == .text("30"))
        #expect(kopi[.produk] == .text("Kopi"))
        #expect(kopi[.omzet] == .number("5"))
        #expect(file.records[2][.produk] == .text("Teh"))
        #expect(file.records[2][.periode] == .text("2026-10"))
        #expect(file.records[2][.volumeTerjual] == .number("7"))
        #expect(file.records[3][.produk] == .text("Flat"))
    }

    @Test func productOverridesCooperativeOverridesTop() {
        let file = readJSON(
            """
            {"desa": "Top", "kecamatan": "TopKec", "satuan": "kg", "kode_koperasi": "TOP",
             "koperasi": {"desa": "Coop", "kode": "COOP", "kecamatan": null},
             "produk": [{"desa": "Prod", "nama": "A"}, {"nama": "B", "satuan": ""}, {"produk": "C", "kode_koperasi": "P"}]}
            """)
        #expect(file.records.count == 3)
        #expect(file.records.map { $0[.desa] } == [.text("Prod"), .text("Coop"), .text("Coop")])
        #expect(file.records.map { $0[.kecamatan] } == Array(repeating: .text("TopKec"), count: 3))
        #expect(file.records.map { $0[.satuan] } == Array(repeating: .text("kg"), count: 3))
        #expect(file.records.map { $0[.kodeKoperasi] } == [.text("COOP"), .text("COOP"), .text("P")])
        #expect(file.records.map { $0[.produk] } == [.text("A"), .text("B"), .text("C")])
    }

    @Test func submissionWithoutProductsGivesOneRecord() {
        let file = readJSON(#"{"periode": "2026-10", "koperasi": {"kode": "K", "nama": "N"}}"#)
        #expect(file.records.count == 1)
        #expect(file.records[0][.kodeKoperasi] == .text("K"))
        #expect(file.records[0][.namaKoperasi] == .text("N"))
    }

    @Test func emptyProductsGiveNoRecord() {
        let file = readJSON(
            """
            [{"periode": "2026-10", "koperasi": {"kode": "K"}, "produk": []},
             {"periode": "2026-10", "produk": [{"nama": "X"}]}]
            """)
        #expect(file.fileError == nil)
        #expect(file.records.count == 1)
        #expect(file.records[0].line == 1)
        #expect(file.records[0][.produk] == .text("X"))
        #expect(readJSON("[]").records.isEmpty)
        #expect(readJSON("[]").fileError == nil)
    }

    @Test func nonObjectElementsAndProducts() {
        let file = readJSON(
            """
            [{"periode": "2026-10"}, "oops", 12, null, [1, 2],
             {"produk": [{"nama": "A"}, "B", {"nama": "C"}]}]
            """)
        #expect(file.fileError == nil)
        #expect(file.records.count == 8)
        #expect(file.records.map(\.line) == Array(1...8))
        #expect(
            file.records.map(\.defect)
                == [nil, .invalidJSON, .invalidJSON, .invalidJSON, .invalidJSON, nil, .invalidJSON, nil])
        #expect(file.records[1].rawText == #""oops""#)
        #expect(file.records[2].rawText == "12")
        #expect(file.records[3].rawText == "null")
        #expect(file.records[4].rawText == "[1,2]")
        #expect(file.records[6].rawText == #""B""#)
        #expect(file.records[7][.produk] == .text("C"))
    }

    @Test func longRawTextIsTruncated() {
        let long = String(repeating: "x", count: 5000)
        let file = readJSON("[\"\(long)\"]")
        #expect(file.records[0].rawText!.count <= 202)
    }

    @Test func unknownKeysWarnedOncePerNormalisedKey() {
        let file = readJSON(
            """
            [{"periode": "2026-10", "Catatan": "a", "koperasi": {"kode": "K", "Alamat": "x"},
              "produk": [{"nama": "A", "catatan": "b", "kode": "P"}]},
             {"CATATAN": "c", "produk": "Flat", "products": "also flat"}]
            """)
        #expect(file.fileWarnings.map(\.code) == [.unknownColumn, .unknownColumn, .unknownColumn])
        #expect(file.fileWarnings.map(\.detail) == ["Catatan", "Alamat", "kode"])
        #expect(file.records.count == 2)
        #expect(file.records[1][.produk] == .text("Flat"))
    }

    @Test func valueShapes() {
        let file = readJSON(
            """
            {"omzet": {"a": 1}, "saluran_pemasaran": ["online", 5, true, null, " ", " ekspor "],
             "sertifikasi": [["hki"]], "kategori": true, "satuan": false, "desa": [], "produk": "  ",
             "kecamatan": "Sungai\\tKunjang \\u00e9\\ud83d\\ude00"}
            """)
        let r = file.records[0]
        #expect(r[.omzet] == .invalid(#"{"a":1}"#))
        #expect(r[.saluranPemasaran] == .list(["online", "5", "true", "ekspor"]))
        #expect(r[.sertifikasi] == .invalid(#"[["hki"]]"#))
        #expect(r[.kategori] == .text("true"))
        #expect(r[.satuan] == .text("false"))
        #expect(r[.desa] == nil)
        #expect(r[.produk] == nil)
        #expect(r[.kecamatan] == .text("Sungai\tKunjang é😀"))
    }

    @Test func exactNumberLiterals() {
        let file = readJSON(
            #"[{"omzet": 43200000, "volume_produksi": 12.5, "nilai_ekspor": 12345678901234567890, "tenaga_kerja": -0, "jumlah_anggota": 1E3, "volume_terjual": 0.10}]"#
        )
        let r = file.records[0]
        #expect(r[.omzet] == .number("43200000"))
        #expect(r[.volumeProduksi] == .number("12.5"))
        #expect(r[.nilaiEkspor] == .number("12345678901234567890"))
        #expect(r[.tenagaKerja] == .number("-0"))
        #expect(r[.jumlahAnggota] == .number("1E3"))
        #expect(r[.volumeTerjual] == .number("0.10"))
    }

    @Test(arguments: [
        "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "[01]", "[1.]", "[+1]", "[NaN]", "{'a': 1}",
        "[\"tab\there\"]", "[\"\\x\"]", "[tru]", "{} {}", "[1] x", "\"unterminated", "[\"\\u12\"]",
        "{\"a\":1}\n{\"b\":2}",
    ])
    func syntaxErrorsRejectTheFile(_ text: String) {
        let file = readJSON(text)
        #expect(file.fileError?.code == .invalidJSON)
        #expect(file.records.isEmpty)
    }

    @Test func syntaxErrorDetailNamesPosition() {
        let file = readJSON("[\n  {\"periode\": \"2026-10\",}\n]")
        #expect(file.fileError?.detail == "line 2, column 25: unexpected '}', expected a member name")
    }

    @Test func scalarDocumentIsInvalid() {
        #expect(readJSON("42").fileError?.code == .invalidJSON)
        #expect(readJSON("\"x\"").fileError?.code == .invalidJSON)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(readJSON(deep).fileError?.code == .invalidJSON)
        let balanced = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(readJSON(balanced).fileError?.code == .invalidJSON)
        let objects = String(repeating: "{\"a\":", count: 100_000)
        #expect(readJSON(objects).fileError?.code == .invalidJSON)
        let nd = readNDJSON(deep + "\n{\"periode\": \"2026-10\"}\n")
        #expect(nd.records.map(\.defect) == [.invalidJSON, nil])
        // Up to the limit is fine.
        let ok = "[" + String(repeating: "[", count: 62) + String(repeating: "]", count: 62) + "]"
        #expect(readJSON(ok).fileError == nil)
    }

    @Test func windows1252InJSON() {
        let bytes = Array(#"{"desa": "Caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        let file = SubmissionReader.read(bytes, format: .json)
        #expect(file.fileWarnings.map(\.code) == [.encodingFallback])
        #expect(file.records[0][.desa] == .text("Café"))
        let bom = SubmissionReader.read([0xEF, 0xBB, 0xBF] + Array(#"{"desa": "x"}"#.utf8), format: .json)
        #expect(bom.fileError == nil)
        #expect(bom.records.count == 1)
    }

    @Test func ndjsonWithABadLineInTheMiddle() {
        let file = readNDJSON(
            """
            {"periode": "2026-10", "produk": "A"}

            {"periode": "2026-10", "produk": "B",}
            \(specExample.split(separator: "\n").joined(separator: " "))
            [1, 2]
            {"periode": "2026-10", "produk": [{"nama": "C"}, {"nama": "D"}]}\r
            {"periode": "2026-10", "produk": []}
            """)
        #expect(file.fileError == nil)
        #expect(file.records.count == 6)
        #expect(file.records.map(\.line) == Array(1...6))
        #expect(file.records.map(\.defect) == [nil, .invalidJSON, nil, .invalidJSON, nil, nil])
        #expect(file.records[1].rawText == #"{"periode": "2026-10", "produk": "B",}"#)
        #expect(file.records[2][.omzet] == .number("43200000"))
        #expect(file.records[3].rawText == "[1, 2]")
        #expect(
            file.records.map { $0[.produk] }
                == [.text("A"), nil, .text("Sarung Tenun Samarinda"), nil, .text("C"), .text("D")])
    }
}
