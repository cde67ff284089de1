/// A parsed JSON value that keeps number literals exactly as written.
indirect enum JSONNode: Sendable {
    /// Members in file order (duplicates kept; readers decide).
    case object([(key: String, value: JSONNode)])
    case array([JSONNode])
    case string(String)
    /// The number's literal text (`43200000`, `12.5`, `1e3`), never converted.
    case number(String)
    case bool(Bool)
    case null

    /// A compact JSON rendering, cut to about `limit` characters (with `…`) for messages.
    func compactText(limit: Int = 200) -> String {
        var out: [UInt8] = []
        write(to: &out, budget: limit * 4 + 8)
        let text = String(decoding: out, as: UTF8.self)
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }

    private func write(to out: inout [UInt8], budget: Int) {
        if out.count > budget { return }
        switch self {
        case .null: out.append(contentsOf: Array("null".utf8))
        case .bool(let b): out.append(contentsOf: Array((b ? "true" : "false").utf8))
        case .number(let n): out.append(contentsOf: Array(n.utf8))
        case .string(let s): JSONNode.writeString(s, to: &out)
        case .array(let items):
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if out.count > budget { return }
                if i > 0 { out.append(0x2C) }
                item.write(to: &out, budget: budget)
            }
            out.append(0x5D)
        case .object(let members):
            out.append(0x7B)
            for (i, member) in members.enumerated() {
                if out.count > budget { return }
                if i > 0 { out.append(0x2C) }
                JSONNode.writeString(member.key, to: &out)
                out.append(0x3A)
                member.value.write(to: &out, budget: budget)
            }
            out.append(0x7D)
        }
    }

    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}

/// Where and why a JSON text is not valid JSON.
struct JSONSyntaxError: Error, Sendable {
    /// Byte offset into the parsed text.
    var offset: Int
    var reason: String

    /// `line L, column C: reason`, for the whole-file `invalid-json` message.
    func describe(in text: UnsafeBufferPointer<UInt8>) -> String {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, text.count)
        while i < end {
            let b = text[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return "line \(line), column \(column): \(reason)"
    }
}

/// A strict RFC 8259 parser over UTF-8 bytes, nesting limited so no input can exhaust the stack.
struct JSONParser {
    /// Deeper nesting is reported as a syntax error.
    static let maxDepth = 64

    private let p: UnsafeBufferPointer<UInt8>
    private var i: Int
    private let end: Int

    /// Parses one whole JSON text in `p[start..<end]` (white space around it allowed).
    static func parse(_ p: UnsafeBufferPointer<UInt8>, start: Int = 0, end: Int? = nil)
        -> Result<JSONNode, JSONSyntaxError>
    {
        var parser = JSONParser(p: p, i: start, end: end ?? p.count)
        do {
            parser.skipWhitespace()
            let value = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            guard parser.i == parser.end else {
                return .failure(JSONSyntaxError(offset: parser.i, reason: "unexpected text after the JSON value"))
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    private mutating func skipWhitespace() {
        while i < end {
            let b = p[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    private func fail(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: i, reason: reason) }

    private func describeHere() -> String {
        guard i < end else { return "end of file" }
        let b = p[i]
        if b >= 0x21 && b < 0x7F { return "'\(Character(UnicodeScalar(b)))'" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard i < end else { throw fail("unexpected end of file, expected a value") }
        switch p[i] {
        case 0x7B: return try parseObject(depth: depth + 1)
        case 0x5B: return try parseArray(depth: depth + 1)
        case 0x22: return .string(try parseString())
        case 0x74:
            try literal("true")
            return .bool(true)
        case 0x66:
            try literal("false")
            return .bool(false)
        case 0x6E:
            try literal("null")
            return .null
        case 0x2D, 0x30...0x39: return .number(try parseNumber())
        default: throw fail("unexpected \(describeHere()), expected a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard end - i >= count else { throw fail("invalid literal") }
        for k in 0..<count where p[i + k] != word.utf8Start[k] { throw fail("invalid literal") }
        i += count
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth <= JSONParser.maxDepth else { throw fail("nesting deeper than \(JSONParser.maxDepth) levels") }
        i += 1
        var members: [(key: String, value: JSONNode)] = []
        skipWhitespace()
        if i < end && p[i] == 0x7D {
            i += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard i < end, p[i] == 0x22 else { throw fail("unexpected \(describeHere()), expected a member name") }
            let key = try parseString()
            skipWhitespace()
            guard i < end, p[i] == 0x3A else { throw fail("unexpected \(describeHere()), expected ':'") }
            i += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append((key, value))
            skipWhitespace()
            guard i < end else { throw fail("unexpected end of file, expected ',' or '}'") }
            if p[i] == 0x2C {
                i += 1
                continue
            }
            if p[i] == 0x7D {
                i += 1
                return .object(members)
            }
            throw fail("unexpected \(describeHere()), expected ',' or '}'")
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth <= JSONParser.maxDepth else { throw fail("nesting deeper than \(JSONParser.maxDepth) levels") }
        i += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if i < end && p[i] == 0x5D {
            i += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard i < end else { throw fail("unexpected end of file, expected ',' or ']'") }
            if p[i] == 0x2C {
                i += 1
                continue
            }
            if p[i] == 0x5D {
                i += 1
                return .array(items)
            }
            throw fail("unexpected \(describeHere()), expected ',' or ']'")
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = i
        if p[i] == 0x2D { i += 1 }
        guard i < end, isDigit(p[i]) else { throw fail("invalid number") }
        if p[i] == 0x30 {
            i += 1
        } else {
            while i < end && isDigit(p[i]) { i += 1 }
        }
        if i < end && p[i] == 0x2E {
            i += 1
            guard i < end, isDigit(p[i]) else { throw fail("invalid number") }
            while i < end && isDigit(p[i]) { i += 1 }
        }
        if i < end && (p[i] == 0x65 || p[i] == 0x45) {
            i += 1
            if i < end && (p[i] == 0x2B || p[i] == 0x2D) { i += 1 }
            guard i < end, isDigit(p[i]) else { throw fail("invalid number") }
            while i < end && isDigit(p[i]) { i += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self)
    }

    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < end {
            let b = p[i]
            if b == 0x22 {
                let s = String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if b == 0x5C { break }
            if b < 0x20 { throw fail("control character inside a string") }
            i += 1
        }
        var out = Array(UnsafeBufferPointer(rebasing: p[start..<i]))
        while i < end {
            let b = p[i]
            if b == 0x22 {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw fail("control character inside a string") }
            if b != 0x5C {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < end else { break }
            let e = p[i]
            i += 1
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate needs a low one right after it.
                    if end - i >= 6 && p[i] == 0x5C && p[i + 1] == 0x75 {
                        let save = i
                        i += 2
                        let low = try hex4()
                        if low >= 0xDC00 && low < 0xE000 {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    scalar = 0xFFFD
                }
                TextDecoding.appendUTF8(scalar, to: &out)
            default:
                i -= 1
                throw fail("invalid escape in a string")
            }
        }
        throw fail("unexpected end of file inside a string")
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard end - i >= 4 else { throw fail("invalid \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = p[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail("invalid \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }
}
