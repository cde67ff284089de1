import OVOPCore
import Testing

@testable import OVOPIngest

/// Reads a CSV text given as a string.
private func readCSV(_ text: String) -> ParsedFile {
    SubmissionReader.read(Array(text.utf8), format: .csv)
}

private let header =
    "periode,kode_koperasi,nama_koperasi,kabupaten_kota,desa,produk,kategori,omzet"
private let row = "2026-10,KOP-1,Koperasi Maju,Samarinda,Tenun,Sarung,sandang,1250000"

@Suite("CSV reader")
struct CSVReaderTests {
    @Test func readsSimpleFile() {
        let file = readCSV(header + "\n" + row + "\n")
        #expect(file.fileError == nil)
        #expect(file.fileWarnings.isEmpty)
        #expect(file.records.count == 1)
        let r = file.records[0]
        #expect(r.line == 2)
        #expect(r.defect == nil)
        #expect(r.rawText == nil)
        #expect(r[.periode] == .text("2026-10"))
        #expect(r[.omzet] == .text("1250000"))
        #expect(r[.kecamatan] == nil)
    }

    @Test func stripsByteOrderMark() {
        let file = SubmissionReader.read([0xEF, 0xBB, 0xBF] + Array((header + "\n" + row).utf8), format: .csv)
        #expect(file.fileError == nil)
        #expect(file.records.count == 1)
        #expect(file.records[0][.periode] == .text("2026-10"))
    }

    @Test func fallsBackToWindows1252() {
        // 0x92 is a right single quote, 0xE9 is é, 0x80 the euro sign, 0x81 undefined.
        var bytes = Array((header + "\n").utf8)
        bytes += Array("2026-10,KOP-1,Koperasi Ma".utf8) + [0x92] + Array("ruf Caf".utf8) + [0xE9]
        bytes += Array(",Samarinda,Tenun,".utf8) + [0x80, 0x81] + Array(",sandang,1\n".utf8)
        let file = SubmissionReader.read(bytes, format: .csv)
        #expect(file.fileWarnings.count == 1)
        #expect(file.fileWarnings.first?.code == .encodingFallback)
        #expect(file.records.count == 1)
        #expect(file.records[0][.namaKoperasi] == .text("Koperasi Ma\u{2019}ruf Caf\u{E9}"))
        #expect(file.records[0][.produk] == .text("\u{20AC}\u{81}"))
    }

    @Test func windows1252TableIsComplete() {
        let decoded = TextDecoding.windows1252ToUTF8(ArraySlice((0x80...0xFF).map { UInt8($0) }))
        let scalars = Array(String(decoding: decoded, as: UTF8.self).unicodeScalars.map(\.value))
        #expect(scalars.count == 128)
        #expect(scalars[0x85 - 0x80] == 0x2026)
        #expect(scalars[0x8D - 0x80] == 0x8D)
        #expect(scalars[0x9F - 0x80] == 0x178)
        #expect(scalars[0xA0 - 0x80] == 0xA0)
        #expect(scalars[0x7F] == 0xFF)
    }

    @Test(arguments: [",", ";", "\t"])
    func detectsEachDelimiter(_ d: String) {
        let text =
            header.replacingOccurrences(",", with: d) + "\n"
            + row.replacingOccurrences(",", with: d) + "\n"
        let file = readCSV(text)
        #expect(file.fileError == nil)
        #expect(file.records.count == 1)
        #expect(file.records[0][.omzet] == .text("1250000"))
        #expect(file.records[0].defect == nil)
    }

    @Test func semicolonFileWithCommasInValues() {
        // `;` yields 8 known names, `,` none: the semicolon wins.
        let text =
            header.replacingOccurrences(",", with: ";") + "\n"
            + "2026-10;KOP-1;Koperasi, Maju;Samarinda;Tenun;Sarung;sandang;1,25 jt\n"
        let file = readCSV(text)
        #expect(file.records.count == 1)
        #expect(file.records[0][.namaKoperasi] == .text("Koperasi, Maju"))
        #expect(file.records[0][.omzet] == .text("1,25 jt"))
    }

    @Test func mostKnownNamesWin() {
        // `,` → periode, desa, omzet (3); `;` → produk, kategori, satuan, revenue (4).
        let file = readCSV("periode,desa,omzet,a;produk;kategori;satuan;revenue\n1,2,3,4;5;6;7;8\n")
        #expect(file.records.count == 1)
        #expect(file.records[0][.produk] == .text("5"))
        #expect(file.records[0][.omzet] == .text("8"))
        #expect(file.records[0][.periode] == nil)
        // A repeated name counts once: `;` → produk, kategori, satuan (unit = satuan): a tie.
        let repeated = readCSV("periode,desa,omzet,a;produk;kategori;satuan;unit\n1,2,3,4;5;6;7;8\n")
        #expect(repeated.records.first?[.periode] == .text("1"))
    }

    @Test func tiesGoToCommaThenSemicolon() {
        // `,` → periode, desa, omzet; `;` → produk, kategori, satuan: 3 each, comma wins.
        let file = readCSV("periode,desa,omzet,a;produk;kategori;satuan\n1,2,3,4;5;6;7\n")
        #expect(file.records.count == 1)
        #expect(file.records[0][.periode] == .text("1"))
        #expect(file.records[0][.omzet] == .text("3"))
        #expect(file.records[0][.produk] == nil)
        #expect(file.records[0].defect == nil)
        #expect(file.fileWarnings.map(\.detail) == ["a;produk;kategori;satuan"])
        // `;` beats tab on a tie.
        let st = readCSV("periode;desa;omzet;a\tproduk\tkategori\tsatuan\n1;2;3;4\t5\t6\t7\n")
        #expect(st.records.first?[.periode] == .text("1"))
        #expect(st.records.first?[.kategori] == nil)
    }

    @Test func fewerThanThreeKnownNamesIsNoHeader() {
        let file = readCSV("periode,desa,catatan\n1,2,3\nperiode,desa,produk\n1,2,3\n")
        #expect(file.fileWarnings.isEmpty)
        #expect(file.records.map(\.line) == [4])
    }

    @Test func excelSeparatorLineFixesDelimiter() {
        let text =
            "sep=;\n" + header.replacingOccurrences(",", with: ";") + "\n"
            + row.replacingOccurrences(",", with: ";") + "\n"
        let file = readCSV(text)
        #expect(file.fileError == nil)
        #expect(file.records.count == 1)
        #expect(file.records[0].line == 3)
        // The separator line wins even where another delimiter would find more names.
        let fixed = readCSV("sep=,\n" + header.replacingOccurrences(",", with: ";") + "\n")
        #expect(fixed.fileError?.code == .missingColumn)
        let tab = readCSV(
            "SEP=\t\r\n" + header.replacingOccurrences(",", with: "\t") + "\r\n"
                + row.replacingOccurrences(",", with: "\t"))
        #expect(tab.records.first?[.desa] == .text("Tenun"))
        #expect(tab.records.first?.line == 3)
    }

    @Test func skipsTitleRowsAboveHeader() {
        let text = "REKAP DATA OVOP KALTIM OKTOBER 2026\nDinas Koperasi, UKM\n\n" + header + "\n" + row + "\n"
        let file = readCSV(text)
        #expect(file.fileError == nil)
        #expect(file.records.count == 1)
        #expect(file.records[0].line == 5)
    }

    @Test func headerMustBeWithinTenNonBlankLines() {
        let titles = (1...10).map { "judul \($0)" }.joined(separator: "\n")
        #expect(readCSV(titles + "\n" + header + "\n" + row).fileError?.code == .missingColumn)
        #expect(readCSV(titles + "\n" + header + "\n" + row).records.isEmpty)
        let nine = (1...9).map { "judul \($0)" }.joined(separator: "\n\n\n")
        let file = readCSV(nine + "\n" + header + "\n" + row)
        #expect(file.fileError == nil)
        #expect(file.records.first?.line == 27)
    }

    @Test func noHeaderRejectsFile() {
        let file = readCSV("a,b,c\n1,2,3\n")
        #expect(file.fileError?.code == .missingColumn)
        #expect(
            file.fileError?.detail
                == "periode, kode_koperasi, nama_koperasi, kabupaten_kota, desa, produk, kategori, omzet")
        #expect(file.records.isEmpty)
    }

    @Test func aliasesHeaderNames() {
        let text =
            " Period ,COOPERATIVE ID,cooperative-name,District,village,Product,  category ,Revenue,"
            + "Units  Produced,Kabupaten/Kota,sub-district\n"
            + "2026-10,KOP-1,Maju,Samarinda,Tenun,Sarung,sandang,1,5,Samarinda,x\n"
        let file = readCSV(text)
        #expect(file.fileError == nil)
        #expect(file.records.count == 1)
        let r = file.records[0]
        #expect(r[.kodeKoperasi] == .text("KOP-1"))
        #expect(r[.namaKoperasi] == .text("Maju"))
        #expect(r[.volumeProduksi] == .text("5"))
        #expect(r[.kabupatenKota] == .text("Samarinda"))
        #expect(file.fileWarnings.map(\.code) == [.unknownColumn, .unknownColumn])
        #expect(file.fileWarnings.map(\.detail) == ["Kabupaten/Kota", "sub-district"])
    }

    @Test func repeatedColumnFirstWinsAndUnknownWarnedOnce() {
        let text = header + ",omzet,Catatan,catatan,,CATATAN\n" + row + ",999,a,b,,c\n"
        let file = readCSV(text)
        #expect(file.records.count == 1)
        #expect(file.records[0][.omzet] == .text("1250000"))
        #expect(file.records[0].defect == nil)
        #expect(file.fileWarnings.count == 1)
        #expect(file.fileWarnings[0].detail == "Catatan")
    }

    @Test func emptyHeaderCellsCountAsCells() {
        let text = header + ",\n" + row + "\n" + row + ",\n"
        let file = readCSV(text)
        #expect(file.fileWarnings.isEmpty)
        #expect(file.records.map(\.defect) == [.malformedRow, nil])
    }

    @Test func quotedCells() {
        let text =
            header + "\n"
            + "2026-10,KOP-1,\"Koperasi \"\"Maju\"\", Jaya\",Samarinda,Tenun,\"Sarung\nTenun\",sandang,\"1,250,000\"\n"
            + row + "\n"
        let file = readCSV(text)
        #expect(file.records.count == 2)
        #expect(file.records[0][.namaKoperasi] == .text("Koperasi \"Maju\", Jaya"))
        #expect(file.records[0][.produk] == .text("Sarung\nTenun"))
        #expect(file.records[0][.omzet] == .text("1,250,000"))
        #expect(file.records[0].line == 2)
        #expect(file.records[1].line == 4)
        #expect(file.records.allSatisfy { $0.defect == nil })
    }

    @Test func quoteInsideUnquotedCellIsLiteral() {
        let file = readCSV(header + "\n2026-10,KOP-1,Koperasi 5\" Maju,Samarinda,Tenun,\"Sarung\" Tenun,sandang,1\n")
        #expect(file.records.count == 1)
        #expect(file.records[0][.namaKoperasi] == .text("Koperasi 5\" Maju"))
        #expect(file.records[0][.produk] == .text("Sarung Tenun"))
        #expect(file.records[0].defect == nil)
    }

    @Test func lineEndsAndLineNumbers() {
        let crlf = readCSV(header + "\r\n" + row + "\r\n\r\n" + row + "\r\n")
        #expect(crlf.records.map(\.line) == [2, 4])
        #expect(crlf.records[0][.omzet] == .text("1250000"))
        let cr = readCSV(header + "\r" + row + "\r\r" + row)
        #expect(cr.records.map(\.line) == [2, 4])
        let quotedCRLF = readCSV(header + "\r\n2026-10,KOP-1,\"a\r\nb\r\nc\",S,T,P,pangan,1\r\n" + row)
        #expect(quotedCRLF.records.map(\.line) == [2, 5])
        #expect(quotedCRLF.records[0][.namaKoperasi] == .text("a\r\nb\r\nc"))
    }

    @Test func blankRecordsAreSkipped() {
        let text = "\n\n" + header + "\n\n,,,,,,,\n  ,\u{A0}, ,\"\",,,,\n" + row + "\n\n"
        let file = readCSV(text)
        #expect(file.records.count == 1)
        #expect(file.records[0].line == 7)
    }

    @Test func cellsAreTrimmed() {
        let text = header + "\n 2026-10 ,\u{A0}KOP-1\u{202F},\" Maju \",\t,Tenun,Sarung,sandang,1\n"
        let r = readCSV(text).records[0]
        #expect(r[.periode] == .text("2026-10"))
        #expect(r[.kodeKoperasi] == .text("KOP-1"))
        #expect(r[.namaKoperasi] == .text("Maju"))
        #expect(r[.kabupatenKota] == nil)
        let wide = readCSV(header + "\n\u{3000}2026-10\u{2003}\u{205F},K\u{1680},N\u{85},\u{2028}S\u{2029},T,P,pangan,1\n")
        #expect(wide.records.first?[.periode] == .text("2026-10"))
        #expect(wide.records.first?[.kodeKoperasi] == .text("K"))
        #expect(wide.records.first?[.namaKoperasi] == .text("N"))
        #expect(wide.records.first?[.kabupatenKota] == .text("S"))
        // Not white space: kept.
        let zw = readCSV(header + "\n2026-10\u{200B},K\u{2030},N,S,T,P,pangan,1\n")
        #expect(zw.records.first?[.periode] == .text("2026-10\u{200B}"))
        #expect(zw.records.first?[.kodeKoperasi] == .text("K\u{2030}"))
    }

    @Test func malformedRows() {
        let text =
            header + "\n"
            + "2026-10,KOP-1,Maju,Samarinda\n"
            + row + ",extra,more\n"
            + row + "\n"
        let file = readCSV(text)
        #expect(file.records.count == 3)
        let short = file.records[0]
        #expect(short.defect == .malformedRow)
        #expect(short.rawText == "2026-10,KOP-1,Maju,Samarinda")
        #expect(short[.kabupatenKota] == .text("Samarinda"))
        #expect(short[.desa] == nil)
        let long = file.records[1]
        #expect(long.defect == .malformedRow)
        #expect(long.rawText == row + ",extra,more")
        #expect(long[.omzet] == .text("1250000"))
        #expect(file.records[2].defect == nil)
        #expect(file.records.map(\.line) == [2, 3, 4])
    }

    @Test func openQuoteAtEndOfFile() {
        let text = header + "\n" + row + "\n2026-10,KOP-1,\"Maju,Samarinda\nTenun,Sarung\n"
        let file = readCSV(text)
        #expect(file.records.count == 2)
        #expect(file.records[1].defect == .malformedRow)
        #expect(file.records[1].line == 3)
        #expect(file.records[1][.namaKoperasi] == .text("Maju,Samarinda\nTenun,Sarung"))
        #expect(file.records[1].rawText != nil)
        let lone = readCSV(header + "\n\"")
        #expect(lone.records.map(\.defect) == [.malformedRow])
    }

    @Test func missingRequiredColumnStillReturnsRecords() {
        let text =
            "periode,kode_koperasi,nama_koperasi,desa,produk,satuan\n"
            + "2026-10,KOP-1,Maju,Tenun,Sarung,lembar\n\n"
            + "2026-10,KOP-2,Jaya,Tenun,Sarung\n"
        let file = readCSV(text)
        #expect(file.fileError?.code == .missingColumn)
        #expect(file.fileError?.detail == "kabupaten_kota, kategori, omzet")
        #expect(file.records.map(\.line) == [2, 4])
        #expect(file.records[0][.satuan] == .text("lembar"))
        #expect(file.records[1].defect == .malformedRow)
        // The rejects file shows each record as written, values of unknown columns included.
        #expect(file.records.map(\.rawText) == ["2026-10,KOP-1,Maju,Tenun,Sarung,lembar", "2026-10,KOP-2,Jaya,Tenun,Sarung"])
        let districtMisnamed = readCSV("periode,kode_koperasi,nama_koperasi,Kabupaten/Kota,desa,produk,kategori,omzet\n"
                                       + "2026-10,K1,Kop,Samarinda,D,P1,pangan,1000\n")
        #expect(districtMisnamed.fileError?.code == .missingColumn)
        #expect(districtMisnamed.records.first?.rawText == "2026-10,K1,Kop,Samarinda,D,P1,pangan,1000")
        // A well-formed record of a good file keeps no copy of its text.
        #expect(readCSV(header + "\n" + row).records.first?.rawText == nil)
    }

    @Test func emptyFiles() {
        for bytes: [UInt8] in [
            [], [0xEF, 0xBB, 0xBF], Array(" \n\t\r\n ".utf8), [0xEF, 0xBB, 0xBF, 0x0A, 0x20],
            Array("\u{A0}\u{202F}\n".utf8),
        ] {
            for format in [FileFormat.csv, .json, .ndjson] {
                let file = SubmissionReader.read(bytes, format: format)
                #expect(file.fileError?.code == .emptyFile)
                #expect(file.records.isEmpty)
            }
        }
    }

    @Test func headerOnlyIsValid() {
        for text in [header, header + "\n", header + "\r\n\r\n"] {
            let file = readCSV(text)
            #expect(file.fileError == nil)
            #expect(file.records.isEmpty)
        }
    }

    @Test func fileFormatFromPath() {
        #expect(FileFormat(path: "in/a.CSV") == .csv)
        #expect(FileFormat(path: "a.tsv") == .csv)
        #expect(FileFormat(path: "x/y.Json") == .json)
        #expect(FileFormat(path: "y.ndjson") == .ndjson)
        #expect(FileFormat(path: "y.JSONL") == .ndjson)
        #expect(FileFormat(path: "y.xlsx") == nil)
        #expect(FileFormat(path: "csv") == nil)
        #expect(FileFormat(path: "a.csv/readme") == nil)
    }
}

private extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingOccurrences(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
