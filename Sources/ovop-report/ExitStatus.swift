import ArgumentParser

/// The exit statuses of ovop-report, documented in `--help` and the README.
enum ExitStatus: Int32 {
    /// Done.
    case done = 0
    /// Done, but some lines or files were rejected.
    case rejected = 1
    /// The command line was wrong.
    case usage = 2
    /// The warehouse holds no data for the period.
    case noData = 3
    /// Another run holds the lock.
    case locked = 4
    /// An output could not be written (disk full, permissions).
    case outputFailed = 5
    /// The warehouse cannot be used (damaged, newer version, I/O error).
    case warehouseFailed = 6
    /// An input folder or file given on the command line does not exist.
    case inputMissing = 7
    /// The template is missing or broken (the message names the file and key).
    case templateInvalid = 8

    var code: ExitCode { ExitCode(rawValue) }

    static let helpText = """
        Exit status:
          0  done
          1  done, but some lines or files were rejected (see the messages and rejects-P.csv)
          2  usage error (wrong command, option or value)
          3  no data for the period in the warehouse
          4  another ovop-report run is in progress (lock held)
          5  an output could not be written (disk full, permissions)
          6  the warehouse cannot be used (damaged, from a newer version, or unreadable)
          7  an input file or folder named on the command line does not exist
          8  the template is missing or broken (the message names the file and the key)
        """
}
