import PulsePhysics
import TestSupport
import XCTest

/// Properties that hold for every valid setting, checked over many random ones
/// (a fixed seed, so a failure can be replayed).
final class PropertyTests: XCTestCase {
    private var generator = SeededGenerator(seed: 0x5EED_2026)

    private func randomSetting() -> StimulationSetting {
        let amplitude = Milliamperes(Double.random(in: PlausibleRange.amplitude, using: &generator))
        let width = Microseconds(Double.random(in: PlausibleRange.pulseWidth, using: &generator))
        let waveform: Waveform
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: waveform = .monophasic
        case 1: waveform = .biphasicSymmetric
        default:
            let ratio = Double.random(in: 1...5, using: &generator)
            waveform = .biphasicAsymmetric(
                second: Phase(amplitude: amplitude * (1 / ratio), width: width * ratio), declaredBalanced: true)
        }
        let pulse = Pulse(
            phase: Phase(amplitude: amplitude, width: width), waveform: waveform,
            interphaseGap: Microseconds(Double.random(in: 0...100, using: &generator)))
        let frequency = Hertz(Double.random(in: 1...min(150, 0.99e6 / pulse.duration.value), using: &generator))
        return StimulationSetting(
            pulse: pulse, train: .continuous(frequency),
            electrode: Electrode.allCases.randomElement(using: &generator)!)
    }

    private func metrics(_ setting: StimulationSetting) throws -> PulseMetrics {
        try setting.metrics().get()
    }

    func testChargeScalesLinearlyWithAmplitudeAndWidth() throws {
        for _ in 0..<500 {
            let setting = randomSetting()
            let base = try metrics(setting).chargePerPhase.value
            let factor = Double.random(in: 0.2...1, using: &generator)
            let phase = setting.pulse.phase
            let smallerAmplitude = setting.with(
                amplitude: phase.amplitude * factor, width: phase.width, frequency: nil, electrode: setting.electrode)
            let scaledByAmplitude = smallerAmplitude.unvalidatedChargePerPhase
            XCTAssertEqual(scaledByAmplitude / base, factor, accuracy: 1e-9)
            var narrower = setting.pulse
            narrower.phase.width = phase.width * factor
            XCTAssertEqual(narrower.phase.charge.value / base, factor, accuracy: 1e-9)
        }
    }

    func testDutyCycleNeverExceedsOneAndRMSNeverExceedsPeak() throws {
        for _ in 0..<500 {
            let setting = randomSetting()
            let m = try metrics(setting)
            XCTAssertLessThan(m.dutyCycle.value, 100)
            XCTAssertGreaterThan(m.dutyCycle.value, 0)
            XCTAssertLessThanOrEqual(
                m.rmsCurrent.value,
                setting.pulse.phase.amplitude.value * (1 + 1e-12)
                    * max(1, setting.pulse.phases.map(\.amplitude.value).max()! / setting.pulse.phase.amplitude.value))
            XCTAssertLessThanOrEqual(
                m.meanAbsoluteCurrent.value, m.rmsCurrent.value * (1 + 1e-12), "mean |I| ≤ RMS (Cauchy–Schwarz)")
        }
    }

    func testBalancedPulsesLeaveNoNetCharge() throws {
        for _ in 0..<500 {
            let setting = randomSetting()
            let m = try metrics(setting)
            if case .monophasic = setting.pulse.waveform {
                XCTAssertEqual(m.netChargePerPulse, m.chargePerPhase)
            } else {
                XCTAssertEqual(m.netChargePerPulse.value, 0, accuracy: 1e-9 * m.chargePerPhase.value)
            }
        }
    }

    func testShannonKIsLogOfChargeTimesDensity() throws {
        for _ in 0..<200 {
            let m = try metrics(randomSetting())
            XCTAssertEqual(
                pow(10, m.shannonK), m.chargePerPhase.value * m.chargeDensity.value,
                accuracy: 1e-9 * pow(10, m.shannonK))
            XCTAssertEqual(m.shannonMargin, 1.85 - m.shannonK, accuracy: 1e-12)
        }
    }

    func testBothStrengthDurationFormsGiveTwiceRheobaseAtChronaxie() {
        for _ in 0..<100 {
            let curve = StrengthDuration(
                rheobase: Milliamperes(Double.random(in: 0.1...10, using: &generator)),
                chronaxie: Microseconds(Double.random(in: 50...2000, using: &generator))
            )
            XCTAssertEqual(
                curve.hyperbolicThreshold(at: curve.chronaxie).value, 2 * curve.rheobase.value, accuracy: 1e-9)
            XCTAssertEqual(
                curve.exponentialThreshold(at: curve.chronaxie).value, 2 * curve.rheobase.value, accuracy: 1e-9)
        }
    }
}

extension StimulationSetting {
    var unvalidatedChargePerPhase: Double { pulse.phase.charge.value }
}
