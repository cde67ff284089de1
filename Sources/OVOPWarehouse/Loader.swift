import Foundation
import GRDB
import Logging
import OVOPCore
import OVOPIngest

/// What happened to one input file in a run.
public struct FileOutcome: Sendable {
    public enum Disposition: String, Sendable {
        /// Read and stored (its lines accepted or rejected).
        case ingested
        /// Rejected whole (`fileError` says why); its countable lines were stored as rejected.
        case rejected
        /// Same content as a file already ingested under another path: 0 lines read.
        case duplicate
        /// This very path and content were ingested by an earlier run: nothing to do.
        case unchanged
    }
    public var path: String
    public var sha256: String
    public var disposition: Disposition
    public var read: Int
    public var accepted: Int
    public var rejected: Int
    public var superseded: Int
    public var fileError: Diagnostic?
    /// Every diagnostic of the file (file-level, line errors and warnings), in line order.
    public var diagnostics: [Diagnostic]
    /// The earlier path with the same content, for a duplicate.
    public var duplicateOf: String?
}

/// The accounting of one run (SPEC 4): `read = accepted + rejected`, `accepted = active + superseded`.
public struct RunReport: Sendable {
    public var files: [FileOutcome]
    /// Non-data files met (listed, not rejected).
    public var skipped: [String]

    public var read: Int { files.reduce(0) { $0 + $1.read } }
    public var accepted: Int { files.reduce(0) { $0 + $1.accepted } }
    public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    public var superseded: Int { files.reduce(0) { $0 + $1.superseded } }
    /// Files that brought something new (ingested, rejected or duplicate).
    public var changedFiles: Int { files.filter { $0.disposition != .unchanged }.count }
    public var rejectedFiles: Int { files.filter { $0.disposition == .rejected }.count }
}

extension Warehouse {
    /// Ingests the files in read order in one transaction (SPEC 5): a killed run leaves the
    /// warehouse as it was. Bad files never stop the others.
    public func ingest(_ inputs: [InputFile], skipped: [String], context: IngestContext,
                       toolVersion: String,
                       progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> RunReport {
        do {
            return try dbQueue.write { db in
                try ingest(db, inputs, skipped: skipped, context: context, toolVersion: toolVersion,
                           progress: progress)
            }
        } catch let error as DatabaseError {
            throw WarehouseError.sqlite(path: path, doing: "ingesting", message: "\(error)")
        }
    }

    private func ingest(_ db: Database, _ inputs: [InputFile], skipped: [String], context: IngestContext,
                        toolVersion: String,
                        progress: (@Sendable (Int, Int) -> Void)?) throws -> RunReport {
        // What the warehouse already holds: (path, content) pairs and content first paths.
        var knownPairs = Set<String>()
        var pathOfContent: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT path, sha256, status FROM file ORDER BY id") {
            let p: String = row["path"], sha: String = row["sha256"], status: String = row["status"]
            knownPairs.insert(p + "\u{0}" + sha)
            if status != FileStatus.duplicate.rawValue, !sha.isEmpty, pathOfContent[sha] == nil {
                pathOfContent[sha] = p
            }
        }
        // The run is recorded only when it brings something: re-running with nothing new
        // changes nothing in the warehouse (SPEC 10).
        var recordedRun: Int64?
        func runID() throws -> Int64 {
            if let id = recordedRun { return id }
            try db.execute(sql: "INSERT INTO run (started_micros, tool_version) VALUES (?, ?)",
                           arguments: [context.nowMicros, toolVersion])
            let id = db.lastInsertedRowID
            for path in skipped {
                try db.execute(sql: "INSERT INTO skipped (run_id, path) VALUES (?, ?)", arguments: [id, path])
            }
            recordedRun = id
            return id
        }
        let lastLineBefore = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM line") ?? 0
        let insertLine = try db.makeStatement(sql: LineRow.insertSQL)

        var outcomes: [FileOutcome] = []
        var fileIDs: [Int64?] = []
        for (index, input) in inputs.enumerated() {
            progress?(index, inputs.count)
            let bytes: [UInt8]
            do {
                bytes = try [UInt8](Data(contentsOf: input.url))
            } catch {
                // Unreadable: recorded with an empty content hash so a re-run does not repeat it.
                let key = input.relativePath + "\u{0}"
                let diagnostic = Diagnostic(code: .unreadableFile, file: input.relativePath,
                                            detail: (error as NSError).localizedDescription)
                var outcome = FileOutcome(path: input.relativePath, sha256: "", disposition: .rejected,
                                          read: 0, accepted: 0, rejected: 0, superseded: 0,
                                          fileError: diagnostic, diagnostics: [diagnostic])
                if knownPairs.contains(key) {
                    outcome.disposition = .unchanged
                    outcomes.append(outcome); fileIDs.append(nil)
                    continue
                }
                knownPairs.insert(key)
                try insertFile(db, runID: try runID(), path: input.relativePath, sha: "", status: .rejected,
                               error: diagnostic, read: 0, accepted: 0, rejected: 0,
                               convention: nil, order: nil, warnings: [])
                outcomes.append(outcome); fileIDs.append(db.lastInsertedRowID)
                logger.warning("\(input.relativePath): unreadable-file: \(diagnostic.detail ?? "")")
                continue
            }
            let sha = InputScanner.sha256(bytes)
            let pair = input.relativePath + "\u{0}" + sha
            if knownPairs.contains(pair) {
                outcomes.append(FileOutcome(path: input.relativePath, sha256: sha, disposition: .unchanged,
                                            read: 0, accepted: 0, rejected: 0, superseded: 0,
                                            fileError: nil, diagnostics: []))
                fileIDs.append(nil)
                continue
            }
            knownPairs.insert(pair)
            if let first = pathOfContent[sha] {
                try insertFile(db, runID: try runID(), path: input.relativePath, sha: sha, status: .duplicate,
                               error: nil, read: 0, accepted: 0, rejected: 0,
                               convention: nil, order: nil, warnings: [])
                outcomes.append(FileOutcome(path: input.relativePath, sha256: sha, disposition: .duplicate,
                                            read: 0, accepted: 0, rejected: 0, superseded: 0,
                                            fileError: nil, diagnostics: [], duplicateOf: first))
                fileIDs.append(db.lastInsertedRowID)
                continue
            }
            pathOfContent[sha] = input.relativePath

            let parsed = SubmissionReader.read(bytes, format: input.format)
            let file = Validator.validate(parsed, path: input.relativePath, sha256: sha, context: context)
            try insertFile(db, runID: try runID(), path: file.path, sha: sha, status: file.status,
                           error: file.fileError, read: file.read, accepted: file.acceptedCount,
                           rejected: file.rejectedCount, convention: file.convention,
                           order: file.dateOrder, warnings: file.fileWarnings)
            let fileID = db.lastInsertedRowID
            for verdict in file.lines {
                insertLine.setUncheckedArguments(LineRow.arguments(verdict, fileID: fileID))
                try insertLine.execute()
            }
            var diagnostics = file.fileError.map { [$0] } ?? []
            diagnostics += file.fileWarnings
            for verdict in file.lines { diagnostics += verdict.errors + verdict.warnings }
            outcomes.append(FileOutcome(path: file.path, sha256: sha,
                                        disposition: file.status == .rejected ? .rejected : .ingested,
                                        read: file.read, accepted: file.acceptedCount,
                                        rejected: file.rejectedCount, superseded: 0,
                                        fileError: file.fileError, diagnostics: diagnostics))
            fileIDs.append(fileID)
        }
        progress?(inputs.count, inputs.count)

        if recordedRun != nil {
            try electWinners(db, linesAfter: lastLineBefore)
        }

        // Superseded counts of this run's files, as the warehouse stands after the run.
        let ids = fileIDs.compactMap { $0 }
        if !ids.isEmpty {
            var superseded: [Int64: Int] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT file_id, SUM(accepted = 1 AND active = 0) AS s FROM line
                WHERE file_id >= ? GROUP BY file_id
                """, arguments: [ids.min()!])
            for row in rows { superseded[row["file_id"]] = row["s"] }
            for i in outcomes.indices {
                if let id = fileIDs[i] { outcomes[i].superseded = superseded[id] ?? 0 }
            }
        }
        return RunReport(files: outcomes, skipped: skipped)
    }

    private func insertFile(_ db: Database, runID: Int64, path: String, sha: String, status: FileStatus,
                            error: Diagnostic?, read: Int, accepted: Int, rejected: Int,
                            convention: NumberConvention?, order: DateOrder?,
                            warnings: [Diagnostic]) throws {
        let warningText = warnings.map { [$0.code.rawValue, $0.detail ?? ""].joined(separator: "\t") }
            .joined(separator: "\n")
        try db.execute(sql: """
            INSERT INTO file (run_id, path, sha256, status, error, error_detail, read, accepted, rejected,
                              convention, date_order, file_warnings)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [runID, path, sha, status.rawValue, error?.code.rawValue, error?.detail,
                             read, accepted, rejected, convention?.rawValue, order?.rawValue, warningText])
    }

    /// SPEC 5: for every key touched by the lines after `linesAfter`, the winner is the line
    /// with the latest `dikirim_pada` (a line without one is older than any with one), ties
    /// to the line read last. Then SPEC 11's `revenue-outlier` is re-checked where the
    /// previous month's active line may have changed.
    func electWinners(_ db: Database, linesAfter: Int64) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.touched_key;
            CREATE TEMP TABLE touched_key (period INTEGER, coop_key TEXT, product_key TEXT,
                                           PRIMARY KEY (period, coop_key, product_key)) WITHOUT ROWID;
            INSERT OR IGNORE INTO touched_key
                SELECT period, coop_key, product_key FROM line WHERE id > \(linesAfter) AND accepted = 1;
            UPDATE line SET active = 0
                WHERE accepted = 1 AND active = 1
                  AND (period, coop_key, product_key) IN (SELECT period, coop_key, product_key FROM touched_key);
            WITH ranked AS (
                SELECT l.id AS id, ROW_NUMBER() OVER (
                    PARTITION BY l.period, l.coop_key, l.product_key
                    ORDER BY l.submitted_micros IS NULL, l.submitted_micros DESC, l.id DESC) AS rn
                FROM touched_key t
                JOIN line l ON l.period = t.period AND l.coop_key = t.coop_key
                           AND l.product_key = t.product_key AND l.accepted = 1)
            UPDATE line SET active = 1 WHERE id IN (SELECT id FROM ranked WHERE rn = 1);
            DROP TABLE IF EXISTS temp.touched_period;
            CREATE TEMP TABLE touched_period (period INTEGER PRIMARY KEY);
            INSERT OR IGNORE INTO touched_period SELECT DISTINCT period FROM touched_key;
            INSERT OR IGNORE INTO touched_period SELECT DISTINCT period + 1 FROM touched_key;
            UPDATE line SET w_outlier = COALESCE((
                    SELECT 1 FROM line p
                    WHERE p.period = line.period - 1 AND p.coop_key = line.coop_key
                      AND p.product_key = line.product_key AND p.accepted = 1 AND p.active = 1
                      AND p.revenue > 0 AND line.revenue > 0
                      AND (line.revenue >= 10 * p.revenue OR line.revenue * 10 <= p.revenue)), 0)
                WHERE accepted = 1 AND period IN (SELECT period FROM touched_period);
            """)
    }
}
