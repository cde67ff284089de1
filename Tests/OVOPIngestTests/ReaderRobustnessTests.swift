import OVOPCore
import Testing

@testable import OVOPIngest

/// A small deterministic generator, so failures reproduce.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Number of physical lines (LF, CRLF, lone CR) in the decoded text.
private func physicalLines(_ bytes: [UInt8]) -> Int {
    let text = TextDecoding.decode(bytes).bytes
    var lines = 1
    var i = 0
    while i < text.count {
        if text[i] == 0x0A {
            lines += 1
        } else if text[i] == 0x0D {
            lines += 1
            if i + 1 < text.count && text[i + 1] == 0x0A { i += 1 }
        }
        i += 1
    }
    return lines
}

private let sampleCSV =
    Array(
        """
        sep=;
        REKAP DATA OVOP
        periode;kode_koperasi;nama_koperasi;kabupaten_kota;desa;produk;kategori;omzet;saluran_pemasaran
        2026-10;KOP-1;"Koperasi ""Maju""; Jaya";Samarinda;Tenun;"Sarung
        Tenun";sandang;Rp 1.250.000;"online|pameran"\r
        2026-10;KOP-2;Jaya;Berau;Gayam;Kopi;pangan;2 jt;

        2026-10;KOP-3;Jaya;Berau;Gayam;Kopi
        """.utf8) + [0x92, 0xE9, 0x0A]

private let sampleJSON = Array(
    """
    [{"periode": "2026-10", "koperasi": {"kode": "K", "nama": "N", "members": 4},
      "produk": [{"nama": "A", "omzet": 12345678901234567890, "channels": ["online", 1]}, "x", []]},
     {"period": "2026-10", "product": "B", "revenue": "Rp 1.000", "note": null}]
    """.utf8)

@Suite("Reader robustness")
struct ReaderRobustnessTests {
    private func check(_ bytes: [UInt8]) {
        let lines = physicalLines(bytes)
        let file = SubmissionReader.read(bytes, format: .csv)
        for record in file.records {
            #expect(record.line >= 1 && record.line <= lines)
            #expect(record.values.count == Field.allCases.count)
        }
        if file.fileError?.code == .emptyFile || (file.fileError?.code == .missingColumn && file.records.isEmpty) {
            #expect(file.records.isEmpty)
        }
        for format in [FileFormat.json, .ndjson] {
            let parsed = SubmissionReader.read(bytes, format: format)
            for (i, record) in parsed.records.enumerated() {
                #expect(record.line == i + 1)
                #expect(record.values.count == Field.allCases.count)
            }
        }
    }

    @Test func randomBytes() {
        var rng = SplitMix64(state: 20_261_001)
        let alphabet: [UInt8] =
            Array(",;\t\"\r\n {}[]:0123456789.-eE\\u".utf8) + [0x92, 0xE9, 0xC2, 0xA0, 0xEF, 0xBB, 0xBF]
        for round in 0..<300 {
            let count = Int.random(in: 0..<200, using: &rng)
            let bytes: [UInt8] = (0..<count).map { _ in
                round % 2 == 0 ? UInt8.random(in: 0...255, using: &rng) : alphabet.randomElement(using: &rng)!
            }
            check(bytes)
        }
    }

    @Test func truncationsOfValidFiles() {
        for sample in [sampleCSV, sampleJSON] {
            for cut in 0...sample.count {
                check(Array(sample[..<cut]))
            }
        }
    }

    @Test func mutationsOfValidFiles() {
        var rng = SplitMix64(state: 7)
        for sample in [sampleCSV, sampleJSON] {
            for _ in 0..<200 {
                var bytes = sample
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let at = Int.random(in: 0..<bytes.count, using: &rng)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                    case 1: bytes.remove(at: at)
                    default: bytes.insert(Array("\"\n;,{[".utf8).randomElement(using: &rng)!, at: at)
                    }
                }
                check(bytes)
            }
        }
    }

    @Test func sampleCSVReadsAsExpected() {
        let file = SubmissionReader.read(sampleCSV, format: .csv)
        #expect(file.fileError == nil)
        #expect(file.fileWarnings.map(\.code) == [.encodingFallback])
        #expect(file.records.map(\.line) == [4, 6, 8])
        #expect(file.records.map(\.defect) == [nil, nil, .malformedRow])
        #expect(file.records[0][.namaKoperasi] == .text("Koperasi \"Maju\"; Jaya"))
        #expect(file.records[0][.saluranPemasaran] == .text("online|pameran"))
        #expect(file.records[1][.saluranPemasaran] == nil)
        #expect(file.records[2][.produk] == .text("Kopi\u{2019}\u{E9}"))
    }
}
