import Foundation
import OVOPCore

/// What validation needs to know beyond the file itself.
public struct IngestContext: Sendable {
    /// "Now" (SPEC 11): `SOURCE_DATE_EPOCH` when set, else the clock, in microseconds since 1970.
    public var nowMicros: Int64
    /// How undotted district codes are read.
    public var codeSystem: CodeSystem
    public var reference: Reference

    public init(nowMicros: Int64, codeSystem: CodeSystem = .auto, reference: Reference = .kaltim) {
        self.nowMicros = nowMicros
        self.codeSystem = codeSystem
        self.reference = reference
    }

    /// The month of "now" in WITA: lines of a later period get `future-period`.
    public var runPeriod: Period { Clock.period(ofMicros: nowMicros) }
}

/// Turns a file's raw records into verdicts (SPEC 3, 4, 11). Parses and casts only: no sums, no joins.
public enum Validator {
    /// Validates every record of `parsed`, deciding the file's number convention and date order first.
    public static func validate(_ parsed: ParsedFile, path: String, sha256: String,
                                context: IngestContext) -> ValidatedFile {
        let convention = decideConvention(parsed.records)
        let order = decideDateOrder(parsed.records, nowMicros: context.nowMicros)
        var fileError: Diagnostic?
        if let e = parsed.fileError {
            fileError = Diagnostic(code: e.code, file: path, detail: e.detail)
        }
        let fileWarnings = parsed.fileWarnings.map {
            Diagnostic(code: $0.code, file: path, detail: $0.detail)
        }
        var lines: [LineVerdict] = []
        lines.reserveCapacity(parsed.records.count)
        let missingColumns = fileError?.code == .missingColumn
        var memo = Memo()
        for record in parsed.records {
            var verdict = validate(record, path: path, convention: convention, order: order,
                                   context: context, memo: &memo)
            if missingColumns {
                // SPEC 11: every record after the header of such a file is rejected
                // with missing-field and belongs to no period.
                verdict.accepted = nil
                verdict.raw = record.values.map { $0?.display }
                verdict.warnings = []
                verdict.period = nil
                verdict.district = nil
                verdict.errors = [Diagnostic(code: .missingField, file: path, line: record.line,
                                             detail: fileError?.detail)]
            }
            lines.append(verdict)
        }
        return ValidatedFile(path: path, sha256: sha256,
                             status: fileError == nil ? .ingested : .rejected,
                             fileError: fileError, fileWarnings: fileWarnings, lines: lines,
                             convention: convention, dateOrder: order)
    }

    // MARK: - Per-file decisions

    /// SPEC 3: English when some value can only be English and none only Indonesian.
    static func decideConvention(_ records: [RawRecord]) -> NumberConvention {
        var indonesian = 0
        var english = 0
        for record in records {
            for field in numericFields {
                guard case .text(let text)? = record[field], let kind = field.numberKind else { continue }
                switch NumberReader.evidence(text, kind: kind) {
                case .indonesian?: indonesian += 1
                case .english?: english += 1
                case nil: break
                }
            }
        }
        return english > 0 && indonesian == 0 ? .english : .indonesian
    }

    /// SPEC 3 "date order, per file".
    static func decideDateOrder(_ records: [RawRecord], nowMicros: Int64) -> DateOrder {
        var firstAbove12 = false
        var secondAbove12 = false
        for record in records {
            for field in [Field.periode, .dikirimPada] {
                guard case .text(let text)? = record[field],
                      let (a, b) = DateOrderEvidence.leadingNumbers(text) else { continue }
                if a > 12 { firstAbove12 = true }
                if b > 12 { secondAbove12 = true }
            }
        }
        if firstAbove12 && !secondAbove12 { return .dayFirst }
        if secondAbove12 && !firstAbove12 { return .monthFirst }
        let dayFirst = plausibleCount(records, order: .dayFirst, nowMicros: nowMicros)
        let monthFirst = plausibleCount(records, order: .monthFirst, nowMicros: nowMicros)
        return monthFirst > dayFirst ? .monthFirst : .dayFirst
    }

    private static func plausibleCount(_ records: [RawRecord], order: DateOrder, nowMicros: Int64) -> Int {
        var count = 0
        for record in records {
            guard case .text(let sent)? = record[.dikirimPada] else { continue }
            // Values without a numeric d/m/y date read the same under both orders.
            var differs = DateOrderEvidence.leadingNumbers(sent) != nil
            if !differs, case .text(let p)? = record[.periode] { differs = DateOrderEvidence.leadingNumbers(p) != nil }
            guard differs, let at = DateTimeReader.read(sent, order: order) else { continue }
            let period: Period?
            switch record[.periode] {
            case .text(let p)?: period = MonthReader.read(p, order: order)
            case .number(let p)?: period = MonthReader.read(p, order: order)
            default: period = nil
            }
            guard let period else { continue }
            if at.epochMicros >= Clock.startMicros(of: period) && at.epochMicros <= nowMicros {
                count += 1
            }
        }
        return count
    }

    static let numericFields: [Field] = Field.allCases.filter { $0.numberKind != nil }

    // MARK: - One record

    /// Answers worth remembering within one file: the same kecamatan and channel lists recur.
    struct Memo {
        var kecamatan: [String: Bool] = [:]
        var lists: [String: (channels: Set<Channel>, certifications: Set<Certification>, unknown: [String])] = [:]
        var districts: [String: DistrictResolution] = [:]
    }

    static func validate(_ record: RawRecord, path: String, convention: NumberConvention,
                         order: DateOrder, context: IngestContext) -> LineVerdict {
        var memo = Memo()
        return validate(record, path: path, convention: convention, order: order, context: context, memo: &memo)
    }

    static func validate(_ record: RawRecord, path: String, convention: NumberConvention,
                         order: DateOrder, context: IngestContext, memo: inout Memo) -> LineVerdict {
        var verdict = judge(record, path: path, convention: convention, order: order, context: context, memo: &memo)
        // Raw values are kept for rejected lines only: the rejects file shows them.
        if !verdict.errors.isEmpty { verdict.raw = record.values.map { $0?.display } }
        return verdict
    }

    private static func judge(_ record: RawRecord, path: String, convention: NumberConvention,
                              order: DateOrder, context: IngestContext, memo: inout Memo) -> LineVerdict {
        var verdict = LineVerdict(line: record.line, accepted: nil, errors: [], warnings: [],
                                  period: nil, district: nil, raw: [], rawText: record.rawText)
        func error(_ code: DiagnosticCode, _ field: Field? = nil, detail: String? = nil) {
            verdict.errors.append(Diagnostic(code: code, file: path, line: record.line, field: field,
                                             raw: field.flatMap { record[$0]?.display }, detail: detail))
        }
        func warn(_ code: DiagnosticCode, _ field: Field? = nil, value: String? = nil, detail: String? = nil) {
            verdict.warnings.append(Diagnostic(code: code, file: path, line: record.line, field: field,
                                               raw: value ?? field.flatMap { record[$0]?.display },
                                               detail: detail))
        }

        // The period and district are read even for defective records, for quality per period.
        let period = readPeriod(record[.periode], order: order)
        verdict.period = period
        let kecamatan = text(record[.kecamatan])
        var resolution: DistrictResolution?
        if let d = text(record[.kabupatenKota]) {
            let memoKey = d + "\u{0}" + (kecamatan ?? "")
            if let known = memo.districts[memoKey] { resolution = known } else {
                let r = context.reference.resolveDistrict(d, kecamatan: kecamatan, codeSystem: context.codeSystem)
                memo.districts[memoKey] = r
                resolution = r
            }
            if case .district(let district)? = resolution { verdict.district = district }
        }
        if let defect = record.defect {
            error(defect)
            return verdict
        }

        for field in Field.allCases where field.isRequired && record[field] == nil {
            error(.missingField, field)
        }
        if record[.periode] != nil && period == nil { error(.invalidPeriod, .periode) }
        switch resolution {
        case .unknown?: error(.unknownDistrict, .kabupatenKota)
        case .ambiguous(let a, let b)?:
            error(.ambiguousDistrictCode, .kabupatenKota, detail: "\(a.code)|\(b.code)")
        default: break
        }
        var category: Category?
        if let k = text(record[.kategori]) {
            category = CategoryReader.read(k)
            if category == nil { error(.unknownCategory, .kategori) }
        }
        func check<T>(_ field: Field, _ result: Result<T, NumberReadError>?) -> T? {
            switch result {
            case .success(let n)?: return n
            case .failure(.negativeValue)?: error(.negativeValue, field); return nil
            case .failure(.invalidNumber)?: error(.invalidNumber, field); return nil
            case nil: return nil
            }
        }
        func whole(_ field: Field) -> Int64? {
            check(field, record[field].map { readWhole($0, kind: field.numberKind ?? .integer, convention: convention) })
        }
        func decimal(_ field: Field) -> Decimal? {
            check(field, record[field].map { readNumber($0, kind: .decimal, convention: convention) })
        }
        let revenue = whole(.omzet)
        let exportRevenue = whole(.nilaiEkspor)
        let produced = decimal(.volumeProduksi)
        let sold = decimal(.volumeTerjual)
        let members = whole(.jumlahAnggota)
        let workers = whole(.tenagaKerja)
        if let revenue, let exportRevenue, exportRevenue > revenue {
            error(.exportExceedsRevenue, .nilaiEkspor)
        }
        var submittedAt: SubmittedAt?
        if let value = record[.dikirimPada] {
            if case .text(let t) = value { submittedAt = DateTimeReader.read(t, order: order) }
            if submittedAt == nil { error(.invalidDate, .dikirimPada) }
        }
        guard verdict.errors.isEmpty,
              let period, let district = verdict.district, let category, let revenue,
              let cooperativeID = text(record[.kodeKoperasi]),
              let cooperativeName = text(record[.namaKoperasi]),
              let desa = text(record[.desa]), let product = text(record[.produk])
        else {
            if verdict.errors.isEmpty { error(.missingField) }
            return verdict
        }

        // Warnings: the line is kept.
        // Sets: known values kept, unknown ones dropped with a warning each.
        func items(_ field: Field) -> (channels: Set<Channel>, certifications: Set<Certification>) {
            guard let value = record[field] else { return ([], []) }
            let memoKey = "\(field.ordinal)\u{0}" + value.display
            let split: (channels: Set<Channel>, certifications: Set<Certification>, unknown: [String])
            if let m = memo.lists[memoKey] { split = m } else {
                var parsed: (channels: Set<Channel>, certifications: Set<Certification>, unknown: [String]) = ([], [], [])
                for item in listItems(value) {
                    if field == .sertifikasi, let c = CertificationReader.read(item) {
                        parsed.certifications.insert(c)
                    } else if field == .saluranPemasaran, let c = ChannelReader.read(item) {
                        parsed.channels.insert(c)
                    } else {
                        parsed.unknown.append(item)
                    }
                }
                split = parsed
                memo.lists[memoKey] = split
            }
            for item in split.unknown {
                warn(field == .sertifikasi ? .unknownCertification : .unknownChannel, field, value: item)
            }
            return (split.channels, split.certifications)
        }
        let channels = items(.saluranPemasaran).channels
        let certifications = items(.sertifikasi).certifications
        if let produced, let sold, sold > produced { warn(.soldExceedsProduced, .volumeTerjual) }
        if let kecamatan {
            let memoKey = district.code + "\u{0}" + kecamatan
            let known = memo.kecamatan[memoKey] ?? context.reference.isKecamatan(kecamatan, of: district)
            memo.kecamatan[memoKey] = known
            if !known { warn(.unknownSubdistrict, .kecamatan, detail: district.name) }
        }
        if period > context.runPeriod { warn(.futurePeriod, .periode) }

        verdict.accepted = SubmissionLine(
            period: period,
            cooperativeID: Names.collapse(cooperativeID),
            cooperativeName: Names.collapse(cooperativeName),
            district: district,
            kecamatan: kecamatan.map(Names.collapse),
            desa: Names.collapse(desa),
            product: Names.collapse(product),
            category: category,
            unit: text(record[.satuan]).map(Names.collapse),
            unitsProduced: produced, unitsSold: sold,
            revenue: revenue, exportRevenue: exportRevenue ?? 0, members: members, workers: workers,
            channels: channels, certifications: certifications,
            submittedAt: submittedAt)
        return verdict
    }

    // MARK: - Values

    /// The text of a scalar value; lists and objects are given as written.
    static func text(_ value: RawValue?) -> String? {
        guard let value else { return nil }
        let s = value.display  // readers trim every cell and string
        return s.isEmpty ? nil : s
    }

    static func readPeriod(_ value: RawValue?, order: DateOrder) -> Period? {
        switch value {
        case .text(let t)?, .number(let t)?: MonthReader.read(t, order: order)
        default: nil
        }
    }

    /// Reads a number cell: text by the file's convention, a JSON number as a JSON literal.
    static func readNumber(_ value: RawValue, kind: NumberKind,
                           convention: NumberConvention) -> Result<Decimal, NumberReadError> {
        switch value {
        case .text(let t):
            return NumberReader.read(t, kind: kind, convention: convention)
        case .number(let literal):
            return readJSONNumber(literal, kind: kind)
        case .list, .invalid:
            return .failure(.invalidNumber)
        }
    }

    /// Reads a rupiah or count cell as a whole number.
    static func readWhole(_ value: RawValue, kind: NumberKind,
                          convention: NumberConvention) -> Result<Int64, NumberReadError> {
        switch value {
        case .text(let t):
            return kind == .rupiah ? NumberReader.rupiah(t, convention: convention)
                                   : NumberReader.integer(t, convention: convention)
        case .number(let literal):
            if let plain = Int64(literal), plain >= 0 { return .success(plain) }
            return readJSONNumber(literal, kind: kind).flatMap { d in
                Int64("\(d)").map { .success($0) } ?? .failure(.invalidNumber)
            }
        case .list, .invalid:
            return .failure(.invalidNumber)
        }
    }

    /// A JSON number is a number: `.` is its decimal mark and it may carry an exponent.
    static func readJSONNumber(_ literal: String, kind: NumberKind) -> Result<Decimal, NumberReadError> {
        guard literal.utf8.count <= 40,
              literal.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")),
              !value.isNaN
        else { return .failure(.invalidNumber) }
        if value < 0 { return .failure(.negativeValue) }
        if value == 0 { return .success(0) }
        let limit = Decimal(Int64.max)
        guard value <= limit else { return .failure(.invalidNumber) }
        switch kind {
        case .rupiah:
            return .success(Rounding.halfAwayFromZero(value))
        case .integer:
            return Rounding.halfAwayFromZero(value) == value ? .success(value) : .failure(.invalidNumber)
        case .decimal:
            return .success(value)
        }
    }

    /// Splits a set cell: CSV text by `|`, `;` or `,`; a JSON array as its items.
    static func listItems(_ value: RawValue?) -> [String] {
        let items: [String]
        switch value {
        case .text(let t)?: items = t.split(whereSeparator: { $0 == "|" || $0 == ";" || $0 == "," }).map(String.init)
        case .list(let l)?: items = l.flatMap { $0.split(whereSeparator: { $0 == "|" || $0 == ";" || $0 == "," }).map(String.init) }
        case .number(let n)?: items = [n]
        case .invalid(let s)?: items = [s]
        case nil: items = []
        }
        return items.map { Names.collapse($0) }.filter { !$0.isEmpty }
    }
}
