import OVOPCore

/// Reads JSON and NDJSON submission files (SPEC 3 "JSON", SPEC 11 "JSON").
enum JSONReader {
    /// Longest raw text or value rendering kept for messages, in characters.
    static let rawTextLimit = 200

    /// A `.json` file: an array of flat records and/or submission objects, one flat
    /// record, or one submission object. A syntax error rejects the whole file.
    static func readDocument(_ text: [UInt8]) -> ParsedFile {
        text.withUnsafeBufferPointer { p in
            var flattener = RecordFlattener()
            switch JSONParser.parse(p) {
            case .failure(let error):
                return ParsedFile(fileError: (.invalidJSON, error.describe(in: p)))
            case .success(.array(let items)):
                for item in items {
                    if case .object(let members) = item {
                        flattener.add(members)
                    } else {
                        flattener.addInvalid(rawText: item.compactText(limit: rawTextLimit))
                    }
                }
            case .success(.object(let members)):
                flattener.add(members)
            case .success(let scalar):
                let reason = "the file holds \(scalar.kindName), not an object or an array"
                return ParsedFile(fileError: (.invalidJSON, reason))
            }
            return ParsedFile(fileWarnings: flattener.warnings, records: flattener.records)
        }
    }

    /// An NDJSON/JSONL file: each non-blank line holds one flat record or submission
    /// object on its own; a line that does not is one `invalid-json` record.
    static func readLines(_ text: [UInt8]) -> ParsedFile {
        text.withUnsafeBufferPointer { p in
            var flattener = RecordFlattener()
            var start = 0
            while start < p.count {
                var end = start
                while end < p.count && p[end] != 0x0A && p[end] != 0x0D { end += 1 }
                defer { start = end + 1 }
                if TextDecoding.isBlank(p, start, end) { continue }
                switch JSONParser.parse(p, start: start, end: end) {
                case .success(.object(let members)):
                    flattener.add(members)
                default:
                    let line = TextDecoding.trimmedString(p, start, end) ?? ""
                    flattener.addInvalid(rawText: truncated(line, to: rawTextLimit))
                }
            }
            return ParsedFile(fileWarnings: flattener.warnings, records: flattener.records)
        }
    }

    static func truncated(_ s: String, to limit: Int) -> String {
        guard s.utf8.count > limit, s.count > limit else { return s }
        return String(s.prefix(limit)) + "…"
    }
}

extension JSONNode {
    /// What the value is, in words, for messages.
    var kindName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// Turns JSON objects into records: flat records as they are, submission objects one
/// record per product, carrying the top level's and the cooperative's fields.
struct RecordFlattener {
    private(set) var records: [RawRecord] = []
    private(set) var warnings: [(code: DiagnosticCode, detail: String)] = []
    private var unknownSeen: Set<String> = []
    private var normalised: [String: String] = [:]

    /// Where a key sits in a submission object; each level has its own extra names.
    enum Level { case top, cooperative, product }

    private static let fieldCount = Field.allCases.count

    /// Canonical and English column names, normalised.
    private static let fieldsByName: [String: Field] = {
        var map: [String: Field] = [:]
        for f in Field.allCases {
            map[f.rawValue] = f
            map[f.englishName] = f
        }
        return map
    }()

    private static let ordinals: [Field: Int] = {
        var map: [Field: Int] = [:]
        for (i, f) in Field.allCases.enumerated() { map[f] = i }
        return map
    }()

    /// One record with defect `invalid-json`.
    mutating func addInvalid(rawText: String) {
        records.append(RawRecord(line: records.count + 1, defect: .invalidJSON, rawText: rawText))
    }

    /// A flat record or a submission object.
    mutating func add(_ members: [(key: String, value: JSONNode)]) {
        var products: [JSONNode]?
        var cooperative: [(key: String, value: JSONNode)]?
        var top = Values()
        for (key, value) in members {
            let name = normalise(key)
            switch name {
            case "produk", "products":
                if case .array(let items) = value {
                    if products == nil { products = items }
                } else {
                    top.set(.produk, value)
                }
            case "koperasi", "cooperative":
                if case .object(let fields) = value, cooperative == nil { cooperative = fields }
            default:
                assign(key, name, value, level: .top, into: &top)
            }
        }
        var shared = top.values
        if let cooperative {
            var coop = Values()
            for (key, value) in cooperative {
                assign(key, normalise(key), value, level: .cooperative, into: &coop)
            }
            RecordFlattener.override(&shared, with: coop.values)
        }
        guard let products else {
            records.append(RawRecord(line: records.count + 1, values: shared))
            return
        }
        for product in products {
            guard case .object(let fields) = product else {
                addInvalid(rawText: product.compactText(limit: JSONReader.rawTextLimit))
                continue
            }
            var own = Values()
            for (key, value) in fields {
                assign(key, normalise(key), value, level: .product, into: &own)
            }
            var values = shared
            RecordFlattener.override(&values, with: own.values)
            records.append(RawRecord(line: records.count + 1, values: values))
        }
    }

    /// A level's values; the first key naming a field wins within the level.
    private struct Values {
        var values = [RawValue?](repeating: nil, count: RecordFlattener.fieldCount)
        var taken = [Bool](repeating: false, count: RecordFlattener.fieldCount)

        mutating func set(_ field: Field, _ value: JSONNode) {
            let k = RecordFlattener.ordinals[field]!
            guard !taken[k] else { return }
            taken[k] = true
            values[k] = RecordFlattener.rawValue(value)
        }
    }

    /// A deeper level's present values replace the shallower level's.
    private static func override(_ values: inout [RawValue?], with deeper: [RawValue?]) {
        for k in 0..<values.count where deeper[k] != nil { values[k] = deeper[k] }
    }

    private mutating func assign(
        _ key: String, _ name: String, _ value: JSONNode, level: Level,
        into values: inout Values
    ) {
        if let field = RecordFlattener.field(named: name, level: level) {
            values.set(field, value)
        } else if name == "produk" || name == "products" {
            values.set(.produk, value)
        } else if name == "koperasi" || name == "cooperative" {
            return
        } else if unknownSeen.insert(name).inserted {
            warnings.append((.unknownColumn, key))
        }
    }

    private static func field(named name: String, level: Level) -> Field? {
        if let f = fieldsByName[name] { return f }
        switch (level, name) {
        case (.cooperative, "kode"), (.cooperative, "id"): return .kodeKoperasi
        case (.cooperative, "nama"), (.cooperative, "name"): return .namaKoperasi
        case (.product, "nama"), (.product, "name"): return .produk
        default: return nil
        }
    }

    private mutating func normalise(_ key: String) -> String {
        if let n = normalised[key] { return n }
        let n = Field.normaliseHeader(key)
        normalised[key] = n
        return n
    }

    /// A JSON value as a field's raw value (SPEC 3 "JSON"; null and empty strings are absent).
    static func rawValue(_ value: JSONNode) -> RawValue? {
        switch value {
        case .string(let s):
            return trimmed(s).map { .text($0) }
        case .number(let n):
            return .number(n)
        case .bool(let b):
            return .text(b ? "true" : "false")
        case .null:
            return nil
        case .object:
            return .invalid(value.compactText(limit: JSONReader.rawTextLimit))
        case .array(let items):
            var list: [String] = []
            for item in items {
                switch item {
                case .string(let s): if let t = trimmed(s) { list.append(t) }
                case .number(let n): list.append(n)
                case .bool(let b): list.append(b ? "true" : "false")
                case .null: continue
                case .object, .array: return .invalid(value.compactText(limit: JSONReader.rawTextLimit))
                }
            }
            return list.isEmpty ? nil : .list(list)
        }
    }

    static func trimmed(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { TextDecoding.trimmedString($0, 0, $0.count) }
    }
}
