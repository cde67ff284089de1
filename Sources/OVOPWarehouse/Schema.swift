import GRDB

/// The warehouse's tables, created by migrations (SPEC 5).
enum Schema {
    /// Identifies an ovop-report warehouse file (`PRAGMA application_id`).
    static let applicationID: Int32 = 0x4F56_4F50  // "OVOP"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-history") { db in
            // In the migration's transaction: a run killed while creating the warehouse leaves
            // either nothing or a marked, complete schema.
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY,
                    started_micros INTEGER NOT NULL,
                    tool_version TEXT NOT NULL
                );
                CREATE TABLE file (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES run(id),
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    status TEXT NOT NULL,
                    error TEXT,
                    error_detail TEXT,
                    read INTEGER NOT NULL,
                    accepted INTEGER NOT NULL,
                    rejected INTEGER NOT NULL,
                    convention TEXT,
                    date_order TEXT,
                    file_warnings TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX file_sha ON file(sha256);
                CREATE INDEX file_path ON file(path, sha256);
                CREATE TABLE skipped (
                    run_id INTEGER NOT NULL REFERENCES run(id),
                    path TEXT NOT NULL
                );
                CREATE TABLE cooperative (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE
                );
                CREATE TABLE product (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE
                );
                CREATE TABLE file_stats (
                    file_id INTEGER PRIMARY KEY REFERENCES file(id),
                    superseded INTEGER NOT NULL,
                    w_sold INTEGER NOT NULL,
                    w_channel INTEGER NOT NULL,
                    w_certification INTEGER NOT NULL,
                    w_subdistrict INTEGER NOT NULL,
                    w_future INTEGER NOT NULL,
                    w_outlier INTEGER NOT NULL
                );
                CREATE TABLE line (
                    id INTEGER PRIMARY KEY,
                    file_id INTEGER NOT NULL REFERENCES file(id),
                    line_no INTEGER NOT NULL,
                    period INTEGER,
                    district TEXT,
                    accepted INTEGER NOT NULL,
                    active INTEGER NOT NULL DEFAULT 0,
                    coop INTEGER REFERENCES cooperative(id),
                    prod INTEGER REFERENCES product(id),
                    coop_id TEXT,
                    coop_name TEXT,
                    kecamatan TEXT,
                    desa TEXT,
                    product TEXT,
                    category TEXT,
                    unit TEXT,
                    produced REAL,
                    sold REAL,
                    revenue INTEGER,
                    export_revenue INTEGER,
                    members INTEGER,
                    workers INTEGER,
                    channels INTEGER,
                    certifications INTEGER,
                    submitted_micros INTEGER,
                    submitted_offset INTEGER,
                    w_sold INTEGER NOT NULL DEFAULT 0,
                    w_channel INTEGER NOT NULL DEFAULT 0,
                    w_certification INTEGER NOT NULL DEFAULT 0,
                    w_subdistrict INTEGER NOT NULL DEFAULT 0,
                    w_future INTEGER NOT NULL DEFAULT 0,
                    w_outlier INTEGER NOT NULL DEFAULT 0,
                    errors TEXT,
                    diagnostics TEXT,
                    raw TEXT
                );
                CREATE INDEX line_key ON line(period, coop, prod) WHERE accepted = 1;
                CREATE INDEX line_period ON line(period, district);
                CREATE INDEX line_file ON line(file_id);
                CREATE INDEX line_coop_active ON line(coop, period) WHERE active = 1;
                """)
        }
        return migrator
    }
}
