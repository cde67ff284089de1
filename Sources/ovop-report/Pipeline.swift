import ArgumentParser
import Foundation
import Logging
import OVOPAnalytics
import OVOPCore
import OVOPIngest
import OVOPPublish
import OVOPTemplate
import OVOPWarehouse

/// The stages the commands share: find inputs, ingest, report.
enum Pipeline {
    static let toolVersion = "0.1.0"

    /// A duration in seconds with two decimals, for stage timings.
    static func seconds(_ d: Duration) -> String {
        let (s, atto) = d.components
        return String(format: "%.2f", Double(s) + Double(atto) / 1e18)
    }

    /// ", peak memory N MiB" (the process's high-water mark so far, Linux `VmHWM`), for the
    /// `--verbose` stage lines; empty where the system does not tell.
    static func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return "" }
        return ", peak memory \(kib / 1024) MiB"
    }

    /// Lists the inputs under the given paths, or exits with status 7.
    static func scan(_ paths: [String], logger: Logger) throws -> (files: [InputFile], skipped: [String]) {
        do {
            return try InputScanner.scan(paths.map { URL(fileURLWithPath: $0) })
        } catch {
            logger.error("\(error)")
            throw ExitStatus.inputMissing.code
        }
    }

    static func open(_ path: String, logger: Logger) throws -> Warehouse {
        do {
            if path != ":memory:" {
                let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
                try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            }
            return try Warehouse(path: path, logger: logger)
        } catch {
            logger.critical("\(error)")
            throw ExitStatus.warehouseFailed.code
        }
    }

    /// Ingests and prints the run's accounting.
    static func ingest(_ warehouse: Warehouse, files: [InputFile], skipped: [String], context: IngestContext,
                       lang: Language, logger: Logger,
                       progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> RunReport {
        let report: RunReport
        do {
            report = try warehouse.ingest(files, skipped: skipped, context: context, toolVersion: toolVersion,
                                          progress: progress)
        } catch {
            logger.critical("\(error)")
            throw ExitStatus.warehouseFailed.code
        }
        for file in report.files {
            if let e = file.fileError { logger.error("\(e.located(lang))") }
            if file.disposition == .duplicate {
                let note = lang == .id ? "isi sama dengan \(file.duplicateOf ?? "?"), dilewati"
                                      : "same content as \(file.duplicateOf ?? "?"), skipped"
                logger.info("\(file.path): \(note)")
            }
        }
        // Each rejected line on its own log line, up to a limit: the rest are in rejects-P.csv.
        let limit = 20
        var shown = 0
        for file in report.files where file.fileError == nil {
            for d in file.diagnostics where !d.code.isWarning {
                if shown < limit { logger.warning("\(d.located(lang))") }
                shown += 1
            }
        }
        let rejectedLines = report.files.reduce(0) { $0 + ($1.fileError == nil ? $1.rejected : 0) }
        if rejectedLines > 0 {
            let note = lang == .id ? "\(rejectedLines) baris ditolak; rinciannya ada di rejects-P.csv atau perintah validate"
                                   : "\(rejectedLines) lines rejected; details in rejects-P.csv or the validate command"
            logger.warning("\(note)")
        }
        logger.info("\(Accounting.summary(report, lang: lang))")
        return report
    }

    /// Computes and writes the report for `period`; exits 3 when the period has no data.
    static func report(_ warehouse: Warehouse, period: Period, output: String, template: Template,
                       nowMicros: Int64, state: String? = nil, skipped: [String]? = nil,
                       logger: Logger) throws -> URL {
        let lang = template.language
        let model: PeriodReport
        do {
            guard try warehouse.hasLines(period) else {
                let note = lang == .id ? "tidak ada data untuk periode \(period) di gudang data \(warehouse.path)"
                                       : "no data for period \(period) in warehouse \(warehouse.path)"
                logger.error("\(note)")
                throw ExitStatus.noData.code
            }
            let start = ContinuousClock.now
            model = try Analytics.report(warehouse, period: period, skipped: skipped)
            logger.debug("indicators: computed in \(seconds(ContinuousClock.now - start)) s\(peakMemory())")
        } catch let e as ExitCode {
            throw e
        } catch {
            logger.critical("\(error)")
            throw ExitStatus.warehouseFailed.code
        }
        var publisher = Publisher(outputRoot: URL(fileURLWithPath: output), language: lang,
                                  toolVersion: toolVersion, template: template.name, nowMicros: nowMicros)
        publisher.state = try state ?? Pipeline.state(warehouse, period: period, template: template)
        let meta = ReportMeta(toolVersion: toolVersion, template: template.name, generatedMicros: nowMicros)
        do {
            let dir = try publisher.publish(model) { staging in
                try Renderers.render(model, template: template, meta: meta, into: staging, logger: logger)
            }
            try IndexPage.write(outputRoot: URL(fileURLWithPath: output), template: template)
            let note = lang == .id ? "laporan \(period) ditulis ke \(dir.path)" : "report \(period) written to \(dir.path)"
            logger.info("\(note)")
            return dir
        } catch {
            logger.critical("\(error)")
            throw ExitStatus.outputFailed.code
        }
    }

    /// What a report depends on besides "now": the warehouse's content, the template, the
    /// language and the tool. A run with the same state has nothing new to write.
    static func state(_ warehouse: Warehouse, period: Period, template: Template) throws -> String {
        let stamp: String
        do { stamp = try warehouse.contentStamp() } catch {
            throw ExitStatus.warehouseFailed.code
        }
        return Digest.sha256(Array("\(toolVersion)|\(period)|\(template.language)|\(template.fingerprint)|\(stamp)".utf8))
    }

    /// Process-wide settings for writing files: a full disk or a file-size limit must give an
    /// error to report (exit 5), not kill the process with SIGXFSZ.
    static func prepareProcess() {
        signal(SIGXFSZ, SIG_IGN)
    }

    /// The default report period: the previous calendar month in WITA.
    static func defaultPeriod(nowMicros: Int64) -> Period {
        Clock.period(ofMicros: nowMicros).previous
    }
}

/// The accounting lines of SPEC 4, in the user's language.
enum Accounting {
    /// One row per file that brought something, then the totals: what `ingest` prints.
    static func table(_ r: RunReport, lang: Language) -> String {
        let head = lang == .id ? ["berkas", "status", "dibaca", "diterima", "ditolak", "digantikan"]
                               : ["file", "status", "read", "accepted", "rejected", "superseded"]
        func status(_ f: FileOutcome) -> String {
            switch (f.disposition, lang) {
            case (.ingested, .id): "dimuat"
            case (.rejected, .id): "ditolak: " + (f.fileError?.code.rawValue ?? "")
            case (.duplicate, .id): "duplikat"
            case (.unchanged, .id): "sudah dimuat"
            case (.ingested, .en): "ingested"
            case (.rejected, .en): "rejected: " + (f.fileError?.code.rawValue ?? "")
            case (.duplicate, .en): "duplicate"
            case (.unchanged, .en): "already ingested"
            }
        }
        var rows = [head]
        for f in r.files where f.disposition != .unchanged {
            rows.append([f.path, status(f), String(f.read), String(f.accepted), String(f.rejected), String(f.superseded)])
        }
        rows.append([lang == .id ? "jumlah" : "total", "", String(r.read), String(r.accepted), String(r.rejected),
                     String(r.superseded)])
        let widths = (0..<head.count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c < 2 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func summary(_ r: RunReport, lang: Language) -> String {
        let active = r.accepted - r.superseded
        let ingested = r.files.filter { $0.disposition == .ingested }.count
        let duplicates = r.files.filter { $0.disposition == .duplicate }.count
        let unchanged = r.files.filter { $0.disposition == .unchanged }.count
        if lang == .id {
            return "berkas: \(r.files.count) (dibaca \(ingested), ditolak utuh \(r.rejectedFiles), duplikat \(duplicates), "
                + "sudah pernah dimuat \(unchanged), bukan data \(r.skipped.count)); "
                + "baris dibaca \(r.read) = diterima \(r.accepted) + ditolak \(r.rejected); "
                + "diterima \(r.accepted) = aktif \(active) + digantikan \(r.superseded)"
        }
        return "files: \(r.files.count) (read \(ingested), rejected whole \(r.rejectedFiles), duplicates \(duplicates), "
            + "already ingested \(unchanged), not data \(r.skipped.count)); "
            + "lines read \(r.read) = accepted \(r.accepted) + rejected \(r.rejected); "
            + "accepted \(r.accepted) = active \(active) + superseded \(r.superseded)"
    }
}
