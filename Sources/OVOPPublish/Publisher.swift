import Foundation
import OVOPAnalytics
import OVOPCore
import OVOPIngest
import OVOPWarehouse

/// Why the period's files could not be written.
public struct PublishError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}

/// A written file of the period, as the manifest and `SHA256SUMS` list it.
struct WrittenFile {
    var name: String
    var sha256: String
    var bytes: Int64
}

/// Writes the files of a period under `OUTPUT/P/` (SPEC 7): aside first, then renamed into place.
public struct Publisher {
    public var outputRoot: URL
    public var language: Language
    public var toolVersion: String
    public var template: String
    public var nowMicros: Int64
    /// What the report was made from (see `Pipeline.state`), recorded in the manifest.
    public var state: String?

    public init(outputRoot: URL, language: Language, toolVersion: String, template: String, nowMicros: Int64) {
        self.outputRoot = outputRoot
        self.language = language
        self.toolVersion = toolVersion
        self.template = template
        self.nowMicros = nowMicros
    }

    /// The fixed files of SPEC 7 that need no renderer, written straight to their files (a
    /// month of a million lines makes them large): `indicators-P.json` and `rejects-P.csv`.
    func writeCoreFiles(_ report: PeriodReport, into folder: URL) throws {
        let p = report.period.description
        try TextFileStream.write(folder.appendingPathComponent("indicators-\(p).json")) { out in
            IndicatorsDocument.json(report).write(to: &out)
        }
        try TextFileStream.write(folder.appendingPathComponent("rejects-\(p).csv")) { out in
            try rejects(report, to: out)
        }
    }

    /// `rejects-P.csv`: every rejected line with its file, line, codes, message and raw values.
    public func rejects(_ report: PeriodReport, to output: some TextOutputStream) throws {
        var csv = CSVWriter(output)
        let fieldNames = Field.allCases.map { language == .id ? $0.rawValue : $0.englishName }
        let head = language == .id
            ? ["berkas", "baris", "periode_terbaca", "kabupaten_kota_terbaca", "kode_galat", "pesan"]
            : ["file", "line", "period_read", "district_read", "codes", "message"]
        csv.row(head + fieldNames + [language == .id ? "isi_baris" : "record_text"])
        try report.rejects.forEach { r in
            let message = r.diagnostics.map { $0.message(language) }.joined(separator: "; ")
            csv.row([r.file, String(r.line), r.period?.description ?? "", r.district ?? "",
                     r.codes.map(\.rawValue).joined(separator: " "), message]
                    + r.raw.map { $0 ?? "" } + [r.rawText ?? ""])
        }
    }

    /// Writes the indicators and rejects, then whatever `render` writes into the staging folder
    /// (workbook, PDF, charts), then the zip, `manifest.json` and `SHA256SUMS` over all of them,
    /// into `OUTPUT/P`: the previous report is replaced only once everything is written.
    @discardableResult
    public func publish(_ report: PeriodReport, render: (URL) throws -> Void = { _ in }) throws -> URL {
        let fm = FileManager.default
        let p = report.period.description
        let final = outputRoot.appendingPathComponent(p)
        let staging = outputRoot.appendingPathComponent(".\(p).partial-\(ProcessInfo.processInfo.processIdentifier)")
        let old = outputRoot.appendingPathComponent(".\(p).old-\(ProcessInfo.processInfo.processIdentifier)")
        func attempt<T>(_ path: URL, _ body: () throws -> T) throws -> T {
            do { return try body() } catch let error as PublishError { throw error } catch {
                throw PublishError(path: path.path, reason: (error as NSError).localizedDescription)
            }
        }
        try attempt(outputRoot) { try fm.createDirectory(at: outputRoot, withIntermediateDirectories: true) }
        recoverInterrupted(period: p)
        try attempt(staging) { try fm.createDirectory(at: staging, withIntermediateDirectories: true) }
        do {
            try attempt(staging) { try writeCoreFiles(report, into: staging) }
            try render(staging)
            try attempt(staging.appendingPathComponent("ovop-kaltim-\(p).zip")) {
                try Bundler.zip(folder: staging, to: staging.appendingPathComponent("ovop-kaltim-\(p).zip"),
                                micros: nowMicros)
            }
            var outputs: [WrittenFile] = []
            for name in Publisher.listFiles(staging) {
                let url = staging.appendingPathComponent(name)
                let digest = try attempt(url) { try Digest.sha256(file: url) }
                outputs.append(WrittenFile(name: name, sha256: digest.hex, bytes: digest.bytes))
            }
            let manifestText = Array(manifest(report, outputs: outputs).serialized().utf8)
            let all = (outputs + [WrittenFile(name: "manifest.json", sha256: Digest.sha256(manifestText),
                                              bytes: Int64(manifestText.count))]).sorted { $0.name < $1.name }
            let sums = all.map { "\($0.sha256)  \($0.name)\n" }.joined()
            for (name, bytes) in [("manifest.json", manifestText), ("SHA256SUMS", Array(sums.utf8))] {
                let url = staging.appendingPathComponent(name)
                try attempt(url) { try Data(bytes).write(to: url) }
            }
            if fm.fileExists(atPath: final.path) {
                try attempt(final) { try fm.moveItem(at: final, to: old) }
            }
            try attempt(final) { try fm.moveItem(at: staging, to: final) }
            try? fm.removeItem(at: old)
        } catch {
            try? fm.removeItem(at: staging)
            if !fm.fileExists(atPath: final.path), fm.fileExists(atPath: old.path) {
                try? fm.moveItem(at: old, to: final)
            }
            throw error
        }
        return final
    }

    /// Cleans up after a run that was killed while publishing `period`: its staging folders
    /// are removed, and a previous report moved aside is put back if nothing replaced it.
    func recoverInterrupted(period: String) {
        let fm = FileManager.default
        let final = outputRoot.appendingPathComponent(period)
        let names = (try? fm.contentsOfDirectory(atPath: outputRoot.path)) ?? []
        for name in names.sorted() where name.hasPrefix(".\(period).partial-") {
            try? fm.removeItem(at: outputRoot.appendingPathComponent(name))
        }
        for name in names.sorted() where name.hasPrefix(".\(period).old-") {
            let old = outputRoot.appendingPathComponent(name)
            if fm.fileExists(atPath: final.path) {
                try? fm.removeItem(at: old)
            } else {
                try? fm.moveItem(at: old, to: final)
            }
        }
    }

    /// The state recorded in the manifest of the report of `period`, if there is one.
    public static func recordedState(outputRoot: URL, period: Period) -> String? {
        let url = outputRoot.appendingPathComponent("\(period)/manifest.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = object["outputs"] as? [[String: Any]] else { return nil }
        // A report whose files were damaged or removed is not up to date.
        for file in files {
            guard let name = file["file"] as? String, let bytes = file["bytes"] as? Int,
                  let size = (try? FileManager.default.attributesOfItem(
                      atPath: outputRoot.appendingPathComponent("\(period)/\(name)").path))?[.size] as? Int,
                  size == bytes else { return nil }
        }
        return object["state"] as? String
    }

    /// Relative paths of the regular files below `dir`, sorted.
    static func listFiles(_ dir: URL) -> [String] {
        let names = (FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String]) ?? []
        return names.filter { name in
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path, isDirectory: &isDir)
            return exists && !isDir.boolValue
        }.sorted()
    }

    /// `manifest.json`: inputs, outputs, tool version, template, period, run time.
    func manifest(_ report: PeriodReport, outputs: [WrittenFile]) -> JSONValue {
        .object([
            ("tool", .object([("name", .string("ovop-report")), ("version", .string(toolVersion))])),
            ("period", .string(report.period.description)),
            ("run_time", .string(Clock.isoWITA(micros: nowMicros))),
            ("template", .string(template)),
            ("language", .string(language.rawValue)),
            ("state", .optional(state)),
            // The province's figures, for the index of all periods (the indicators file of a
            // large month is too big to read for five numbers).
            ("province", IndicatorsDocument.indicators(report.province)),
            ("inputs", .array(report.quality.files.map { f in
                .object([
                    ("path", .string(f.path)), ("sha256", .string(f.sha256)), ("status", .string(f.status.rawValue)),
                    ("read", .int(Int64(f.counts.read))), ("accepted", .int(Int64(f.counts.accepted))),
                    ("rejected", .int(Int64(f.counts.rejected))), ("superseded", .int(Int64(f.counts.superseded))),
                ])
            })),
            ("outputs", .array(outputs.sorted { $0.name < $1.name }.map { f in
                .object([("file", .string(f.name)), ("sha256", .string(f.sha256)), ("bytes", .int(f.bytes))])
            })),
        ])
    }
}
