import ArgumentParser
import Foundation
import OVOPCore
import OVOPIngest
import OVOPPublish
import OVOPTemplate
import OVOPWarehouse

/// `ovop-report run`: the monthly command for cron.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Muat kiriman baru dari kotak masuk lalu tulis laporan / ingest what is new in the inbox, then report.",
        discussion: """
            The period defaults to the previous calendar month in WITA (UTC+8). Runs never overlap
            (a lock beside the warehouse); with nothing new and the same template the report is
            left as it is (--force writes it again). Exit status 1 when lines or files were
            rejected (the report is still written).

            \(ExitStatus.helpText)
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var store: WarehouseOptions

    @Option(name: .long, help: ArgumentHelp("Folder where submissions arrive.", valueName: "dir"))
    var inbox: String = "inbox"

    @Option(name: .long, help: ArgumentHelp("The period, YYYY-MM (default: the previous month in WITA).", valueName: "YYYY-MM"))
    var period: Period?

    @Option(name: .long, help: ArgumentHelp("Folder for the reports.", valueName: "dir"))
    var output: String = "output"

    @Flag(name: .long, help: "Write the report again even when nothing has changed.")
    var force = false

    func run() throws {
        Pipeline.prepareProcess()
        let logger = common.makeLogger()
        let now = Clock.nowMicros()
        let lang = common.lang
        let template = try common.loadTemplate(logger: logger)
        let (files, skipped) = try Pipeline.scan([inbox], logger: logger)
        let lock = try RunLock.acquire(for: store.warehouse, lang: lang, logger: logger)
        defer { withExtendedLifetime(lock) {} }
        let warehouse = try Pipeline.open(store.warehouse, logger: logger)
        defer { try? warehouse.close() }
        let context = IngestContext(nowMicros: now, codeSystem: common.districtCodes ?? template.districtCodes)
        let clock = ContinuousClock()
        var start = clock.now
        let ingested = try Pipeline.ingest(warehouse, files: files, skipped: skipped, context: context,
                                           lang: lang, logger: logger, progress: Progress.bar(lang))
        logger.debug("stage ingest \(Pipeline.seconds(clock.now - start)) s\(Pipeline.peakMemory())")
        start = clock.now
        let p = period ?? Pipeline.defaultPeriod(nowMicros: now)
        let state = try Pipeline.state(warehouse, period: p, template: template)
        if !force, ingested.changedFiles == 0,
           Publisher.recordedState(outputRoot: URL(fileURLWithPath: output), period: p) == state {
            let note = lang == .id
                ? "tidak ada kiriman baru atau berubah; laporan \(p) sudah terbaru (tulis ulang dengan --force)"
                : "nothing new or changed; report \(p) is up to date (write it again with --force)"
            logger.info("\(note)")
            return
        }
        _ = try Pipeline.report(warehouse, period: p, output: output, template: template, nowMicros: now,
                                state: state, skipped: skipped, logger: logger)
        logger.debug("stage report \(Pipeline.seconds(clock.now - start)) s\(Pipeline.peakMemory())")
        if ingested.rejected > 0 || ingested.rejectedFiles > 0 { throw ExitStatus.rejected.code }
    }
}
