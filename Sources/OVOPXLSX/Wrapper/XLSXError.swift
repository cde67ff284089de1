import CXlsxWriter

/// A failure while writing a workbook: a libxlsxwriter `lxw_error` with its C name and text, or an
/// input the wrapper refused before calling C (libxlsxwriter 1.1.4 accepts some inputs Excel then "repairs").
public struct XLSXError: Error, CustomStringConvertible, Equatable {
    /// The `lxw_error` value, `nil` when the wrapper refused the input itself.
    public var code: UInt32?
    /// The C enumerator, e.g. `LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED`.
    public var name: String
    /// What libxlsxwriter (`lxw_strerror`) or the wrapper says.
    public var message: String
    /// What we were doing: the sheet, the cell, the call.
    public var context: String

    public var description: String {
        if let code {
            return "lxw_error \(code) \(name) (\(message)) while \(context)"
        }
        return "\(message) while \(context)"
    }

    /// Wraps a C result: `nil` when it is `LXW_NO_ERROR`.
    static func check(_ error: lxw_error, _ context: @autoclosure () -> String) throws {
        guard error != LXW_NO_ERROR else { return }
        throw XLSXError(code: error.rawValue, name: cName(error), message: String(cString: lxw_strerror(error)),
                        context: context())
    }

    /// An input refused in Swift, before it reaches C.
    static func invalid(_ message: String, _ context: String) -> XLSXError {
        XLSXError(code: nil, name: "invalid-input", message: message, context: context)
    }

    /// The enumerator names of `lxw_error` in libxlsxwriter 1.1.4 (common.h), in value order.
    static let names = [
        "LXW_NO_ERROR", "LXW_ERROR_MEMORY_MALLOC_FAILED", "LXW_ERROR_CREATING_XLSX_FILE",
        "LXW_ERROR_CREATING_TMPFILE", "LXW_ERROR_READING_TMPFILE", "LXW_ERROR_ZIP_FILE_OPERATION",
        "LXW_ERROR_ZIP_PARAMETER_ERROR", "LXW_ERROR_ZIP_BAD_ZIP_FILE", "LXW_ERROR_ZIP_INTERNAL_ERROR",
        "LXW_ERROR_ZIP_FILE_ADD", "LXW_ERROR_ZIP_CLOSE", "LXW_ERROR_FEATURE_NOT_SUPPORTED",
        "LXW_ERROR_NULL_PARAMETER_IGNORED", "LXW_ERROR_PARAMETER_VALIDATION", "LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED",
        "LXW_ERROR_INVALID_SHEETNAME_CHARACTER", "LXW_ERROR_SHEETNAME_START_END_APOSTROPHE",
        "LXW_ERROR_SHEETNAME_ALREADY_USED", "LXW_ERROR_32_STRING_LENGTH_EXCEEDED",
        "LXW_ERROR_128_STRING_LENGTH_EXCEEDED", "LXW_ERROR_255_STRING_LENGTH_EXCEEDED",
        "LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED", "LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND",
        "LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE", "LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED",
        "LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED", "LXW_ERROR_IMAGE_DIMENSIONS",
    ]

    static func cName(_ error: lxw_error) -> String {
        let i = Int(error.rawValue)
        return i < names.count ? names[i] : "LXW_ERROR_\(i)"
    }
}
