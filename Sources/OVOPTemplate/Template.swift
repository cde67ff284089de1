import Foundation
import OVOPCore
import Yams

/// A problem in a template: which file, which key, what is wrong.
public struct TemplateError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var key: String
    public var problem: String

    public var description: String {
        key.isEmpty ? "template \(file): \(problem)" : "template \(file), key \(key): \(problem)"
    }
}

/// The office's name and address, printed on every report.
public struct Office: Sendable, Equatable {
    public var name: String
    public var unit: String
    public var address: String
    public var city: String
}

/// Colours as `#RRGGBB`.
public struct Theme: Sendable, Equatable {
    public var primary: String
    public var accent: String
    public var positive: String
    public var negative: String
    public var headerText: String
    /// Series colours for charts: readable in grey print and for colour-blind readers.
    public var palette: [String]

    /// A colour as red, green, blue in 0...1.
    public static func rgb(_ hex: String) -> (Double, Double, Double) {
        let digits = hex.dropFirst()
        let value = Int(digits, radix: 16) ?? 0
        return (Double((value >> 16) & 0xFF) / 255, Double((value >> 8) & 0xFF) / 255, Double(value & 0xFF) / 255)
    }

    /// A colour as the integer `0xRRGGBB`.
    public static func int(_ hex: String) -> Int { Int(hex.dropFirst(), radix: 16) ?? 0 }
}

/// The report's texts and choices, editable by the office without rebuilding (templates/).
public struct Template: Sendable {
    /// The template folder's name, recorded in the manifest.
    public var name: String
    public var language: Language
    public var office: Office
    public var theme: Theme
    /// Sheet ids of the workbook, in order (`ringkasan`, `kabupaten`, ...).
    public var sheets: [String]
    /// How undotted district codes are read, when the command line does not say.
    public var districtCodes: CodeSystem
    /// Labels in the template's language, by dotted key (`xlsx.sheet.ringkasan`).
    public var labels: [String: String]
    /// A fingerprint of every file of the template: a run re-renders when it changes.
    public var fingerprint: String

    /// The label for `key`; a missing key shows as `[key]` so nothing is silently blank.
    public subscript(_ key: String) -> String {
        labels[key] ?? "[\(key)]"
    }

    /// The label for `key` with `{name}` placeholders filled in.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Month names in the template's language (January first).
    public var monthNames: [String] {
        (1...12).map { self["month.\($0)"] }
    }

    /// "Oktober 2026".
    public func periodInWords(_ period: Period) -> String {
        "\(monthNames[period.month - 1]) \(period.year)"
    }

    /// Every sheet id a template may list.
    public static let knownSheets = ["ringkasan", "kabupaten", "produk", "tren", "pasar", "data", "kualitas", "tentang"]
}
