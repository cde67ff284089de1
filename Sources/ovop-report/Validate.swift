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

/// `ovop-report ingest`: loads submissions into the warehouse.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Muat berkas kiriman ke gudang data / load submission files into the warehouse.",
        discussion: "Files already loaded (same path and content) are passed over; a changed file is loaded again and its lines win by the rules. Exit status 1 when lines or files were rejected.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var store: WarehouseOptions

    @Argument(help: ArgumentHelp("Submission files or folders.", valueName: "file-or-folder"))
    var inputs: [String]

    func run() throws {
        let logger = common.makeLogger()
        let (files, skipped) = try Pipeline.scan(inputs, logger: logger)
        let warehouse = try Pipeline.open(store.warehouse, logger: logger)
        let codes = try common.districtCodes ?? common.loadTemplate(logger: logger).districtCodes
        let context = IngestContext(nowMicros: Clock.nowMicros(), codeSystem: codes)
        let report = try Pipeline.ingest(warehouse, files: files, skipped: skipped, context: context,
                                         lang: common.lang, logger: logger)
        try? warehouse.close()
        if report.rejected > 0 || report.rejectedFiles > 0 { throw ExitStatus.rejected.code }
    }
}

/// `ovop-report report`: writes the outputs of one period from the warehouse.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tulis laporan satu periode dari gudang data / write one period's report from the warehouse.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var store: WarehouseOptions

    @Option(name: .long, help: ArgumentHelp("The period, YYYY-MM.", valueName: "YYYY-MM"))
    var period: Period

    @Option(name: .long, help: ArgumentHelp("Folder for the reports; the period's files go to OUTPUT/YYYY-MM/.", valueName: "dir"))
    var output: String = "output"

    func run() throws {
        let logger = common.makeLogger()
        guard FileManager.default.fileExists(atPath: store.warehouse) else {
            let note = common.lang == .id ? "gudang data \(store.warehouse) tidak ada: jalankan ingest atau run dulu"
                                          : "warehouse \(store.warehouse) does not exist: run ingest or run first"
            logger.error("\(note)")
            throw ExitStatus.noData.code
        }
        let template = try common.loadTemplate(logger: logger)
        let warehouse = try Pipeline.open(store.warehouse, logger: logger)
        _ = try Pipeline.report(warehouse, period: period, output: output, template: template,
                                nowMicros: Clock.nowMicros(), logger: logger)
    }
}

/// `ovop-report run`: the monthly command for cron.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Muat kiriman baru dari kotak masuk lalu tulis laporan / ingest what is new in the inbox, then report.",
        discussion: "The period defaults to the previous calendar month in WITA (UTC+8). Exit status 1 when lines or files were rejected (the report is still written).")

    @OptionGroup var common: CommonOptions
    @OptionGroup var store: WarehouseOptions

    @Option(name: .long, help: ArgumentHelp("Folder where submissions arrive.", valueName: "dir"))
    var inbox: String = "inbox"

    @Option(name: .long, help: ArgumentHelp("The period, YYYY-MM (default: the previous month in WITA).", valueName: "YYYY-MM"))
    var period: Period?

    @Option(name: .long, help: ArgumentHelp("Folder for the reports.", valueName: "dir"))
    var output: String = "output"

    func run() throws {
        let logger = common.makeLogger()
        let now = Clock.nowMicros()
        let template = try common.loadTemplate(logger: logger)
        let (files, skipped) = try Pipeline.scan([inbox], logger: logger)
        let warehouse = try Pipeline.open(store.warehouse, logger: logger)
        let context = IngestContext(nowMicros: now, codeSystem: common.districtCodes ?? template.districtCodes)
        let clock = ContinuousClock()
        var start = clock.now
        let ingested = try Pipeline.ingest(warehouse, files: files, skipped: skipped, context: context,
                                           lang: common.lang, logger: logger)
        logger.debug("stage ingest \(Pipeline.seconds(clock.now - start)) s")
        start = clock.now
        let p = period ?? Pipeline.defaultPeriod(nowMicros: now)
        _ = try Pipeline.report(warehouse, period: p, output: output, template: template, nowMicros: now,
                                logger: logger)
        logger.debug("stage report \(Pipeline.seconds(clock.now - start)) s")
        try? warehouse.close()
        if ingested.rejected > 0 || ingested.rejectedFiles > 0 { throw ExitStatus.rejected.code }
    }
}
