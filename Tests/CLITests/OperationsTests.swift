import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Cron-safety: locks, kills, faults, idempotence, sharing (SPEC 10).
@Suite("Unattended runs", .serialized)
struct OperationsTests {
    /// An inbox of the sample generator in `dir/inbox`.
    func sampleInbox(_ dir: URL, months: Int = 3, lines: Int = 600) throws {
        let r = try CLI.run(["sample", "--output", "inbox", "--months", "\(months)", "--end", "2026-10",
                             "--lines", "\(lines)"], in: dir)
        #expect(r.status == 0)
    }

    func run(_ dir: URL, _ extra: [String] = [], environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(["run", "--inbox", "inbox", "--period", "2026-10", "--warehouse", "wh.sqlite", "--output", "out"]
                    + extra, in: dir, environment: environment)
    }

    @Test func aSecondRunWhileOneHoldsTheLockExitsAtOnce() throws {
        let dir = try CLI.temporaryDirectory("lock")
        try sampleInbox(dir)
        // Hold the lock as a running ovop-report would.
        let lockPath = dir.appendingPathComponent("wh.sqlite.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(flock(fd, LOCK_EX) == 0)
        let note = "pid 4242, started 2026-11-05T06:00:00+08:00"
        _ = note.withCString { write(fd, $0, strlen($0)) }
        let blocked = try run(dir)
        #expect(blocked.status == 4)
        #expect(blocked.stderr.contains("pid 4242, started 2026-11-05T06:00:00+08:00"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/2026-10").path))
        // The holder dies: its note stays, the lock is free and taken over.
        close(fd)
        let next = try run(dir)
        #expect(next.status == 0 || next.status == 1)
        #expect(next.stderr.contains("pid 4242"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/2026-10/manifest.json").path))
    }

    @Test func nothingNewRewritesNothingAndForceRewrites() throws {
        let dir = try CLI.temporaryDirectory("same")
        try sampleInbox(dir)
        _ = try run(dir)
        let manifest = dir.appendingPathComponent("out/2026-10/manifest.json")
        let before = try FileManager.default.attributesOfItem(atPath: manifest.path)[.modificationDate] as? Date
        let folderBefore = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("out/2026-10").path)[.systemFileNumber]
        Thread.sleep(forTimeInterval: 1.1)
        let again = try run(dir)
        #expect(again.status == 0)
        #expect(again.stderr.contains("sudah terbaru"))
        #expect(try FileManager.default.attributesOfItem(atPath: manifest.path)[.modificationDate] as? Date == before)
        let forced = try run(dir, ["--force"])
        #expect(forced.status == 0 || forced.status == 1)
        let folderAfter = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("out/2026-10").path)[.systemFileNumber]
        #expect(folderBefore as? Int != folderAfter as? Int, "--force writes a new folder")
    }

    @Test func killedRunsLeaveAConsistentWarehouseAndTheLastReport() throws {
        let dir = try CLI.temporaryDirectory("kill")
        try sampleInbox(dir, months: 6, lines: 12_000)
        // The reference: one uninterrupted run.
        let reference = try CLI.run(["run", "--inbox", "inbox", "--period", "2026-10", "--warehouse", "ref.sqlite",
                                     "--output", "ref"], in: dir)
        #expect(reference.status == 0 || reference.status == 1)
        for delay in [0.02, 0.1, 0.3, 0.6, 1.0] {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["run", "--force", "--inbox", "inbox", "--period", "2026-10", "--warehouse", "wh.sqlite",
                                 "--output", "out", "--quiet"]
            process.currentDirectoryURL = dir
            process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "1795000000"]) { $1 }
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Whatever was written is whole: a report folder, if any, passes its checksums.
            let folder = dir.appendingPathComponent("out/2026-10")
            if FileManager.default.fileExists(atPath: folder.path) {
                #expect(try sha256Check(folder), "report left after kill at \(delay) s is damaged")
            }
        }
        let finish = try run(dir, ["--force"])
        #expect(finish.status == 0 || finish.status == 1, "\(finish.stderr)")
        for name in ["indicators-2026-10.json", "rejects-2026-10.csv", "ovop-kaltim-2026-10.zip"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("ref/2026-10/\(name)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("out/2026-10/\(name)"))
            if name.hasPrefix("indicators") {
                // File ids differ between the two warehouses only in nothing: paths and counts must match.
                #expect(a == b, "\(name) differs from the uninterrupted run")
            } else {
                #expect(a == b, "\(name) differs from the uninterrupted run")
            }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
            .filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "staging folders left: \(leftovers)")
    }

    @Test func outputThatCannotBeWrittenExits5AndKeepsTheLastReport() throws {
        let dir = try CLI.temporaryDirectory("full")
        try sampleInbox(dir)
        try CLI.write("not a folder", to: dir.appendingPathComponent("blocked"))
        let notAFolder = try CLI.run(["run", "--inbox", "inbox", "--period", "2026-10", "--warehouse", "wh.sqlite",
                                      "--output", "blocked/out"], in: dir)
        #expect(notAFolder.status == 5)
        #expect(notAFolder.stderr.contains("blocked/out"))
        // A full disk, simulated with a file-size limit: the previous report stays whole.
        _ = try run(dir)
        let sh = try CLI.run(["-c", "ulimit -f 40; exec \"$0\" run --force --inbox inbox --period 2026-10 --warehouse wh.sqlite --output out",
                              CLI.binary.path], in: dir, shell: true)
        #expect(sh.status == 5, "\(sh.stderr)")
        #expect(try sha256Check(dir.appendingPathComponent("out/2026-10")))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
            .filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func unreadableInputIsReportedAndTheOthersGoOn() throws {
        let dir = try CLI.temporaryDirectory("unreadable")
        try sampleInbox(dir)
        // Reading /proc/self/mem fails even for root: an unreadable file.
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("inbox/2026-10/rusak.csv").path,
                                                   withDestinationPath: "/proc/self/mem")
        let r = try run(dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("rusak.csv") && r.stderr.contains("tidak dapat dibaca"))
        let doc = try CLI.json(dir.appendingPathComponent("out/2026-10/indicators-2026-10.json"))
        let files = try #require((doc["quality"] as? [String: Any])?["files"] as? [[String: Any]])
        #expect(files.contains { $0["path"] as? String == "2026-10/rusak.csv" && $0["error"] as? String == "unreadable-file" })
        #expect(files.filter { $0["status"] as? String == "ingested" }.count > 20)
    }

    @Test func newerWarehouseIsRefusedAndLeftAlone() throws {
        let dir = try CLI.temporaryDirectory("newer")
        try sampleInbox(dir, months: 1, lines: 50)
        _ = try CLI.run(["ingest", "inbox", "--warehouse", "wh.sqlite"], in: dir)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        sqlite.arguments = ["-c", "import sqlite3; c=sqlite3.connect('wh.sqlite'); c.execute(\"INSERT INTO grdb_migrations VALUES ('v9-future')\"); c.commit()"]
        sqlite.currentDirectoryURL = dir
        try sqlite.run()
        sqlite.waitUntilExit()
        let before = try Data(contentsOf: dir.appendingPathComponent("wh.sqlite"))
        let r = try CLI.run(["ingest", "inbox", "--warehouse", "wh.sqlite"], in: dir)
        #expect(r.status == 6)
        #expect(r.stderr.contains("newer version"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("wh.sqlite")) == before)
    }

    @Test func hostileValuesNeverBecomeFormulas() throws {
        let dir = try CLI.temporaryDirectory("hostile")
        let header = "periode,kode_koperasi,nama_koperasi,kabupaten_kota,desa,produk,kategori,omzet"
        try CLI.write([
            header,
            "2026-10,K1,Koperasi Aman,Samarinda,Desa,Amplang,pangan,1000",
            "2026-10,K2,\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",Samarinda,Desa,Amplang,pangan,abc",
            "2026-10,K3,\"@SUM(1+1)*cmd|' /C calc'!A0\",Samarinda,Desa,Amplang,pangan,-5",
            "2026-10,+K4,Koperasi,Samarinda,Desa,Amplang,pangan,x",
            "2026-10,K5,\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",Samarinda,@SUM(1+1),-Amplang,pangan,2000",
        ].joined(separator: "\n"), to: dir.appendingPathComponent("inbox/2026-10/=cmd.csv"))
        let r = try run(dir)
        #expect(r.status == 1)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        check.arguments = ["-c", """
            import csv, sys
            rows = list(csv.reader(open('out/2026-10/rejects-2026-10.csv', encoding='utf-8-sig')))
            cells = [c for row in rows[1:] for c in row]
            bad = [c for c in cells if c and c[0] in '=+-@\\t\\r']
            assert not bad, bad
            assert "'=HYPERLINK(\\"http://x\\",\\"klik\\")" in cells, cells
            assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
            assert "'+K4" in cells and "'-5" in cells
            """]
        check.currentDirectoryURL = dir
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
        // In the workbook, values from submissions are strings, never formulas.
        let xlsx = Process()
        xlsx.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        xlsx.arguments = ["-c", """
            import openpyxl
            wb = openpyxl.load_workbook('out/2026-10/ovop-kaltim-2026-10.xlsx')
            seen = set()
            for ws in wb.worksheets:
                for row in ws.iter_rows():
                    for c in row:
                        if isinstance(c.value, str) and ('HYPERLINK' in c.value or 'SUM(1+1)' in c.value or c.value == '-Amplang'):
                            assert c.data_type == 's', (ws.title, c.coordinate, c.data_type, c.value)
                            seen.add(c.value)
            assert '=HYPERLINK("http://x","klik")' in seen and '-Amplang' in seen, seen
            """]
        xlsx.currentDirectoryURL = dir
        try xlsx.run()
        xlsx.waitUntilExit()
        #expect(xlsx.terminationStatus == 0)
        // Nothing from a submission forms an output path.
        let outputs = try FileManager.default.subpathsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        #expect(!outputs.contains { $0.contains("cmd") || $0.contains("HYPERLINK") })
    }

    @Test func bundleAndIndexPage() throws {
        let dir = try CLI.temporaryDirectory("share")
        try sampleInbox(dir)
        _ = try run(dir)
        let period = dir.appendingPathComponent("out/2026-10")
        let list = Process()
        list.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        list.arguments = ["-c", """
            import zipfile, os
            z = zipfile.ZipFile('out/2026-10/ovop-kaltim-2026-10.zip')
            assert z.testzip() is None
            names = sorted(z.namelist())
            files = sorted(os.path.relpath(os.path.join(r, f), 'out/2026-10') for r, _, fs in os.walk('out/2026-10') for f in fs)
            expected = [f for f in files if f not in ('manifest.json', 'SHA256SUMS', 'ovop-kaltim-2026-10.zip')]
            assert names == expected, (names, expected)
            for n in names:
                assert z.read(n) == open(os.path.join('out/2026-10', n), 'rb').read(), n
            """]
        list.currentDirectoryURL = dir
        try list.run()
        list.waitUntilExit()
        #expect(list.terminationStatus == 0)
        #expect(try sha256Check(period))
        let html = try String(contentsOf: dir.appendingPathComponent("out/index.html"), encoding: .utf8)
        #expect(html.contains("Oktober 2026") && !html.contains("<script"))
        // Every link points at a file that exists.
        for match in html.components(separatedBy: "href=\"").dropFirst() {
            let link = String(match.prefix { $0 != "\"" }).removingPercentEncoding ?? ""
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/\(link)").path), "\(link)")
        }
    }

    /// `sha256sum -c SHA256SUMS` in `folder`.
    func sha256Check(_ folder: URL) throws -> Bool {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        check.arguments = ["-c", "--quiet", "SHA256SUMS"]
        check.currentDirectoryURL = folder
        check.standardOutput = FileHandle.nullDevice
        try check.run()
        check.waitUntilExit()
        return check.terminationStatus == 0
    }
}

/// The index page in a real browser (Debian's headless Chromium).
@Suite("Index page in a browser")
struct BrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func chromium(_ arguments: [String], in dir: URL) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(BrowserTests.chromium, "chromium is installed by scripts/install-deps.sh"))
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                       "--user-data-dir=\(dir.appendingPathComponent("chromium-profile").path)"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func pageLoadsRendersAndItsLinksResolve() throws {
        let dir = try CLI.temporaryDirectory("browser")
        _ = try CLI.run(["sample", "--output", "inbox", "--months", "2", "--end", "2026-10", "--lines", "300"], in: dir)
        for period in ["2026-09", "2026-10"] {
            _ = try CLI.run(["run", "--inbox", "inbox", "--period", period, "--warehouse", "wh.sqlite", "--output", "out"], in: dir)
        }
        let page = dir.appendingPathComponent("out/index.html")
        let (status, dom) = try chromium(["--dump-dom", page.absoluteString], in: dir)
        #expect(status == 0)
        // Newest first, and every link of the loaded page resolves to a file.
        let october = try #require(dom.range(of: "Oktober 2026"))
        let september = try #require(dom.range(of: "September 2026"))
        #expect(october.lowerBound < september.lowerBound)
        let links = dom.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(links.count >= 6)
        for link in links {
            let url = URL(string: link, relativeTo: page)!.standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: url.path), "\(link)")
        }
        let shot = dir.appendingPathComponent("index.png")
        let (shotStatus, _) = try chromium(["--screenshot=\(shot.path)", "--window-size=412,900", page.absoluteString], in: dir)
        #expect(shotStatus == 0)
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 5_000)
    }
}

/// The district offices' files (SPEC 10 "Sharing").
@Suite("Per-district files")
struct DistrictFilesTests {
    @Test func eachDistrictGetsItsOwnPDFWithItsFigures() throws {
        let dir = try CLI.temporaryDirectory("kab")
        _ = try CLI.run(["sample", "--output", "inbox", "--months", "2", "--end", "2026-10", "--lines", "300"], in: dir)
        _ = try CLI.run(["run", "--inbox", "inbox", "--period", "2026-10", "--warehouse", "wh.sqlite", "--output", "out"], in: dir)
        let doc = try CLI.json(dir.appendingPathComponent("out/2026-10/indicators-2026-10.json"))
        let districts = try #require(doc["districts"] as? [[String: Any]])
        let folder = dir.appendingPathComponent("out/2026-10/kabupaten")
        for d in districts {
            let code = try #require(d["code"] as? String)
            let name = try #require(d["name"] as? String)
            let slug = name.lowercased().replacingOccurrences(of: " ", with: "-")
            let pdf = folder.appendingPathComponent("\(code)-\(slug)-2026-10.pdf")
            #expect(FileManager.default.fileExists(atPath: pdf.path), "\(pdf.lastPathComponent)")
            let text = try Self.pdftotext(pdf)
            #expect(text.contains(name))
            let revenue = try #require(d["revenue"] as? Int)
            #expect(text.contains(Self.rupiah(revenue)), "\(name) revenue \(revenue)")
            // No other district's page in it.
            let others = districts.compactMap { $0["name"] as? String }.filter { $0 != name && !name.contains($0) && !$0.contains(name) }
            #expect(!others.contains { text.contains("Omzet bulanan \($0)") })
        }
        // The manifest and checksums cover them.
        let sums = try String(contentsOf: dir.appendingPathComponent("out/2026-10/SHA256SUMS"), encoding: .utf8)
        #expect(sums.contains("kabupaten/64.72-samarinda-2026-10.pdf"))
    }

    static func rupiah(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "." }
            out.append(ch)
        }
        return "Rp " + out
    }

    static func pdftotext(_ pdf: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = ["-layout", pdf.path, "-"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Logs: one line per event on stderr; JSON for collectors; a progress bar only on a terminal.
@Suite("Logs")
struct LogTests {
    @Test func jsonLogsAreOneObjectPerLine() throws {
        let dir = try CLI.temporaryDirectory("logs")
        _ = try CLI.run(["sample", "--output", "inbox", "--months", "1", "--end", "2026-10", "--lines", "100"], in: dir)
        let r = try CLI.run(["ingest", "inbox", "--warehouse", "wh.sqlite", "--log-format", "json"], in: dir)
        let lines = r.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            #expect(object?["time"]?.hasSuffix("+08:00") == true && object?["level"] != nil && object?["message"] != nil)
        }
        // Not a terminal: no progress bar.
        #expect(!r.stderr.contains("[#"))
        let quiet = try CLI.run(["ingest", "inbox", "--warehouse", "wh2.sqlite", "--quiet"], in: dir)
        #expect(!quiet.stderr.contains(" info "))
    }

    @Test func progressBarOnlyOnATerminal() throws {
        let dir = try CLI.temporaryDirectory("tty")
        _ = try CLI.run(["sample", "--output", "inbox", "--months", "1", "--end", "2026-10", "--lines", "100"], in: dir)
        // script(1) gives the program a terminal.
        let r = try CLI.run(["-c", "script -qec \"\\\"$0\\\" ingest inbox --warehouse wh.sqlite\" /dev/null", CLI.binary.path],
                            in: dir, shell: true)
        #expect(r.stdout.contains("] 12/12 berkas"), "\(r.stdout)")
        #expect(r.stdout.contains("[#"))
    }
}
