import Foundation
import ZIPFoundation

/// The period's bundle `ovop-kaltim-P.zip` (ZIPFoundation): entries in name order, every
/// entry dated the report's "now" in WITA, so the same files give the same bytes.
enum Bundler {
    static func zip(folder: URL, to destination: URL, micros: Int64) throws {
        let fm = FileManager.default
        try? fm.removeItem(at: destination)
        let archive = try Archive(url: destination, accessMode: .create)
        let names = Publisher.listFiles(folder).filter { $0 != destination.lastPathComponent }
        let date = dosDate(micros: micros)
        for name in names {
            // Read a piece at a time: the workbook of a large month is hundreds of megabytes.
            let url = folder.appendingPathComponent(name)
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let size = try handle.seekToEnd()
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(size),
                                 modificationDate: date, permissions: 0o644, compressionMethod: .deflate) { position, size in
                try handle.seek(toOffset: UInt64(position))
                return try handle.read(upToCount: size) ?? Data()
            }
        }
    }

    /// A `Date` whose local wall-clock reading (what ZIP entries store) is the WITA time of
    /// `micros`, whatever the machine's time zone: the bytes do not depend on TZ.
    static func dosDate(micros: Int64) -> Date {
        let seconds = max(micros / 1_000_000, 315_532_800)  // zip dates start in 1980
        let witaWallClock = Date(timeIntervalSince1970: TimeInterval(seconds + 8 * 3600))
        let offset = TimeZone.current.secondsFromGMT(for: witaWallClock)
        return witaWallClock.addingTimeInterval(TimeInterval(-offset))
    }
}
