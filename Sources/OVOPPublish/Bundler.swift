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
            let url = folder.appendingPathComponent(name)
            let data = try Data(contentsOf: url)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: date, permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
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
