import ArgumentParser
import Foundation
import OVOPCore
import OVOPIngest
import OVOPPublish
import OVOPWarehouse

/// `ovop-report validate`: checks submissions without touching the warehouse.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Periksa berkas kiriman tanpa memuatnya / check submission files without loading them.",
        discussion: """
            Prints each problem as `file:line: code: message`, then the accounting.
            Exit status 0 when nothing was rejected, 1 when some lines or files were rejected.
            """)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: text (default) or json.")
    var format: LogFormat = .text

    @Argument(help: ArgumentHelp("Submission files or folders (.csv, .tsv, .json, .ndjson, .jsonl).", valueName: "file-or-folder"))
    var inputs: [String]

    func run() throws {
        let logger = common.makeLogger()
        let (files, skipped) = try Pipeline.scan(inputs, logger: logger)
        let warehouse = try Pipeline.open(":memory:", logger: logger)
        let codes = try common.districtCodes ?? common.loadTemplate(logger: logger).districtCodes
        let context = IngestContext(nowMicros: Clock.nowMicros(), codeSystem: codes)
        let report: RunReport
        do {
            report = try warehouse.ingest(files, skipped: skipped, context: context, toolVersion: Pipeline.toolVersion)
        } catch {
            logger.critical("\(error)")
            throw ExitStatus.warehouseFailed.code
        }
        let lang = common.lang
        switch format {
        case .text:
            var out = ""
            for file in report.files {
                for d in file.diagnostics {
                    out += "\(d.file):\(d.line.map(String.init) ?? "")\(d.line == nil ? "" : ":") \(d.code.rawValue): \(d.message(lang))\n"
                }
            }
            out += Accounting.summary(report, lang: lang) + "\n"
            FileHandle.standardOutput.write(Data(out.utf8))
        case .json:
            let doc = JSONValue.object([
                ("files", .array(report.files.map { f in
                    .object([
                        ("path", .string(f.path)), ("sha256", .string(f.sha256)),
                        ("status", .string(f.disposition.rawValue)),
                        ("error", .optional(f.fileError?.code.rawValue)),
                        ("read", .int(Int64(f.read))), ("accepted", .int(Int64(f.accepted))),
                        ("rejected", .int(Int64(f.rejected))), ("superseded", .int(Int64(f.superseded))),
                        ("problems", .array(f.diagnostics.map { d in
                            .object([
                                ("line", d.line.map { .int(Int64($0)) } ?? .null),
                                ("code", .string(d.code.rawValue)),
                                ("severity", .string(d.code.isWarning ? "warning" : "error")),
                                ("field", .optional(d.field?.rawValue)),
                                ("value", .optional(d.raw)),
                                ("message", .string(d.message(lang))),
                            ])
                        })),
                    ])
                })),
                ("skipped", .array(report.skipped.map(JSONValue.string))),
                ("totals", .object([
                    ("read", .int(Int64(report.read))), ("accepted", .int(Int64(report.accepted))),
                    ("rejected", .int(Int64(report.rejected))), ("superseded", .int(Int64(report.superseded))),
                ])),
            ])
            FileHandle.standardOutput.write(Data(doc.serialized().utf8))
        }
        if report.rejected > 0 || report.rejectedFiles > 0 { throw ExitStatus.rejected.code }
    }
}

