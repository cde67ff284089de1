import OVOPCore

/// Reads CSV submission files (SPEC 3 "CSV", SPEC 11 "CSV").
///
/// Works on UTF-8 bytes: records are tokenised per RFC 4180 without building a
/// `String` for anything but the cells that hold a value.
enum CSVReader {
    static let quote: UInt8 = 0x22
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    /// Candidate delimiters in tie-break order (SPEC 11): `,` then `;` then tab.
    static let delimiters: [UInt8] = [0x2C, 0x3B, 0x09]
    /// How many non-blank lines are searched for the header (SPEC 11).
    static let headerSearchLines = 10
    /// No known column name is longer; longer header cells are not looked up.
    static let longestHeaderCell = 256

    /// Reads UTF-8 text bytes (byte-order mark already removed).
    static func read(_ text: [UInt8]) -> ParsedFile {
        text.withUnsafeBufferPointer { read($0) }
    }

    /// A cell's place in the text, as the tokeniser found it.
    struct Cell {
        var start: Int
        var end: Int
        /// `.plain`: the raw range; `.quoted`: the range inside the quotes, no escapes;
        /// `.complex`: the raw range from the opening quote, to be decoded.
        var kind: Kind

        enum Kind: UInt8 { case plain, quoted, complex }
    }

    /// Where a record ended.
    struct Scan {
        /// Position after the record's line end.
        var next: Int
        /// Physical line breaks consumed, the record's own line end included.
        var lineBreaks: Int
        /// A quote was still open at the end of the file.
        var openQuote: Bool
    }

    /// The header record: its delimiter, the column each cell names, and where it ended.
    struct Header {
        var delimiter: UInt8
        var columns: [Field?]
        var cells: [Cell]
        var scan: Scan
        /// The physical line the header starts on.
        var line: Int
    }

    /// Finds header and delimiter together (SPEC 11 "CSV"): after an optional `sep=` line,
    /// the first of the first ten non-blank lines on which some delimiter yields at least
    /// three known column names, with the delimiter that yields the most.
    static func findHeader(_ p: UnsafeBufferPointer<UInt8>) -> Header? {
        var cells: [Cell] = []
        var pos = 0
        var line = 1
        var candidates = delimiters
        if let (sep, next) = excelSeparatorLine(p) {
            candidates = [sep]
            pos = next
            line = 2
        }
        var nonBlank = 0
        while pos < p.count && nonBlank < headerSearchLines {
            let (lineEnd, nextLine) = physicalLine(p, from: pos)
            if !isBlankLine(p, pos, lineEnd) {
                nonBlank += 1
                var best: (known: Int, header: Header)?
                for d in candidates {
                    let scan = scanRecord(p, from: pos, delimiter: d, cells: &cells)
                    let columns = cells.map { headerField(p, $0) }
                    let known = Set(columns.compactMap { $0 }).count
                    if known >= 3 && known > (best?.known ?? 0) {
                        best = (known, Header(delimiter: d, columns: columns, cells: cells, scan: scan, line: line))
                    }
                }
                if let best { return best.header }
            }
            pos = nextLine
            line += 1
        }
        return nil
    }

    static func read(_ p: UnsafeBufferPointer<UInt8>) -> ParsedFile {
        var result = ParsedFile()
        guard let header = findHeader(p) else {
            result.fileError = (.missingColumn, requiredNames(missingFrom: []))
            return result
        }

        // Column map: first of a repeated column wins; unknown names are warned once.
        let delimiter = header.delimiter
        var ordinals = [Int](repeating: -1, count: header.columns.count)
        var present = Set<Field>()
        var unknownSeen = Set<String>()
        for (i, field) in header.columns.enumerated() {
            if let field {
                if present.insert(field).inserted { ordinals[i] = field.ordinal }
            } else if let name = cellText(p, header.cells[i]) {
                if unknownSeen.insert(Field.normaliseHeader(name)).inserted {
                    result.fileWarnings.append((.unknownColumn, name))
                }
            }
        }
        if Field.allCases.contains(where: { $0.isRequired && !present.contains($0) }) {
            result.fileError = (.missingColumn, requiredNames(missingFrom: present))
        }

        // Records.
        let width = header.columns.count
        let fieldCount = Field.allCases.count
        var cells: [Cell] = []
        cells.reserveCapacity(width + 8)
        var pos = header.scan.next
        var line = header.line + header.scan.lineBreaks
        while pos < p.count {
            let start = line
            let scan = scanRecord(p, from: pos, delimiter: delimiter, cells: &cells)
            pos = scan.next
            line += scan.lineBreaks
            if !scan.openQuote && cells.allSatisfy({ isBlankCell(p, $0) }) { continue }

            var record = RawRecord(line: start, values: [RawValue?](repeating: nil, count: fieldCount))
            for i in 0..<min(width, cells.count) where ordinals[i] >= 0 {
                if let s = cellText(p, cells[i]) { record.values[ordinals[i]] = .text(s) }
            }
            if scan.openQuote || cells.count != width {
                record.defect = .malformedRow
            }
            if record.defect != nil || result.fileError != nil {
                // The rejects file shows the record as written: a malformed row's cells do not
                // fit the columns, and under a header without a required column some of the
                // values the clerk typed sit in columns the reader does not know.
                record.rawText = cells.map { cellText(p, $0) ?? "" }
                    .joined(separator: String(UnicodeScalar(delimiter)))
            }
            result.records.append(record)
        }
        return result
    }

    /// The required columns not in `present`, canonical names in column order, comma-separated.
    static func requiredNames(missingFrom present: Set<Field>) -> String {
        Field.allCases.filter { $0.isRequired && !present.contains($0) }.map(\.rawValue)
            .joined(separator: ", ")
    }

    /// An Excel `sep=X` first line (X one of `,` `;` tab): the delimiter and where the next line starts.
    static func excelSeparatorLine(_ p: UnsafeBufferPointer<UInt8>) -> (UInt8, Int)? {
        let (lineEnd, next) = physicalLine(p, from: 0)
        var e = lineEnd
        while e > 0 && p[e - 1] == 0x20 { e -= 1 }
        guard e == 5, p[0] | 0x20 == 0x73, p[1] | 0x20 == 0x65, p[2] | 0x20 == 0x70, p[3] == 0x3D,
            delimiters.contains(p[4])
        else { return nil }
        return (p[4], next)
    }

    /// The end of the physical line starting at `start` (before its CR, LF or CRLF) and the next line's start.
    static func physicalLine(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, next: Int) {
        var i = start
        while i < p.count {
            let b = p[i]
            if b == lineFeed { return (i, i + 1) }
            if b == carriageReturn {
                return (i, i + 1 < p.count && p[i + 1] == lineFeed ? i + 2 : i + 1)
            }
            i += 1
        }
        return (i, i)
    }

    /// A physical line with nothing but white space, delimiters and quotes: every cell would be empty.
    static func isBlankLine(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            let b = p[i]
            if b == quote || b == 0x2C || b == 0x3B {
                i += 1
                continue
            }
            let w = TextDecoding.whitespaceLength(p, at: i, end: end)
            if w == 0 { return false }
            i += w
        }
        return true
    }

    /// Tokenises one record from `start` (RFC 4180). A quote opens a quoted cell only as the
    /// cell's first byte; elsewhere it is literal. Text after a closing quote is kept literally.
    static func scanRecord(
        _ p: UnsafeBufferPointer<UInt8>, from start: Int, delimiter d: UInt8,
        cells: inout [Cell]
    ) -> Scan {
        cells.removeAll(keepingCapacity: true)
        let n = p.count
        var i = start
        var breaks = 0
        while true {
            let cellStart = i
            if i < n && p[i] == quote {
                i += 1
                let inner = i
                var innerEnd = -1
                var complex = false
                while i < n {
                    let b = p[i]
                    if b == quote {
                        if i + 1 < n && p[i + 1] == quote {
                            complex = true
                            i += 2
                            continue
                        }
                        innerEnd = i
                        i += 1
                        break
                    }
                    if b == lineFeed || (b == carriageReturn && !(i + 1 < n && p[i + 1] == lineFeed)) {
                        breaks += 1
                    }
                    i += 1
                }
                if innerEnd < 0 {
                    cells.append(Cell(start: cellStart, end: n, kind: .complex))
                    return Scan(next: n, lineBreaks: breaks, openQuote: true)
                }
                if i < n, p[i] != d, p[i] != lineFeed, p[i] != carriageReturn {
                    complex = true
                    while i < n, p[i] != d, p[i] != lineFeed, p[i] != carriageReturn { i += 1 }
                }
                cells.append(
                    complex
                        ? Cell(start: cellStart, end: i, kind: .complex)
                        : Cell(start: inner, end: innerEnd, kind: .quoted))
            } else {
                while i < n {
                    let b = p[i]
                    if b == d || b == lineFeed || b == carriageReturn { break }
                    i += 1
                }
                cells.append(Cell(start: cellStart, end: i, kind: .plain))
            }
            if i >= n { return Scan(next: n, lineBreaks: breaks, openQuote: false) }
            let b = p[i]
            i += 1
            if b == d { continue }
            if b == carriageReturn && i < n && p[i] == lineFeed { i += 1 }
            return Scan(next: i, lineBreaks: breaks + 1, openQuote: false)
        }
    }

    /// The cell's bytes with quotes undone (only for `.complex` cells).
    static func unquote(_ p: UnsafeBufferPointer<UInt8>, _ cell: Cell) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(cell.end - cell.start)
        var i = cell.start + 1
        while i < cell.end {
            let b = p[i]
            if b == quote {
                if i + 1 < cell.end && p[i + 1] == quote {
                    out.append(quote)
                    i += 2
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[(i + 1)..<cell.end]))
                break
            }
            out.append(b)
            i += 1
        }
        return out
    }

    /// The cell's trimmed text, or `nil` when it is empty or white space.
    static func cellText(_ p: UnsafeBufferPointer<UInt8>, _ cell: Cell) -> String? {
        if cell.kind != .complex { return TextDecoding.trimmedString(p, cell.start, cell.end) }
        let bytes = unquote(p, cell)
        return bytes.withUnsafeBufferPointer { TextDecoding.trimmedString($0, 0, $0.count) }
    }

    static func isBlankCell(_ p: UnsafeBufferPointer<UInt8>, _ cell: Cell) -> Bool {
        if cell.kind != .complex {
            let (s, e) = TextDecoding.trim(p, cell.start, cell.end)
            return s == e
        }
        return cellText(p, cell) == nil
    }

    /// The column a header cell names, if any.
    static func headerField(_ p: UnsafeBufferPointer<UInt8>, _ cell: Cell) -> Field? {
        guard cell.end - cell.start <= longestHeaderCell, let name = cellText(p, cell) else { return nil }
        return Field(header: name)
    }
}
