import CCairo

/// A Cairo failure: the `cairo_status_t` name, Cairo's own text, and what we were doing.
public struct CairoError: Error, CustomStringConvertible, Equatable {
    /// The C name of the status, `CAIRO_STATUS_WRITE_ERROR`.
    public let status: String
    /// Cairo's message (`cairo_status_to_string`).
    public let message: String
    /// What the wrapper was doing, "while finishing the PDF /tmp/x.pdf".
    public let context: String

    public var description: String { "Cairo error \(status) (\(message)) - \(context)" }

    init(_ status: cairo_status_t, context: String) {
        let index = Int(status.rawValue)
        self.status = index < CairoError.names.count ? CairoError.names[index] : "CAIRO_STATUS_\(index)"
        self.message = String(cString: cairo_status_to_string(status))
        self.context = context
    }

    /// Throws when `status` is not `CAIRO_STATUS_SUCCESS`.
    static func check(_ status: cairo_status_t, _ context: @autoclosure () -> String) throws {
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(status, context: context()) }
    }

    /// The names of `cairo_status_t` in Cairo 1.16, by value.
    static let names = [
        "CAIRO_STATUS_SUCCESS", "CAIRO_STATUS_NO_MEMORY", "CAIRO_STATUS_INVALID_RESTORE",
        "CAIRO_STATUS_INVALID_POP_GROUP", "CAIRO_STATUS_NO_CURRENT_POINT", "CAIRO_STATUS_INVALID_MATRIX",
        "CAIRO_STATUS_INVALID_STATUS", "CAIRO_STATUS_NULL_POINTER", "CAIRO_STATUS_INVALID_STRING",
        "CAIRO_STATUS_INVALID_PATH_DATA", "CAIRO_STATUS_READ_ERROR", "CAIRO_STATUS_WRITE_ERROR",
        "CAIRO_STATUS_SURFACE_FINISHED", "CAIRO_STATUS_SURFACE_TYPE_MISMATCH", "CAIRO_STATUS_PATTERN_TYPE_MISMATCH",
        "CAIRO_STATUS_INVALID_CONTENT", "CAIRO_STATUS_INVALID_FORMAT", "CAIRO_STATUS_INVALID_VISUAL",
        "CAIRO_STATUS_FILE_NOT_FOUND", "CAIRO_STATUS_INVALID_DASH", "CAIRO_STATUS_INVALID_DSC_COMMENT",
        "CAIRO_STATUS_INVALID_INDEX", "CAIRO_STATUS_CLIP_NOT_REPRESENTABLE", "CAIRO_STATUS_TEMP_FILE_ERROR",
        "CAIRO_STATUS_INVALID_STRIDE", "CAIRO_STATUS_FONT_TYPE_MISMATCH", "CAIRO_STATUS_USER_FONT_IMMUTABLE",
        "CAIRO_STATUS_USER_FONT_ERROR", "CAIRO_STATUS_NEGATIVE_COUNT", "CAIRO_STATUS_INVALID_CLUSTERS",
        "CAIRO_STATUS_INVALID_SLANT", "CAIRO_STATUS_INVALID_WEIGHT", "CAIRO_STATUS_INVALID_SIZE",
        "CAIRO_STATUS_USER_FONT_NOT_IMPLEMENTED", "CAIRO_STATUS_DEVICE_TYPE_MISMATCH", "CAIRO_STATUS_DEVICE_ERROR",
        "CAIRO_STATUS_INVALID_MESH_CONSTRUCTION", "CAIRO_STATUS_DEVICE_FINISHED", "CAIRO_STATUS_JBIG2_GLOBAL_MISSING",
        "CAIRO_STATUS_PNG_ERROR", "CAIRO_STATUS_FREETYPE_ERROR", "CAIRO_STATUS_WIN32_GDI_ERROR",
        "CAIRO_STATUS_TAG_ERROR",
    ]
}
