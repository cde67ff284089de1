import ArgumentParser
import Foundation
import OVOPCore
import OVOPSample

/// `ovop-report sample`: writes a realistic, deterministic sample data set.
struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tulis data contoh / write a realistic sample data set.",
        discussion: """
            One folder per month with one file per district in the forms offices really send
            (CSV with `,` or `;`, Excel exports with title rows, English spreadsheets, JSON,
            NDJSON), a few resubmissions and a few bad lines. With --clean: canonical CSV only,
            nothing bad (for benchmarks). Same options, same bytes.
            """)

    @Option(name: .long, help: ArgumentHelp("Folder to write the submissions to.", valueName: "dir"))
    var output: String

    @Option(name: .long, help: "Number of months.")
    var months: Int = 12

    @Option(name: .long, help: ArgumentHelp("Last month, YYYY-MM (default: the previous month in WITA).", valueName: "YYYY-MM"))
    var end: Period?

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 2026

    @Option(name: .long, help: "Approximate number of lines across all months.")
    var lines: Int = 2_400

    @Flag(name: .long, help: "Canonical CSV only, no bad lines or resubmissions.")
    var clean = false

    func validate() throws {
        guard (1...600).contains(months) else { throw ValidationError("--months must be 1 to 600") }
        guard (1...50_000_000).contains(lines) else { throw ValidationError("--lines must be 1 to 50000000") }
    }

    func run() throws {
        let last = end ?? Clock.period(ofMicros: Clock.nowMicros()).previous
        let summary = try SampleGenerator.write(
            to: URL(fileURLWithPath: output),
            options: SampleOptions(months: months, end: last, seed: seed, lines: lines, clean: clean))
        print("\(summary.files) files, \(summary.lines) lines (\(summary.badLines) bad, \(summary.resubmissions) resubmitted) in \(output)")
    }
}
