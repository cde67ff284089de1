/// Turns a file's bytes into UTF-8 text bytes (SPEC 3 "CSV", SPEC 11 "Inputs and order").
///
/// A leading UTF-8 byte-order mark is dropped. Bytes that are not valid UTF-8 are
/// read as Windows-1252 and re-encoded as UTF-8, and the caller is told so that it
/// can warn `encoding-fallback` once.
enum TextDecoding {
    /// UTF-8 text bytes and whether the Windows-1252 fallback was used.
    struct Decoded {
        var bytes: [UInt8]
        var usedFallback: Bool
    }

    static func decode(_ data: [UInt8]) -> Decoded {
        let start = hasByteOrderMark(data, at: 0) ? 3 : 0
        let valid = data.withUnsafeBufferPointer { isValidUTF8($0, from: start) }
        if valid {
            return Decoded(bytes: start == 0 ? data : Array(data[start...]), usedFallback: false)
        }
        return Decoded(bytes: windows1252ToUTF8(data[start...]), usedFallback: true)
    }

    static func hasByteOrderMark(_ p: [UInt8], at i: Int) -> Bool {
        i + 2 < p.count && p[i] == 0xEF && p[i + 1] == 0xBB && p[i + 2] == 0xBF
    }

    /// Checks well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
    static func isValidUTF8(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let n = p.count
        var i = start
        while i < n {
            // Eight ASCII bytes at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { break }
            let b = p[i]
            if b < 0x80 {
                i += 1
                continue
            }
            if b < 0xC2 || b > 0xF4 { return false }
            if b < 0xE0 {
                guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            } else if b < 0xF0 {
                guard i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 else { return false }
                if b == 0xE0 && p[i + 1] < 0xA0 { return false }
                if b == 0xED && p[i + 1] > 0x9F { return false }
                i += 3
            } else {
                guard i + 3 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80
                else { return false }
                if b == 0xF0 && p[i + 1] < 0x90 { return false }
                if b == 0xF4 && p[i + 1] > 0x8F { return false }
                i += 4
            }
        }
        return true
    }

    /// Windows-1252 bytes 0x80–0x9F; the five undefined ones map to the C1 code point of the same number.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func windows1252ToUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
                continue
            }
            let scalar: UInt32 = b < 0xA0 ? windows1252High[Int(b) - 0x80] : UInt32(b)
            appendUTF8(scalar, to: &out)
        }
        return out
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    // MARK: White space on UTF-8 bytes

    /// Length in bytes of the white-space character starting at `i` (Unicode White_Space,
    /// the same set as `Character.isWhitespace`, so U+00A0 and U+202F included), or 0.
    @inline(__always)
    static func whitespaceLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int {
        let b = p[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0x80 { return 0 }
        if b == 0xC2, i + 1 < end {
            let c = p[i + 1]
            return c == 0x85 || c == 0xA0 ? 2 : 0
        }
        guard i + 2 < end else { return 0 }
        let c = p[i + 1]
        let d = p[i + 2]
        switch b {
        case 0xE1: return c == 0x9A && d == 0x80 ? 3 : 0
        case 0xE2:
            if c == 0x80 && (d <= 0x8A && d >= 0x80 || d == 0xA8 || d == 0xA9 || d == 0xAF) { return 3 }
            return c == 0x81 && d == 0x9F ? 3 : 0
        case 0xE3: return c == 0x80 && d == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// Length in bytes of the white-space character ending just before `end`, or 0.
    @inline(__always)
    static func trailingWhitespaceLength(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        let b = p[end - 1]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0x80 { return 0 }
        if end - 2 >= start, p[end - 2] == 0xC2, b == 0x85 || b == 0xA0 { return 2 }
        // A three-byte white space starts with a lead byte, so a match cannot straddle characters.
        if end - 3 >= start, whitespaceLength(p, at: end - 3, end: end) == 3 { return 3 }
        return 0
    }

    /// The range left after trimming white space at both ends.
    @inline(__always)
    static func trim(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var s = start
        var e = end
        while s < e {
            let w = whitespaceLength(p, at: s, end: e)
            if w == 0 { break }
            s += w
        }
        while e > s {
            let w = trailingWhitespaceLength(p, start: s, end: e)
            if w == 0 { break }
            e -= w
        }
        return (s, e)
    }

    /// True when the range holds nothing but white space and byte-order marks.
    static func isBlank(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            let w = whitespaceLength(p, at: i, end: end)
            if w > 0 {
                i += w
                continue
            }
            if i + 2 < end, p[i] == 0xEF, p[i + 1] == 0xBB, p[i + 2] == 0xBF {
                i += 3
                continue
            }
            return false
        }
        return true
    }

    /// The trimmed text of a byte range, or `nil` when nothing is left.
    static func trimmedString(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        let (s, e) = trim(p, start, end)
        if s == e { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self)
    }
}
