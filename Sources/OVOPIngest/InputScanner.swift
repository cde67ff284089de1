import Foundation

/// A data file found under an input root.
public struct InputFile: Sendable, Hashable {
    /// Where to read it.
    public var url: URL
    /// Path relative to its input root, `/`-separated (SPEC 11): its name in every report.
    public var relativePath: String
    public var format: FileFormat
    /// Position of its root among the roots given: breaks ties between equal relative paths.
    public var rootIndex: Int
}

/// Finds the input files under the given files and folders (SPEC 11 "Inputs and order").
public enum InputScanner {
    /// Lists data files in read order and the non-data files met (skipped, not rejected).
    /// Hidden files and folders (starting with `.`) are passed over and not listed.
    public static func scan(_ roots: [URL]) throws -> (files: [InputFile], skipped: [String]) {
        var files: [InputFile] = []
        var skipped: [String] = []
        let fm = FileManager.default
        for (index, root) in roots.enumerated() {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root.path, isDirectory: &isDir) else {
                throw InputError.notFound(root.path)
            }
            if !isDir.boolValue {
                let name = root.lastPathComponent
                if let format = FileFormat(path: name) {
                    files.append(InputFile(url: root, relativePath: name, format: format, rootIndex: index))
                } else {
                    skipped.append(name)
                }
                continue
            }
            for relative in walk(root, prefix: "") {
                let url = root.appendingPathComponent(relative)
                if let format = FileFormat(path: relative) {
                    files.append(InputFile(url: url, relativePath: relative, format: format, rootIndex: index))
                } else {
                    skipped.append(relative)
                }
            }
        }
        files.sort { a, b in
            let pa = Array(a.relativePath.unicodeScalars.map(\.value))
            let pb = Array(b.relativePath.unicodeScalars.map(\.value))
            if pa != pb { return pa.lexicographicallyPrecedes(pb) }
            return a.rootIndex < b.rootIndex
        }
        skipped.sort { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes(Array($1.unicodeScalars.map(\.value))) }
        return (files, skipped)
    }

    /// Relative paths of every non-hidden regular file below `dir`.
    private static func walk(_ dir: URL, prefix: String) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return [] }
        var out: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = dir.appendingPathComponent(name)
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                out += walk(url, prefix: relative)
            } else {
                out.append(relative)
            }
        }
        return out
    }
}

public enum InputError: Error, CustomStringConvertible {
    case notFound(String)

    public var description: String {
        switch self {
        case .notFound(let p): "input not found: \(p)"
        }
    }
}
