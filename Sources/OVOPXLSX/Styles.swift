import OVOPTemplate

/// Every format of the workbook, created once per workbook (libxlsxwriter keeps each `lxw_format` until close).
struct Styles {
    /// `"Rp "#,##0`: `Rp 1.250.000` where the reader's locale groups with dots (Indonesian), `Rp 1,250,000` in English.
    static let rupiahFormat = "\"Rp \"#,##0"
    static let integerFormat = "#,##0"
    static let decimalFormat = "#,##0.00"
    /// A share: `12,5%` in an Indonesian locale, `12.5%` in English.
    static let percentFormat = "0.0%"
    static let dateTimeFormat = "yyyy-mm-dd hh:mm"

    let title, subtitle, heading, note, label, text, wrapText: Format
    let header: Format
    let integer, rupiah, percent, decimal, dateTime: Format
    let totalText, totalInteger, totalRupiah, totalPercent: Format
    let keyLabel, keyRupiah, keyInteger, keyPercent, keyText: Format
    let up, down: Format

    init(_ book: Workbook, theme: Theme) {
        let primary = Theme.int(theme.primary)
        let grey = 0x595959
        title = book.addFormat(CellStyle(bold: true, fontSize: 16, fontColour: primary))
        subtitle = book.addFormat(CellStyle(fontSize: 11, fontColour: grey))
        heading = book.addFormat(CellStyle(bold: true, fontSize: 12, fontColour: primary))
        note = book.addFormat(CellStyle(italic: true, fontColour: grey))
        label = book.addFormat(CellStyle(bold: true))
        text = book.addFormat(CellStyle())
        wrapText = book.addFormat(CellStyle(wrap: true, verticalTop: true))
        header = book.addFormat(CellStyle(bold: true, fontColour: Theme.int(theme.headerText), fill: primary,
                                          wrap: true, align: .center, verticalTop: true))
        integer = book.addFormat(CellStyle(numberFormat: Styles.integerFormat, shape: .integer))
        rupiah = book.addFormat(CellStyle(numberFormat: Styles.rupiahFormat, shape: .rupiah))
        percent = book.addFormat(CellStyle(numberFormat: Styles.percentFormat, shape: .percent))
        decimal = book.addFormat(CellStyle(numberFormat: Styles.decimalFormat, shape: .decimal))
        dateTime = book.addFormat(CellStyle(numberFormat: Styles.dateTimeFormat, shape: .dateTime))
        let total = CellStyle(bold: true, fill: 0xF2F2F2, topBorder: true, bottomBorder: true, borderColour: primary)
        totalText = book.addFormat(total)
        var t = total
        t.numberFormat = Styles.integerFormat; t.shape = .integer
        totalInteger = book.addFormat(t)
        t.numberFormat = Styles.rupiahFormat; t.shape = .rupiah
        totalRupiah = book.addFormat(t)
        t.numberFormat = Styles.percentFormat; t.shape = .percent
        totalPercent = book.addFormat(t)
        let key = CellStyle(bold: true, fontSize: 12, fontColour: primary, align: .right)
        keyLabel = book.addFormat(CellStyle(fontSize: 11))
        var k = key
        k.numberFormat = Styles.rupiahFormat; k.shape = .rupiah
        keyRupiah = book.addFormat(k)
        k.numberFormat = Styles.integerFormat; k.shape = .integer
        keyInteger = book.addFormat(k)
        k.numberFormat = Styles.percentFormat; k.shape = .percent
        keyPercent = book.addFormat(k)
        keyText = book.addFormat(key)
        up = book.addFormat(CellStyle(fontColour: Theme.int(theme.positive), fill: 0xE2F0D9))
        down = book.addFormat(CellStyle(fontColour: Theme.int(theme.negative), fill: 0xFBE3E3))
    }
}
