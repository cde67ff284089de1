/// Writes RFC 4180 CSV that is safe to open in a spreadsheet (OWASP CSV injection).
public struct CSVWriter<Output: TextOutputStream> {
    public private(set) var output: Output

    /// Starts the CSV with a BOM, so Excel reads UTF-8.
    public init(_ output: Output) {
        self.output = output
        self.output.write("\u{FEFF}")
    }

    /// Appends a row of text cells; each is neutralised and quoted as needed.
    public mutating func row(_ cells: [String]) {
        output.write(cells.map { CSVCell.quote(CSVCell.neutralise($0)) }.joined(separator: ",") + "\r\n")
    }
}

/// One cell of a CSV file.
public enum CSVCell {
    /// A cell a spreadsheet would take for a formula gets a leading `'`.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        return "=+-@\t\r".unicodeScalars.contains(first) ? "'" + cell : cell
    }

    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
