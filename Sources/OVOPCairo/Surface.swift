import CCairo
import Foundation

/// A Cairo surface (`cairo_surface_t`), owned: destroyed in `deinit`, finished by `finish()`.
public class Surface {
    let pointer: OpaquePointer
    /// What the surface writes, for error messages.
    let what: String
    private(set) var isFinished = false

    init(pointer: OpaquePointer, what: String) throws {
        self.pointer = pointer
        self.what = what
        try CairoError.check(cairo_surface_status(pointer), "while creating \(what)")
    }

    /// Finishes the surface (`cairo_surface_finish`) and reports the sticky status.
    public func finish() throws {
        guard !isFinished else { return }
        isFinished = true
        cairo_surface_finish(pointer)
        try CairoError.check(cairo_surface_status(pointer), "while finishing \(what)")
    }

    deinit {
        cairo_surface_destroy(pointer)
    }
}

/// A PDF document (`cairo_pdf_surface_create`): sizes in points, A4 is 595 × 842.
public final class PDFSurface: Surface {
    /// A4 portrait in points.
    public static let a4 = Size(595.276, 841.89)

    public init(path: URL, size: Size) throws {
        guard let s = cairo_pdf_surface_create(path.path, size.width, size.height) else {
            throw CairoError(CAIRO_STATUS_NO_MEMORY, context: "while creating the PDF \(path.path)")
        }
        try super.init(pointer: s, what: "the PDF \(path.path)")
    }

    /// A document information entry (`cairo_pdf_surface_set_metadata`).
    public enum Metadata: Sendable {
        case title, author, subject, keywords, creator
        /// An ISO 8601 date, `2026-11-18T01:33:20Z`.
        case createDate, modDate

        var c: cairo_pdf_metadata_t {
            switch self {
            case .title: CAIRO_PDF_METADATA_TITLE
            case .author: CAIRO_PDF_METADATA_AUTHOR
            case .subject: CAIRO_PDF_METADATA_SUBJECT
            case .keywords: CAIRO_PDF_METADATA_KEYWORDS
            case .creator: CAIRO_PDF_METADATA_CREATOR
            case .createDate: CAIRO_PDF_METADATA_CREATE_DATE
            case .modDate: CAIRO_PDF_METADATA_MOD_DATE
            }
        }
    }

    /// Sets a metadata entry (`cairo_pdf_surface_set_metadata`).
    public func setMetadata(_ key: Metadata, _ value: String) {
        cairo_pdf_surface_set_metadata(pointer, key.c, value)
    }

    /// An outline (bookmark) entry; `root` is the top level.
    public struct Outline: Sendable, Equatable {
        let id: Int32
        public static let root = Outline(id: Int32(CAIRO_PDF_OUTLINE_ROOT))
    }

    /// Adds a bookmark to `page` (1-based) under `parent` (`cairo_pdf_surface_add_outline`).
    @discardableResult
    public func addOutline(_ title: String, page: Int, parent: Outline = .root, open: Bool = false) -> Outline {
        let flags = open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)
        return Outline(id: cairo_pdf_surface_add_outline(pointer, parent.id, title, "page=\(page) pos=[0 0]", flags))
    }

    /// The size of the pages drawn from now on (`cairo_pdf_surface_set_size`).
    public func setPageSize(_ size: Size) {
        cairo_pdf_surface_set_size(pointer, size.width, size.height)
    }
}

/// An ARGB image in memory (`cairo_image_surface_create`), written out as PNG.
public final class ImageSurface: Surface {
    public let pixelWidth: Int
    public let pixelHeight: Int

    public init(pixelWidth: Int, pixelHeight: Int) throws {
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight)) else {
            throw CairoError(CAIRO_STATUS_NO_MEMORY, context: "while creating a \(pixelWidth)×\(pixelHeight) image")
        }
        try super.init(pointer: s, what: "a \(pixelWidth)×\(pixelHeight) image")
    }

    /// Writes the image as a PNG file (`cairo_surface_write_to_png`).
    public func writePNG(to url: URL) throws {
        cairo_surface_flush(pointer)
        try CairoError.check(cairo_surface_write_to_png(pointer, url.path), "while writing the PNG \(url.path)")
    }
}
