/// Axis ticks at round numbers (1, 2, 2,5 or 5 times a power of ten).
public enum Ticks {
    /// About `count` ticks from 0 (or a round number below `lower`) to a round number at or above `upper`.
    /// All-zero data gives `[0]`.
    public static func nice(lower: Double = 0, upper: Double, count: Int = 5) -> [Double] {
        let lo = min(0, lower)
        let hi = max(0, upper)
        guard hi > lo, hi.isFinite, lo.isFinite else { return [0] }
        let step = niceStep((hi - lo) / Double(max(1, count)))
        let first = (lo / step).rounded(.down)
        let last = (hi / step).rounded(.up)
        return stride(from: first, through: last, by: 1).map { ($0 * step * 1e9).rounded() / 1e9 }
    }

    /// The round step at or above `rough`.
    public static func niceStep(_ rough: Double) -> Double {
        guard rough > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let normalized = rough / magnitude
        for candidate in [1.0, 2.0, 2.5, 5.0] where normalized <= candidate + 1e-9 { return candidate * magnitude }
        return 10 * magnitude
    }

    /// Ticks for shares (0...1) that stop at 100% when the data does.
    public static func share(upper: Double, count: Int = 5) -> [Double] {
        let ticks = nice(upper: min(1, max(0, upper)), count: count)
        return ticks.count == 1 ? [0, 0.25, 0.5, 0.75, 1] : ticks
    }
}
