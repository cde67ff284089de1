import ArgumentParser
import Foundation

@main
struct OVOPReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ovop-report",
        abstract: "Laporan bulanan OVOP Kalimantan Timur: memeriksa dan memuat kiriman koperasi, lalu menulis laporan per kabupaten/kota.",
        discussion: """
            Monthly OVOP report for East Kalimantan. Typical use, once a month from cron:
              ovop-report run --inbox /srv/ovop/inbox --output /srv/ovop/output

            \(ExitStatus.helpText)
            """,
        version: Pipeline.toolVersion,
        subcommands: [Validate.self, Ingest.self, Report.self, Run.self, Sample.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // Usage errors exit 2, as documented.
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
