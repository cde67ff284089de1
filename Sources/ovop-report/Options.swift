import ArgumentParser
import Foundation
import Logging
import OVOPCore
import OVOPPublish
import OVOPTemplate
import OVOPXLSX

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Language of messages and reports: id (Indonesian, default) or en (English).")
    var lang: Language = .id

    @Flag(name: .long, help: "Print only warnings and errors (for cron mail).")
    var quiet = false

    @Option(name: .long, help: "Log format on stderr: text (default) or json.")
    var logFormat: LogFormat = .text

    @Flag(name: .long, help: "Also log stage timings and other details.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp(
        "How undotted district codes (6402, 6403, ...) are read: auto (the rules of the spec), bps or kemendagri (default: the template's district_codes).",
        valueName: "system"))
    var districtCodes: CodeSystem?

    @Option(name: .long, help: ArgumentHelp(
        "Template folder with the report's texts, colours and sheets (default: templates/default).",
        valueName: "dir"))
    var template: String?

    /// Loads the template (the default one unless --template), or exits with status 8.
    func loadTemplate(logger: Logger) throws -> Template {
        guard let dir = template.map({ URL(fileURLWithPath: $0) }) ?? TemplateLoader.defaultDirectory() else {
            logger.critical("template not found: give --template DIR (the project ships templates/default)")
            throw ExitStatus.templateInvalid.code
        }
        do {
            let loaded = try TemplateLoader.load(dir, language: lang)
            try WorkbookRenderer.check(loaded)  // the workbook's sheet names and footer, before any work
            return loaded
        } catch {
            logger.critical("\(error)")
            throw ExitStatus.templateInvalid.code
        }
    }

    /// The logger every stage receives (STYLE: only the application configures logging).
    func makeLogger() -> Logger {
        let format = logFormat
        let level: Logger.Level = quiet ? .warning : (verbose ? .debug : .info)
        var logger = Logger(label: "ovop-report") { label in
            StderrLogHandler(label: label, format: format)
        }
        logger.logLevel = level
        return logger
    }
}

struct WarehouseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The warehouse (SQLite history) file.", valueName: "path"))
    var warehouse: String = "output/ovop.sqlite"
}

enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Language: ExpressibleByArgument {}
extension CodeSystem: ExpressibleByArgument {}

extension Period: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(canonical: argument)
    }
}

/// One line per event on stderr: ISO 8601 time in WITA, level and message.
struct StderrLogHandler: LogHandler {
    let label: String
    let format: LogFormat
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let level = event.level
        let message = event.message
        let time = Clock.isoWITA(micros: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()))
        let text: String
        switch format {
        case .text:
            text = "\(time) \(level.rawValue) \(message)\n"
        case .json:
            text = "{\"time\":\(JSONValue.quoted(time)),\"level\":\(JSONValue.quoted(level.rawValue)),"
                + "\"message\":\(JSONValue.quoted("\(message)"))}\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
