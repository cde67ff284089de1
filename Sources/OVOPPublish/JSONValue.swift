import Foundation

/// A JSON document with keys in the order they are given: deterministic output.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
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
        write(to: &out, indent: 0)
        out.append("\n")
        return out
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            if members.isEmpty { out.append("{}"); return }
            out.append("{\n")
            for (i, (key, value)) in members.enumerated() {
                out.append(pad)
                JSONValue.writeString(key, to: &out)
                out.append(": ")
                value.write(to: &out, indent: indent + 1)
                out.append(i == members.count - 1 ? "\n" : ",\n")
            }
            out.append(closePad + "}")
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            if items.allSatisfy(\.isScalar) {
                out.append("[")
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(", ") }
                    item.write(to: &out, indent: indent + 1)
                }
                out.append("]")
                return
            }
            out.append("[\n")
            for (i, item) in items.enumerated() {
                out.append(pad)
                item.write(to: &out, indent: indent + 1)
                out.append(i == items.count - 1 ? "\n" : ",\n")
            }
            out.append(closePad + "]")
        case .string(let s):
            JSONValue.writeString(s, to: &out)
        case .int(let i):
            out.append(String(i))
        case .double(let d):
            out.append(JSONValue.format(d))
        case .decimal(let d):
            out.append(d.isNaN ? "null" : "\(d)")
        case .bool(let b):
            out.append(b ? "true" : "false")
        case .null:
            out.append("null")
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    /// Shortest round-trip form; integral values keep a `.0`-free integer form.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    static func writeString(_ s: String, to out: inout String) {
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
