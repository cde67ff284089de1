import Foundation
import OVOPCore
import Yams

/// Reads and checks a template folder: `template.yaml` and `labels/<lang>/*.yaml`.
public enum TemplateLoader {
    /// Where the shipped template is looked for: `templates/default` in the working folder, then
    /// in the folders above the program (a build in the project tree), then
    /// `../share/ovop-report/templates/default` beside the program (an installed copy).
    public static func defaultDirectory(executable: URL? = Bundle.main.executableURL) -> URL? {
        var candidates = [URL(fileURLWithPath: "templates/default")]
        if let executable {
            var dir = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("../share/ovop-report/templates/default"))
            for _ in 0..<5 {
                dir = dir.deletingLastPathComponent()
                candidates.append(dir.appendingPathComponent("templates/default"))
            }
        }
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("template.yaml").path)
        }?.standardizedFileURL
    }

    /// Loads the template in `directory` for `language`, checking every key.
    public static func load(_ directory: URL, language: Language) throws -> Template {
        let templateFile = directory.appendingPathComponent("template.yaml")
        let settings = try yaml(templateFile)
        func string(_ key: String, in map: [String: Any], file: URL) throws -> String {
            guard let value = map[key.split(separator: ".").last.map(String.init) ?? key] else {
                throw TemplateError(file: file.path, key: key, problem: "missing")
            }
            guard let s = scalarText(value), !s.isEmpty else {
                throw TemplateError(file: file.path, key: key, problem: "must be a non-empty text")
            }
            return s
        }
        func section(_ key: String) throws -> [String: Any] {
            guard let map = settings[key] as? [String: Any] else {
                throw TemplateError(file: templateFile.path, key: key, problem: "missing or not a section")
            }
            return map
        }
        let officeMap = try section("office")
        let office = Office(name: try string("office.name", in: officeMap, file: templateFile),
                            unit: try string("office.unit", in: officeMap, file: templateFile),
                            address: try string("office.address", in: officeMap, file: templateFile),
                            city: try string("office.city", in: officeMap, file: templateFile))
        let themeMap = try section("theme")
        func colour(_ key: String) throws -> String {
            let value = try string("theme.\(key)", in: themeMap, file: templateFile)
            guard isColour(value) else {
                throw TemplateError(file: templateFile.path, key: "theme.\(key)",
                                    problem: "\"\(value)\" is not a colour written #RRGGBB")
            }
            return value.uppercased()
        }
        guard let paletteList = themeMap["palette"] as? [Any], paletteList.count >= 4 else {
            throw TemplateError(file: templateFile.path, key: "theme.palette", problem: "must list at least 4 colours")
        }
        var palette: [String] = []
        for (i, item) in paletteList.enumerated() {
            guard let c = scalarText(item), isColour(c) else {
                throw TemplateError(file: templateFile.path, key: "theme.palette[\(i + 1)]",
                                    problem: "\"\(scalarText(item) ?? "?")\" is not a colour written #RRGGBB")
            }
            palette.append(c.uppercased())
        }
        let theme = Theme(primary: try colour("primary"), accent: try colour("accent"),
                          positive: try colour("positive"), negative: try colour("negative"),
                          headerText: try colour("header_text"), palette: palette)
        guard let sheetList = settings["sheets"] as? [Any], !sheetList.isEmpty else {
            throw TemplateError(file: templateFile.path, key: "sheets", problem: "must list at least one sheet")
        }
        var sheets: [String] = []
        for item in sheetList {
            guard let id = scalarText(item), Template.knownSheets.contains(id) else {
                throw TemplateError(file: templateFile.path, key: "sheets",
                                    problem: "\"\(scalarText(item) ?? "?")\" is not a sheet (choose from: \(Template.knownSheets.joined(separator: ", ")))")
            }
            guard !sheets.contains(id) else {
                throw TemplateError(file: templateFile.path, key: "sheets", problem: "\"\(id)\" is listed twice")
            }
            sheets.append(id)
        }
        var codes = CodeSystem.auto
        if let value = settings["district_codes"] {
            guard let text = scalarText(value), let system = CodeSystem(rawValue: text) else {
                throw TemplateError(file: templateFile.path, key: "district_codes",
                                    problem: "must be auto, bps or kemendagri")
            }
            codes = system
        }

        // Labels: the chosen language must have every key the other languages have.
        var tables: [Language: [String: String]] = [:]
        var origin: [String: String] = [:]  // key → file, for messages
        for lang in Language.allCases {
            let folder = directory.appendingPathComponent("labels/\(lang.rawValue)")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.sorted()
            guard !names.isEmpty else {
                throw TemplateError(file: folder.path, key: "", problem: "has no label files (*.yaml)")
            }
            var table: [String: String] = [:]
            for name in names {
                let file = folder.appendingPathComponent(name)
                for (key, value) in try flatten(yaml(file), prefix: "", file: file) {
                    guard table[key] == nil else {
                        throw TemplateError(file: file.path, key: key, problem: "is defined twice in labels/\(lang.rawValue)/")
                    }
                    table[key] = value
                    if lang != language { origin[key] = "labels/\(lang.rawValue)/\(name)" }
                }
            }
            tables[lang] = table
        }
        let chosen = tables[language] ?? [:]
        let chosenFolder = directory.appendingPathComponent("labels/\(language.rawValue)").path
        for lang in Language.allCases where lang != language {
            for key in (tables[lang] ?? [:]).keys.sorted() where chosen[key] == nil {
                throw TemplateError(file: chosenFolder, key: key, problem: "missing (it is in \(origin[key] ?? lang.rawValue))")
            }
        }
        for key in requiredLabels where chosen[key] == nil {
            throw TemplateError(file: chosenFolder, key: key, problem: "missing")
        }
        return Template(name: directory.lastPathComponent, language: language, office: office, theme: theme,
                        sheets: sheets, districtCodes: codes, labels: chosen,
                        fingerprint: try fingerprint(directory))
    }

    /// Keys every template must define (renderers add theirs).
    public static let requiredLabels = (1...12).map { "month.\($0)" } + ["report.title"]

    static func yaml(_ file: URL) throws -> [String: Any] {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw TemplateError(file: file.path, key: "", problem: "cannot be read (\((error as NSError).localizedDescription))")
        }
        let value: Any?
        do {
            value = try Yams.load(yaml: text)
        } catch let error as YamlError {
            throw TemplateError(file: file.path, key: "", problem: "is not valid YAML: \(error)")
        } catch {
            throw TemplateError(file: file.path, key: "", problem: "is not valid YAML: \(error)")
        }
        guard let map = value as? [String: Any] else {
            throw TemplateError(file: file.path, key: "", problem: "must hold keys and values")
        }
        return map
    }

    /// Nested sections become dotted keys; every leaf must be a text.
    static func flatten(_ map: [String: Any], prefix: String, file: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in map {
            let full = prefix.isEmpty ? key : prefix + "." + key
            if let nested = value as? [String: Any] {
                out.merge(try flatten(nested, prefix: full, file: file)) { a, _ in a }
            } else if let text = scalarText(value) {
                out[full] = text
            } else {
                throw TemplateError(file: file.path, key: full, problem: "must be a text")
            }
        }
        return out
    }

    static func scalarText(_ value: Any) -> String? {
        switch value {
        case let s as String: s
        case let i as Int: String(i)
        case let d as Double: String(d)
        case let b as Bool: b ? "true" : "false"
        default: nil
        }
    }

    static func isColour(_ s: String) -> Bool {
        s.count == 7 && s.hasPrefix("#") && s.dropFirst().allSatisfy(\.isHexDigit)
    }

    /// SHA-free fingerprint: sizes and a simple checksum of every file, sorted by name.
    static func fingerprint(_ directory: URL) throws -> String {
        let fm = FileManager.default
        var parts: [String] = []
        let names = (fm.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []).sorted()
        for name in names {
            guard let data = fm.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
            var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
            for byte in data { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
            parts.append("\(name):\(String(h, radix: 16))")
        }
        return parts.joined(separator: ",")
    }
}
