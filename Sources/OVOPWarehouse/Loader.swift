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
            try dbQueue.inDatabase { db in try db.execute(sql: "PRAGMA cache_size = \(Warehouse.ingestCachePages)") }
            defer {
                try? dbQueue.inDatabase { db in try db.execute(sql: "PRAGMA cache_size = \(Warehouse.readCachePages)") }
            }
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
        // What the warehouse already holds: the latest content recorded at each path (a path
        // whose content is unchanged brings nothing), and the first path of each content (the
        // same content again, under any path, is a duplicate: SPEC 11).
        var latestContent: [String: String] = [:]
        var pathOfContent: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT path, sha256, status FROM file ORDER BY id") {
            let p: String = row["path"], sha: String = row["sha256"], status: String = row["status"]
            latestContent[p] = sha
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
        let inserter = try LineInserter(db)
        var election = try WinnerElection(db, warehouseWasEmpty: lastLineBefore == 0)

        var outcomes: [FileOutcome] = []
        var fileIDs: [Int64?] = []
        let prefetcher = Prefetcher(inputs, context: context,
                                    knownPairs: Set(latestContent.map { $0.key + "\u{0}" + $0.value }),
                                    knownContent: Set(pathOfContent.keys))
        defer { prefetcher.cancel() }
        for (index, input) in inputs.enumerated() {
            progress?(index, inputs.count)
            let prepared = prefetcher.item(index)
            switch prepared.bytes {
            case .success: break
            case .failure(let error):
                // Unreadable: recorded with an empty content hash so a re-run does not repeat it.
                let diagnostic = Diagnostic(code: .unreadableFile, file: input.relativePath,
                                            detail: (error as NSError).localizedDescription)
                var outcome = FileOutcome(path: input.relativePath, sha256: "", disposition: .rejected,
                                          read: 0, accepted: 0, rejected: 0, superseded: 0,
                                          fileError: diagnostic, diagnostics: [diagnostic])
                if latestContent[input.relativePath] == "" {
                    outcome.disposition = .unchanged
                    outcomes.append(outcome); fileIDs.append(nil)
                    continue
                }
                latestContent[input.relativePath] = ""
                try insertFile(db, runID: try runID(), path: input.relativePath, sha: "", status: .rejected,
                               error: diagnostic, read: 0, accepted: 0, rejected: 0,
                               convention: nil, order: nil, warnings: [])
                outcomes.append(outcome); fileIDs.append(db.lastInsertedRowID)
                logger.warning("\(input.relativePath): unreadable-file: \(diagnostic.detail ?? "")")
                continue
            }
            let sha = prepared.sha
            if latestContent[input.relativePath] == sha {
                outcomes.append(FileOutcome(path: input.relativePath, sha256: sha, disposition: .unchanged,
                                            read: 0, accepted: 0, rejected: 0, superseded: 0,
                                            fileError: nil, diagnostics: []))
                fileIDs.append(nil)
                continue
            }
            latestContent[input.relativePath] = sha
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

            let file: ValidatedFile
            if let validated = prepared.validated {
                file = validated
            } else {
                // The prefetcher took the content for known; the loader decides, so read it here.
                let bytes = (try? prepared.bytes.get()) ?? []
                file = Validator.validate(SubmissionReader.read(bytes, format: input.format),
                                          path: input.relativePath, sha256: sha, context: context)
            }
            try insertFile(db, runID: try runID(), path: file.path, sha: sha, status: file.status,
                           error: file.fileError, read: file.read, accepted: file.acceptedCount,
                           rejected: file.rejectedCount, convention: file.convention,
                           order: file.dateOrder, warnings: file.fileWarnings)
            let fileID = db.lastInsertedRowID
            for verdict in file.lines {
                guard let line = verdict.accepted else {
                    _ = try inserter.insert(verdict, fileID: fileID, active: false, cooperative: nil, product: nil)
                    continue
                }
                let key = try election.key(line)
                let wins = try election.beats(key, submitted: line.submittedAt?.epochMicros)
                let id = try inserter.insert(verdict, fileID: fileID, active: wins,
                                             cooperative: Int64(key.cooperative), product: Int64(key.product))
                if wins { try election.crown(key, id: id, submitted: line.submittedAt?.epochMicros) }
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
            try recheckOutliers(db, linesAfter: lastLineBefore)
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

    /// SPEC 11: `revenue-outlier` is checked on every accepted line against the active line of
    /// the same key in P-1 as the warehouse stands after the run: re-checked in the periods
    /// this run touched and the month after each. Then the per-file figures of those periods' files.
    func recheckOutliers(_ db: Database, linesAfter: Int64) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.touched_period;
            CREATE TEMP TABLE touched_period (period INTEGER PRIMARY KEY);
            INSERT OR IGNORE INTO touched_period
                SELECT DISTINCT period FROM line WHERE id > \(linesAfter) AND accepted = 1;
            INSERT OR IGNORE INTO touched_period SELECT period + 1 FROM touched_period;
            UPDATE line SET w_outlier = 0
                WHERE w_outlier = 1 AND period IN (SELECT period FROM touched_period);
            UPDATE line SET w_outlier = 1 WHERE id IN (
                SELECT l.id FROM line l
                JOIN line p ON p.period = l.period - 1 AND p.coop = l.coop AND p.prod = l.prod
                           AND p.accepted = 1 AND p.active = 1
                WHERE l.period IN (SELECT period FROM touched_period) AND l.accepted = 1
                  AND p.revenue > 0 AND l.revenue > 0
                  AND (l.revenue >= 10 * p.revenue OR l.revenue * 10 <= p.revenue));
            INSERT OR REPLACE INTO file_stats
                SELECT file_id, SUM(accepted = 1 AND active = 0), SUM(w_sold), SUM(w_channel),
                       SUM(w_certification), SUM(w_subdistrict), SUM(w_future), SUM(w_outlier)
                FROM line
                WHERE file_id IN (SELECT DISTINCT file_id FROM line
                                  WHERE period IN (SELECT period FROM touched_period) OR id > \(linesAfter))
                GROUP BY file_id;
            """)
    }
}

/// The key of a line (SPEC 5): period, cooperative and product, the names interned as integers.
struct LineKey: Hashable {
    var period: Int32
    var cooperative: Int32
    var product: Int32
}

/// Decides winners while lines are inserted (SPEC 5): the latest `dikirim_pada` wins, a line
/// without one is older than any with one, ties go to the line read last, and every line of
/// this run is read after every line already in the warehouse.
struct WinnerElection {
    /// The active line of each key met so far: its id and submission time (`Int64.min` when none).
    private var champions: [LineKey: (id: Int64, submitted: Int64)] = [:]
    /// By key, told apart by code point (as SQLite's UNIQUE keys are).
    private var cooperatives: [ExactText: Int32] = [:]
    private var products: [ExactText: Int32] = [:]
    private let db: Database
    private let warehouseWasEmpty: Bool
    private let findChampion: Statement
    private let dethrone: Statement
    private let addCooperative: Statement
    private let addProduct: Statement

    init(_ db: Database, warehouseWasEmpty: Bool) throws {
        self.db = db
        self.warehouseWasEmpty = warehouseWasEmpty
        for row in try Row.fetchAll(db, sql: "SELECT id, key FROM cooperative") { cooperatives[ExactText(row["key"])] = row["id"] }
        for row in try Row.fetchAll(db, sql: "SELECT id, key FROM product") { products[ExactText(row["key"])] = row["id"] }
        findChampion = try db.makeStatement(sql: """
            SELECT id, submitted_micros FROM line
            WHERE period = ? AND coop = ? AND prod = ? AND accepted = 1 AND active = 1
            """)
        dethrone = try db.makeStatement(sql: "UPDATE line SET active = 0 WHERE id = ?")
        addCooperative = try db.makeStatement(sql: "INSERT INTO cooperative (key) VALUES (?)")
        addProduct = try db.makeStatement(sql: "INSERT INTO product (key) VALUES (?)")
    }

    /// The line's key, interning new cooperative and product names.
    mutating func key(_ line: SubmissionLine) throws -> LineKey {
        let coopKey = ExactText(line.cooperativeKey)
        let productKey = ExactText(line.productKey)
        let c: Int32
        if let known = cooperatives[coopKey] { c = known } else {
            try addCooperative.execute(arguments: [coopKey.text])
            c = Int32(db.lastInsertedRowID)
            cooperatives[coopKey] = c
        }
        let p: Int32
        if let known = products[productKey] { p = known } else {
            try addProduct.execute(arguments: [productKey.text])
            p = Int32(db.lastInsertedRowID)
            products[productKey] = p
        }
        return LineKey(period: Int32(line.period.index), cooperative: c, product: p)
    }

    /// Whether a line read now, sent at `submitted`, beats the key's active line.
    mutating func beats(_ key: LineKey, submitted: Int64?) throws -> Bool {
        if champions[key] == nil, !warehouseWasEmpty,
           let row = try Row.fetchOne(findChampion, arguments: [key.period, key.cooperative, key.product]) {
            let sent: Int64? = row["submitted_micros"]
            champions[key] = (row["id"], sent ?? Int64.min)
        }
        guard let champion = champions[key] else { return true }
        // Read later, so ties go to the new line.
        return (submitted ?? Int64.min) >= champion.submitted
    }

    /// Makes line `id` the key's active line; the previous one is superseded.
    mutating func crown(_ key: LineKey, id: Int64, submitted: Int64?) throws {
        if let previous = champions[key] {
            try dethrone.execute(arguments: [previous.id])
        }
        champions[key] = (id, submitted ?? Int64.min)
    }
}
