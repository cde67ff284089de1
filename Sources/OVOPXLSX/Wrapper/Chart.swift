import CXlsxWriter

/// An `lxw_chart`, owned by its workbook; placed with `Worksheet.insertChart`.
final class Chart {
    enum Kind { case bar, column, line }
    enum LegendPosition { case none, bottom, right }

    let handle: UnsafeMutablePointer<lxw_chart>
    let kind: Kind

    init(handle: UnsafeMutablePointer<lxw_chart>, kind: Kind) {
        self.handle = handle
        self.kind = kind
    }

    /// The category axis: libxlsxwriter (like Excel) swaps the axes of a horizontal bar chart.
    private var categoryAxis: UnsafeMutablePointer<lxw_chart_axis> { kind == .bar ? handle.pointee.y_axis : handle.pointee.x_axis }
    private var valueAxis: UnsafeMutablePointer<lxw_chart_axis> { kind == .bar ? handle.pointee.x_axis : handle.pointee.y_axis }

    /// `chart_add_series` + `chart_series_set_categories/values/name_range`: a series read from cells.
    func addSeries(categories: CellRange, values: CellRange, name: (sheet: String, row: Int, column: Int)? = nil,
                   colour: Int? = nil, line: Bool = false) {
        let series = chart_add_series(handle, nil, nil)!
        chart_series_set_categories(series, categories.sheet, lxw_row_t(categories.firstRow),
                                    lxw_col_t(categories.firstColumn), lxw_row_t(categories.lastRow),
                                    lxw_col_t(categories.lastColumn))
        chart_series_set_values(series, values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
                                lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
        if let name {
            chart_series_set_name_range(series, name.sheet, lxw_row_t(name.row), lxw_col_t(name.column))
        }
        if let colour {
            if line {
                var l = lxw_chart_line()
                l.color = lxw_color_t(colour)
                l.width = 2.25
                chart_series_set_line(series, &l)
                chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
                chart_series_set_marker_size(series, 5)
                var fill = lxw_chart_fill()
                fill.color = lxw_color_t(colour)
                chart_series_set_marker_fill(series, &fill)
                var border = lxw_chart_line()
                border.color = lxw_color_t(colour)
                chart_series_set_marker_line(series, &border)
            } else {
                var fill = lxw_chart_fill()
                fill.color = lxw_color_t(colour)
                chart_series_set_fill(series, &fill)
            }
        }
    }

    /// `chart_title_set_name`.
    func setTitle(_ title: String) {
        chart_title_set_name(handle, title)
        var font = lxw_chart_font()
        font.size = 12
        font.bold = UInt8(LXW_TRUE.rawValue)
        chart_title_set_name_font(handle, &font)
    }

    /// `chart_axis_set_name` on the category (x) and value (y) axes.
    func setAxisNames(category: String?, value: String?) {
        if let category { chart_axis_set_name(categoryAxis, category) }
        if let value { chart_axis_set_name(valueAxis, value) }
    }

    /// `chart_axis_set_num_format` on the value axis.
    func setValueFormat(_ format: String) {
        chart_axis_set_num_format(valueAxis, format)
    }

    /// `chart_axis_set_min` on the value axis.
    func setValueMinimum(_ value: Double) {
        chart_axis_set_min(valueAxis, value)
    }

    /// `chart_axis_set_reverse` + `chart_axis_set_crossing_max` on the category axis: a bar chart lists its
    /// first category at the top and keeps the value axis at the bottom.
    func reverseCategories() {
        chart_axis_set_reverse(categoryAxis)
        chart_axis_set_crossing_max(categoryAxis)
    }

    /// `chart_legend_set_position` / `chart_legend_set_position(NONE)`.
    func setLegend(_ position: LegendPosition) {
        let p: lxw_chart_legend_position = switch position {
        case .none: LXW_CHART_LEGEND_NONE
        case .bottom: LXW_CHART_LEGEND_BOTTOM
        case .right: LXW_CHART_LEGEND_RIGHT
        }
        chart_legend_set_position(handle, UInt8(p.rawValue))
    }
}
