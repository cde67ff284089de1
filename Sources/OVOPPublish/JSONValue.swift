import Foundation

/// A JSON document with keys in the order they are given: deterministic output.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    /// An array whose elements are made one at a time as it is written (a list of a million
    /// cooperatives need not exist twice in memory). Elements are all objects or all scalars.
    case rows(Int, @Sendable (Int) -> JSONValue)
    case string(String)
    case int(Int64)
    case double(Double)
    /// A decimal written exactly as its digits.
    case decimal(Decimal)
    case bool(Bool)
    case null

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    public static func optional(_ d: Double?) -> JSONValue { d.map(JSONValue.double) ?? .null }
    public static func optional(_ i: Int64?) -> JSONValue { i.map(JSONValue.int) ?? .null }
    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    public func serialized() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Writes the serialized form to `out` (a file, for large documents).
    public func write(to out: inout some TextOutputStream) {
        write(to: &out, indent: 0)
        out.write("\n")
    }

    private func write(to out: inout some TextOutputStream, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            if members.isEmpty { out.write("{}"); return }
            out.write("{\n")
            for (i, (key, value)) in members.enumerated() {
                out.write(pad)
                JSONValue.writeString(key, to: &out)
                out.write(": ")
                value.write(to: &out, indent: indent + 1)
                out.write(i == members.count - 1 ? "\n" : ",\n")
            }
            out.write(closePad + "}")
        case .array(let items):
            JSONValue.writeArray(count: items.count, scalar: items.allSatisfy(\.isScalar), to: &out, indent: indent) {
                items[$0]
            }
        case .rows(let count, let element):
            JSONValue.writeArray(count: count, scalar: count > 0 && element(0).isScalar, to: &out, indent: indent,
                                 element)
        case .string(let s):
            JSONValue.writeString(s, to: &out)
        case .int(let i):
            out.write(String(i))
        case .double(let d):
            out.write(JSONValue.format(d))
        case .decimal(let d):
            out.write(d.isNaN ? "null" : "\(d)")
        case .bool(let b):
            out.write(b ? "true" : "false")
        case .null:
            out.write("null")
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array, .rows: false
        default: true
        }
    }

    /// Scalars on one line; objects and arrays one per line.
    private static func writeArray(count: Int, scalar: Bool, to out: inout some TextOutputStream, indent: Int,
                                   _ element: (Int) -> JSONValue) {
        if count == 0 { out.write("[]"); return }
        if scalar {
            out.write("[")
            for i in 0..<count {
                if i > 0 { out.write(", ") }
                element(i).write(to: &out, indent: indent + 1)
            }
            out.write("]")
            return
        }
        let pad = String(repeating: "  ", count: indent + 1)
        out.write("[\n")
        for i in 0..<count {
            out.write(pad)
            element(i).write(to: &out, indent: indent + 1)
            out.write(i == count - 1 ? "\n" : ",\n")
        }
        out.write(String(repeating: "  ", count: indent) + "]")
    }

    /// Shortest round-trip form; integral values keep a `.0`-free integer form.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    /// `s` as a JSON string literal, quotes included.
    public static func quoted(_ s: String) -> String {
        var out = ""
        writeString(s, to: &out)
        return out
    }

    static func writeString(_ s: String, to out: inout some TextOutputStream) {
        out.write("\"")
        if !s.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || $0.value < 0x20 }) {
            out.write(s)
        } else {
            var escaped = ""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\r": escaped += "\\r"
                case "\t": escaped += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default:
                    escaped.unicodeScalars.append(scalar)
                }
            }
            out.write(escaped)
        }
        out.write("\"")
    }
}
