import ArgumentParser
import Foundation
import OVOPCore
import OVOPIngest
import OVOPTemplate
import OVOPWarehouse

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
        Pipeline.prepareProcess()
        let template = try common.loadTemplate(logger: logger)
        let lock = try RunLock.acquire(for: store.warehouse, lang: common.lang, logger: logger)
        defer { withExtendedLifetime(lock) {} }
        let warehouse = try Pipeline.open(store.warehouse, logger: logger)
        defer { try? warehouse.close() }
        _ = try Pipeline.report(warehouse, period: period, output: output, template: template,
                                nowMicros: Clock.nowMicros(), logger: logger)
    }
}

