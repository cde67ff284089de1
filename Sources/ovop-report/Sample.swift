import ArgumentParser

/// `ovop-report sample`: writes a realistic, deterministic sample data set.
struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tulis data contoh / write a realistic sample data set.")

    @Option(name: .long, help: ArgumentHelp("Folder to write the sample submissions to.", valueName: "dir"))
    var output: String

    func run() throws {}
}
