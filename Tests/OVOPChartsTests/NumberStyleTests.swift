import OVOPCharts
import Testing

@Suite("Numbers written the Indonesian way")
struct NumberStyleTests {
    let id = NumberStyle.indonesian
    let en = NumberStyle.english

    @Test func moneyInFull() {
        #expect(id.rupiah(5_151_803_679) == "Rp 5.151.803.679")
        #expect(id.rupiah(1_250_000) == "Rp 1.250.000")
        #expect(id.rupiah(999) == "Rp 999")
        #expect(id.rupiah(0) == "Rp 0")
        #expect(id.rupiah(-5000) == "\u{2212}Rp 5.000")
        #expect(en.rupiah(1_250_000) == "Rp 1,250,000")
        #expect(id.integer(12_005) == "12.005")
    }

    @Test func sharesAndGrowth() {
        #expect(id.percent(0.125) == "12,5%")
        #expect(id.percent(1) == "100,0%")
        #expect(id.percent(0.00049) == "0,0%")
        #expect(id.percent(nil) == "–")
        #expect(id.percent(0.25, digits: 0) == "25%")
        #expect(id.growth(0.034) == "+3,4%")
        #expect(id.growth(-0.012) == "\u{2212}1,2%")
        #expect(id.growth(-0.0004) == "0,0%")  // no "−0,0%"
        #expect(id.growth(0.0005) == "+0,1%")  // half away from zero
        #expect(id.growth(nil) == "–")
        #expect(en.percent(0.125) == "12.5%")
        #expect(en.growth(-0.012) == "\u{2212}1.2%")
    }

    @Test func compactAmountsForCharts() {
        #expect(id.compactRupiah(1_200_000_000) == "Rp 1,2 M")
        #expect(id.compactRupiah(350_000_000) == "Rp 350 jt")
        #expect(id.compactRupiah(482_556_750) == "Rp 482,6 jt")
        #expect(id.compactRupiah(12_000) == "Rp 12 rb")
        #expect(id.compactRupiah(999_960_000) == "Rp 1 M")  // not "Rp 1.000 jt"
        #expect(id.compactRupiah(1_250_000_000, digits: 2) == "Rp 1,25 M")
        #expect(id.compactRupiah(2_500_000_000_000) == "Rp 2,5 T")
        #expect(id.compactRupiah(750) == "Rp 750")
        #expect(id.compactRupiah(0) == "Rp 0")
        #expect(en.compactRupiah(1_200_000_000) == "Rp 1.2 bn")
        #expect(id.compactCount(1_500) == "1,5 rb")
    }
}

@Suite("Axis ticks at round numbers")
struct TicksTests {
    @Test func roundSteps() {
        #expect(Ticks.niceStep(137_000_000) == 200_000_000)
        #expect(Ticks.niceStep(0.3) == 0.5)
        #expect(Ticks.niceStep(22) == 25)
        #expect(Ticks.niceStep(100) == 100)
    }

    @Test func ticksCoverTheData() {
        #expect(Ticks.nice(upper: 482_556_750, count: 5) == [0, 1e8, 2e8, 3e8, 4e8, 5e8])
        #expect(Ticks.nice(upper: 549_607_000, count: 4) == [0, 2e8, 4e8, 6e8])
        #expect(Ticks.nice(upper: 4, count: 4) == [0, 1, 2, 3, 4])
        #expect(Ticks.nice(upper: 0) == [0])
        #expect(Ticks.share(upper: 0.631) == [0, 0.2, 0.4, 0.6, 0.8])
        #expect(Ticks.share(upper: 0) == [0, 0.25, 0.5, 0.75, 1])
        for upper in [1.0, 7.3, 99, 1234, 5_151_803_679] {
            let ticks = Ticks.nice(upper: upper)
            #expect(ticks.first == 0 && ticks.last! >= upper && ticks.count <= 7, "\(upper): \(ticks)")
        }
    }

    @Test func tickLabels() {
        let n = NumberStyle.indonesian
        #expect(ValueKind.rupiah.tick(1_250_000_000, n) == "Rp 1,25 M")
        #expect(ValueKind.rupiah.tick(250_000_000, n) == "Rp 250 jt")
        #expect(ValueKind.rupiah.tick(0, n) == "0")
        #expect(ValueKind.share.tick(0.4, n) == "40%")
    }
}
