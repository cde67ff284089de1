import ArgumentParser
import Foundation
import OVOPCore
import OVOPIngest
import OVOPTemplate
import OVOPWarehouse

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
        Pipeline.prepareProcess()
        let (files, skipped) = try Pipeline.scan(inputs, logger: logger)
        let lock = try RunLock.acquire(for: store.warehouse, lang: common.lang, logger: logger)
        defer { withExtendedLifetime(lock) {} }
        let warehouse = try Pipeline.open(store.warehouse, logger: logger)
        let codes = try common.districtCodes ?? common.loadTemplate(logger: logger).districtCodes
        let context = IngestContext(nowMicros: Clock.nowMicros(), codeSystem: codes)
        let report = try Pipeline.ingest(warehouse, files: files, skipped: skipped, context: context,
                                         lang: common.lang, logger: logger, progress: Progress.bar(common.lang))
        FileHandle.standardOutput.write(Data(Accounting.table(report, lang: common.lang).utf8))
        try? warehouse.close()
        if report.rejected > 0 || report.rejectedFiles > 0 { throw ExitStatus.rejected.code }
    }
}

