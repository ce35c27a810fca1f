import PulsePhysics
import XCTest

/// Every worked value of shared/spec/pulse-explainer.md, to 3 significant figures.
final class WorkedValueTests: XCTestCase {
    private func biphasic(_ amplitude: Double, _ width: Double, gap: Double = 0) -> Pulse {
        Pulse(
            phase: Phase(amplitude: Milliamperes(amplitude), width: Microseconds(width)), waveform: .biphasicSymmetric,
            interphaseGap: Microseconds(gap))
    }

    private func metrics(_ setting: StimulationSetting, file: StaticString = #filePath, line: UInt = #line) throws
        -> PulseMetrics
    {
        switch setting.metrics() {
        case .success(let metrics): return metrics
        case .failure(let errors):
            XCTFail("unexpected: \(errors.problems)", file: file, line: line)
            throw errors
        }
    }

    func testExample1BiphasicSymmetricTENS() throws {
        let m = try metrics(
            StimulationSetting(pulse: biphasic(20, 200), train: .continuous(Hertz(100)), electrode: .pad5x5))
        assertSignificant(m.period!.value, 10.0)
        assertSignificant(m.chargePerPhase.value, 4.00)
        assertSignificant(m.chargeDensity.value, 0.160)
        assertSignificant(m.shannonK, -0.194)
        assertSignificant(m.dutyCycle.value, 4.00)
        assertSignificant(m.rmsCurrent.value, 4.00)
        assertSignificant(m.meanAbsoluteCurrent.value, 0.800)
        assertSignificant(m.averagePower.value, 8.00)
        assertSignificant(m.energyPerPulse.value, 80.0)
        assertSignificant(m.peakVoltage.value, 10.0)
        assertSignificant(m.peakCurrentDensity.value, 0.800)
        assertSignificant(m.rmsCurrentDensity.value, 0.160)
        XCTAssertEqual(m.netChargePerPulse.value, 0)
    }

    func testExample2Monophasic() throws {
        var pulse = biphasic(20, 200)
        pulse.waveform = .monophasic
        let m = try metrics(StimulationSetting(pulse: pulse, train: .continuous(Hertz(100)), electrode: .pad5x5))
        assertSignificant(m.dutyCycle.value, 2.00)
        assertSignificant(m.rmsCurrent.value, 2.83)
        assertSignificant(m.averagePower.value, 4.00)
        assertSignificant(m.energyPerPulse.value, 40.0)
        assertSignificant(m.netChargePerPulse.value, 4.00)
    }

    func testExample3AcupunctureLike() throws {
        let m = try metrics(
            StimulationSetting(pulse: biphasic(40, 250), train: .continuous(Hertz(2)), electrode: .pad5x5))
        assertSignificant(m.chargePerPhase.value, 10.0)
        assertSignificant(m.chargeDensity.value, 0.400)
        assertSignificant(m.shannonK, 0.602)
        assertSignificant(m.dutyCycle.value, 0.100)
        assertSignificant(m.rmsCurrent.value, 1.26)
        assertSignificant(m.averagePower.value, 0.800)
        assertSignificant(m.energyPerPulse.value, 400)
        assertSignificant(m.peakVoltage.value, 20.0)
    }

    func testExample4NeedleWithGap() throws {
        let m = try metrics(
            StimulationSetting(pulse: biphasic(4, 500, gap: 50), train: .continuous(Hertz(15)), electrode: .needle))
        assertSignificant(m.chargePerPhase.value, 2.00)
        assertSignificant(m.chargeDensity.value, 25.5)
        assertSignificant(m.shannonK, 1.71)
        assertSignificant(m.dutyCycle.value, 1.58)
        assertSignificant(m.rmsCurrent.value, 0.490)
        assertSignificant(m.rmsCurrentDensity.value, 6.24)
        XCTAssertNil(m.exceedsPadAttentionLevel(.needle))
    }

    func testExample5SmallPadAboveAttentionLevel() throws {
        let m = try metrics(
            StimulationSetting(pulse: biphasic(50, 250), train: .continuous(Hertz(100)), electrode: .pad2x2))
        assertSignificant(m.chargePerPhase.value, 12.5)
        assertSignificant(m.chargeDensity.value, 3.13)
        assertSignificant(m.shannonK, 1.59)
        assertSignificant(m.rmsCurrent.value, 11.2)
        assertSignificant(m.rmsCurrentDensity.value, 2.80)
        XCTAssertEqual(m.exceedsPadAttentionLevel(.pad2x2), true)
        assertSignificant(m.averagePower.value, 62.5)
        assertSignificant(m.energyPerPulse.value, 625)
    }

    func testExample6StrengthDuration() {
        let curve = StrengthDuration(rheobase: Milliamperes(5), chronaxie: Microseconds(300))
        assertSignificant(curve.hyperbolicThreshold(at: Microseconds(100)).value, 20.0)
        assertSignificant(curve.thresholdCharge(at: Microseconds(100)).value, 2.00)
        assertSignificant(curve.hyperbolicThreshold(at: Microseconds(500)).value, 8.00)
        assertSignificant(curve.thresholdCharge(at: Microseconds(500)).value, 4.00)
        let second = StrengthDuration(rheobase: Milliamperes(2), chronaxie: Microseconds(500))
        assertSignificant(second.exponentialThreshold(at: Microseconds(200)).value, 8.26)
        assertSignificant(second.hyperbolicThreshold(at: Microseconds(200)).value, 7.00)
    }

    func testExample7Asymmetric() throws {
        let first = Phase(amplitude: Milliamperes(20), width: Microseconds(200))
        let balanced = Pulse(
            phase: first,
            waveform: .biphasicAsymmetric(
                second: Phase(amplitude: Milliamperes(4), width: Microseconds(1000)), declaredBalanced: true))
        let m = try metrics(StimulationSetting(pulse: balanced, train: .continuous(Hertz(100)), electrode: .pad5x5))
        XCTAssertEqual(m.netChargePerPulse.value, 0, accuracy: 1e-12)
        assertSignificant(m.rmsCurrent.value, 3.10)

        let short = Phase(amplitude: Milliamperes(4), width: Microseconds(800))
        let unbalanced = Pulse(phase: first, waveform: .biphasicAsymmetric(second: short, declaredBalanced: false))
        let u = try metrics(StimulationSetting(pulse: unbalanced, train: .continuous(Hertz(100)), electrode: .pad5x5))
        assertSignificant(u.netChargePerPulse.value, 0.800)
        assertSignificant(u.netCurrent.value, 80.0)

        let declared = Pulse(phase: first, waveform: .biphasicAsymmetric(second: short, declaredBalanced: true))
        let problems = StimulationSetting(pulse: declared, train: .continuous(Hertz(100)), electrode: .pad5x5)
            .problems()
        XCTAssertEqual(problems.count, 1)
        guard case .notChargeBalanced(let net) = problems.first else { return XCTFail("\(problems)") }
        assertSignificant(net.value, 0.800)
    }

    func testExample8Burst() throws {
        let m = try metrics(
            StimulationSetting(
                pulse: biphasic(20, 200),
                train: .burst(pulses: 7, internalFrequency: Hertz(100), burstFrequency: Hertz(2)), electrode: .pad5x5))
        assertSignificant(m.pulseRate.value, 14.0)
        assertSignificant(m.rmsCurrent.value, 1.50)
    }

    func testExample9Alternating() throws {
        let dwells = [
            PulseTrain.Dwell(frequency: Hertz(2), duration: Seconds(3)),
            PulseTrain.Dwell(frequency: Hertz(100), duration: Seconds(3)),
        ]
        let m = try metrics(
            StimulationSetting(pulse: biphasic(20, 200), train: .alternating(dwells), electrode: .pad5x5))
        assertSignificant(m.pulseRate.value, 51.0)
        assertSignificant(m.rmsCurrent.value, 2.86)
        XCTAssertNil(m.period)
    }
}

/// Asserts `actual` rounds to `expected` at 3 significant figures.
func assertSignificant(_ actual: Double, _ expected: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertFalse(actual.isNaN, "NaN", file: file, line: line)
    let magnitude = expected == 0 ? 1 : pow(10, floor(log10(abs(expected))) - 2)
    XCTAssertEqual(
        (actual / magnitude).rounded(), (expected / magnitude).rounded(),
        "\(actual) ≠ \(expected) to 3 significant figures", file: file, line: line)
}
