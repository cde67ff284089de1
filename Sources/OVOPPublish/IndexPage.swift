import Foundation
#if canImport(Glibc)
import Glibc
#endif
import OVOPCore
import OVOPTemplate

/// `OUTPUT/index.html`: every period with its key figures and links to its files, newest
/// first. Static and self-contained (no scripts, no network), readable on a phone.
public enum IndexPage {
    /// Rewrites the page from the period folders found under `outputRoot` (only when it changed).
    public static func write(outputRoot: URL, template: Template) throws {
        let html = render(outputRoot: outputRoot, template: template)
        let url = outputRoot.appendingPathComponent("index.html")
        if let existing = try? Data(contentsOf: url), existing == Data(html.utf8) { return }
        let temporary = outputRoot.appendingPathComponent(".index.html.partial-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(html.utf8).write(to: temporary)
            // rename(2) replaces the old page atomically.
            guard rename(temporary.path, url.path) == 0 else {
                throw PublishError(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw PublishError(path: url.path, reason: (error as NSError).localizedDescription)
        }
    }

    struct Entry {
        var period: Period
        var figures: [String: Any]
        var files: [String]
        var runTime: String
    }

    static func entries(_ outputRoot: URL) -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outputRoot.path)) ?? []
        return names.compactMap { name -> Entry? in
            guard let period = Period(canonical: name) else { return nil }
            let folder = outputRoot.appendingPathComponent(name)
            func object(_ file: String) -> [String: Any]? {
                guard let data = try? Data(contentsOf: folder.appendingPathComponent(file)) else { return nil }
                return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            }
            let manifest = object("manifest.json")
            // Reports written before the manifest carried the province's figures: read the indicators.
            guard let province = manifest?["province"] as? [String: Any]
                    ?? object("indicators-\(name).json")?["province"] as? [String: Any] else { return nil }
            let files = ((manifest?["outputs"] as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String }
            let runTime = manifest?["run_time"] as? String ?? ""
            return Entry(period: period, figures: province, files: files.sorted(), runTime: runTime)
        }.sorted { $0.period > $1.period }
    }

    static func render(outputRoot: URL, template t: Template) -> String {
        let list = entries(outputRoot)
        var body = ""
        for e in list {
            let p = e.period.description
            func int(_ key: String) -> Int64 { (e.figures[key] as? NSNumber)?.int64Value ?? 0 }
            let growth = (e.figures["mom_growth"] as? NSNumber).map { Format.percent($0.doubleValue, signed: true) } ?? "–"
            let main = e.files.filter { !$0.contains("/") }
            let perDistrict = e.files.filter { $0.hasPrefix("kabupaten/") }
            body += """
                <section id="p\(p)">
                <h2>\(escape(t.periodInWords(e.period)))</h2>
                <dl>
                <div><dt>\(escape(t["indicator.revenue"]))</dt><dd>\(Format.rupiah(int("revenue")))</dd></div>
                <div><dt>\(escape(t["indicator.mom_growth"]))</dt><dd>\(growth)</dd></div>
                <div><dt>\(escape(t["indicator.cooperatives"]))</dt><dd>\(Format.integer(int("cooperatives")))</dd></div>
                <div><dt>\(escape(t["indicator.villages"]))</dt><dd>\(Format.integer(int("villages")))</dd></div>
                <div><dt>\(escape(t["indicator.products"]))</dt><dd>\(Format.integer(int("products")))</dd></div>
                </dl>
                <p class="files">\(escape(t["index.files"])): \(main.map { "<a href=\"\(p)/\(escapeURL($0))\">\(escape($0))</a>" }.joined(separator: " · "))</p>

                """
            if !perDistrict.isEmpty {
                body += "<details><summary>\(escape(t["index.districts"]))</summary><ul>"
                    + perDistrict.map { "<li><a href=\"\(p)/\(escapeURL($0))\">\(escape(String($0.dropFirst(10))))</a></li>" }.joined()
                    + "</ul></details>\n"
            }
            if !e.runTime.isEmpty {
                body += "<p class=\"when\">\(escape(t["index.generated"])) \(escape(e.runTime))</p>\n"
            }
            body += "</section>\n"
        }
        if list.isEmpty { body = "<p>\(escape(t["index.none"]))</p>\n" }
        return """
            <!DOCTYPE html>
            <html lang="\(t.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(t["index.title"]))</title>
            <style>
            body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0; color: #222; background: #f5f6f8; }
            header { background: \(t.theme.primary); color: \(t.theme.headerText); padding: 1rem; }
            header h1 { margin: 0; font-size: 1.3rem; }
            header p { margin: .3rem 0 0; font-size: .9rem; }
            main { max-width: 48rem; margin: 0 auto; padding: .5rem; }
            section { background: #fff; border-radius: 6px; padding: .8rem 1rem; margin: .8rem 0; box-shadow: 0 1px 2px #0002; }
            h2 { margin: 0 0 .5rem; font-size: 1.15rem; color: \(t.theme.primary); }
            dl { display: flex; flex-wrap: wrap; gap: .4rem 1.4rem; margin: 0; }
            dl div { min-width: 9rem; }
            dt { font-size: .8rem; color: #555; }
            dd { margin: 0; font-weight: bold; font-variant-numeric: tabular-nums; }
            .files { margin: .6rem 0 0; line-height: 1.8; word-break: break-word; }
            a { color: \(t.theme.primary); }
            .when { font-size: .8rem; color: #666; margin: .4rem 0 0; }
            </style>
            </head>
            <body>
            <header><h1>\(escape(t["index.title"]))</h1><p>\(escape(t.office.unit)) — \(escape(t.office.name))</p></header>
            <main>
            <p>\(escape(t["index.intro"]))</p>
            \(body)</main>
            </body>
            </html>

            """
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func escapeURL(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? s
    }
}

/// Indonesian number formatting for texts: `Rp 1.250.000`, `12,5%`.
public enum Format {
    public static func integer(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "." }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    public static func rupiah(_ n: Int64) -> String { "Rp " + integer(n) }

    public static func percent(_ fraction: Double, signed: Bool = false) -> String {
        let value = (fraction * 1000).rounded() / 10
        let text = String(format: "%.1f", abs(value)).replacingOccurrences(of: ".", with: ",") + "%"
        if signed { return (value > 0 ? "+" : value < 0 ? "−" : "") + text }
        return (value < 0 ? "−" : "") + text
    }
}
