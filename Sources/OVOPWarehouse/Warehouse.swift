import Foundation
import GRDB
import Logging
import OVOPCore
import OVOPIngest

/// Why the warehouse cannot be used: each case tells the user what to do.
public enum WarehouseError: Error, CustomStringConvertible {
    /// The file exists but is not an ovop-report warehouse, or is damaged.
    case notAWarehouse(path: String, reason: String)
    /// The file was written by a newer version of the tool.
    case newerVersion(path: String)
    /// SQLite failed while doing something.
    case sqlite(path: String, doing: String, message: String)

    public var description: String {
        switch self {
        case .notAWarehouse(let path, let reason):
            "warehouse \(path) is damaged or not an ovop-report warehouse (\(reason)); it was left untouched: restore it from a backup, or move it aside and re-ingest the submissions"
        case .newerVersion(let path):
            "warehouse \(path) was written by a newer version of ovop-report; it was left untouched: use that version, or another --warehouse"
        case .sqlite(let path, let doing, let message):
            "warehouse \(path): \(message) while \(doing)"
        }
    }
}

/// The SQLite history of every file and line ingested (SPEC 5). Owns its connection.
public final class Warehouse: Sendable {
    public let path: String
    let dbQueue: DatabaseQueue
    /// SQLite page cache sizes (negative: KiB). Ingest updates indexes all over the file and
    /// gains from a large cache; a report streams the lines and needs little.
    static let readCachePages = -8_192
    static let ingestCachePages = -65_536
    let logger: Logger

    /// Opens (creating if needed) the warehouse at `path`; `":memory:"` gives a throwaway one.
    /// A damaged file or one from a newer version is refused and never written.
    public init(path: String, logger: Logger = Logger(label: "ovop.warehouse")) throws {
        self.path = path
        self.logger = logger
        var config = Configuration()
        config.prepareDatabase { db in
            if db.configuration.readonly == false {
                // A small page cache: reports read the lines once, in order (ingest enlarges it).
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = \(Warehouse.readCachePages)")
            }
        }
        let existing = path != ":memory:" && FileManager.default.fileExists(atPath: path)
        do {
            dbQueue = path == ":memory:" ? try DatabaseQueue(configuration: config)
                                         : try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw WarehouseError.notAWarehouse(path: path, reason: "\(error)")
        }
        do {
            try dbQueue.writeWithoutTransaction { db in
                if existing {
                    let app = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                    if app != Schema.applicationID, try !Self.isUnmarkedWarehouse(db) {
                        throw WarehouseError.notAWarehouse(path: path, reason: "unknown application id")
                    }
                    if try Schema.migrator.hasBeenSuperseded(db) {
                        throw WarehouseError.newerVersion(path: path)
                    }
                }
                if path != ":memory:" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
            }
            try Schema.migrator.migrate(dbQueue)
            try dbQueue.writeWithoutTransaction { db in
                if try Int32.fetchOne(db, sql: "PRAGMA application_id") != Schema.applicationID {
                    try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                }
            }
        } catch let error as WarehouseError {
            throw error
        } catch let error as DatabaseError {
            if [ResultCode.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode.primaryResultCode) {
                throw WarehouseError.notAWarehouse(path: path, reason: error.message ?? "\(error)")
            }
            throw WarehouseError.sqlite(path: path, doing: "opening", message: "\(error)")
        }
    }

    /// Whether a file without our application id is still ours: empty; made by the first builds,
    /// which set the id after the schema; or left by a run killed while creating it, after GRDB
    /// made its (empty) bookkeeping table and before the first migration committed.
    static func isUnmarkedWarehouse(_ db: Database) throws -> Bool {
        let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master")
        guard !names.isEmpty else { return true }
        guard try db.tableExists("grdb_migrations") else { return false }
        let first = try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid LIMIT 1")
        if first == "v1-history" { return true }
        let onlyBookkeeping = names.allSatisfy { $0 == "grdb_migrations" || $0.hasPrefix("sqlite_autoindex_grdb_migrations") }
        return first == nil && onlyBookkeeping
    }

    /// Runs a read inside one transaction, mapping SQLite errors to `WarehouseError`.
    func read<T>(_ doing: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try dbQueue.read(body)
        } catch let error as DatabaseError {
            throw WarehouseError.sqlite(path: path, doing: doing, message: "\(error)")
        }
    }

    /// Closes the connection, checkpointing the write-ahead log.
    public func close() throws {
        try dbQueue.close()
    }
}
