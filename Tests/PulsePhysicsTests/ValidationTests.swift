import PulsePhysics
import XCTest

final class ValidationTests: XCTestCase {
    private func setting(
        amplitude: Double = 20, width: Double = 200, gap: Double = 0, train: PulseTrain = .continuous(Hertz(100))
    ) -> StimulationSetting {
        StimulationSetting(
            pulse: Pulse(
                phase: Phase(amplitude: Milliamperes(amplitude), width: Microseconds(width)),
                waveform: .biphasicSymmetric, interphaseGap: Microseconds(gap)),
            train: train, electrode: .pad5x5
        )
    }

    func testNonPositiveInputsAreErrorsNotNaN() {
        XCTAssertEqual(setting(amplitude: 0).problems(), [.notPositive(quantity: "amplitude", value: 0)])
        XCTAssertEqual(setting(width: -5).problems(), [.notPositive(quantity: "pulse width", value: -5)])
        XCTAssertEqual(
            setting(train: .continuous(Hertz(0))).problems(), [.notPositive(quantity: "frequency", value: 0)])
        XCTAssertEqual(setting(gap: -1).problems(), [.notPositive(quantity: "interphase gap", value: -1)])
        guard case .notPositive("amplitude", _)? = setting(amplitude: .nan).problems().first else {
            return XCTFail("NaN amplitude accepted")
        }
        if case .success = setting(amplitude: 0).metrics() { XCTFail("zero amplitude computed") }
    }

    func testPulseLongerThanPeriodIsRejected() {
        // 2 × 400 µs + 300 µs gap = 1100 µs does not fit … with allowOutOfRange, at 1000 Hz (1000 µs).
        let problems = setting(width: 400, gap: 300, train: .continuous(Hertz(1000))).problems(allowOutOfRange: true)
        XCTAssertEqual(problems, [.pulseLongerThanPeriod(pulse: Microseconds(1100), period: Microseconds(1000))])
        // Exactly equal does not fit either: p·w + g ≥ T.
        XCTAssertEqual(setting(width: 500, train: .continuous(Hertz(1000))).problems(allowOutOfRange: true).count, 1)
    }

    func testBurstLongerThanItsPeriodIsRejected() {
        let train = PulseTrain.burst(pulses: 60, internalFrequency: Hertz(100), burstFrequency: Hertz(2))
        XCTAssertEqual(
            setting(train: train).problems(), [.burstLongerThanBurstPeriod(burst: Seconds(0.6), period: Seconds(0.5))])
    }

    func testOutOfRangeUnlessAllowed() {
        XCTAssertEqual(
            setting(amplitude: 80).problems(),
            [.outOfRange(quantity: "amplitude", value: 80, range: 1...60, unit: "mA")])
        XCTAssertEqual(setting(amplitude: 80).problems(allowOutOfRange: true), [])
        XCTAssertEqual(setting(width: 40).problems().count, 1)
        XCTAssertEqual(setting(train: .continuous(Hertz(200))).problems().count, 1)
    }

    func testAlternatingChecksEveryDwell() {
        let dwells = [
            PulseTrain.Dwell(frequency: Hertz(2), duration: Seconds(3)),
            PulseTrain.Dwell(frequency: Hertz(500), duration: Seconds(0)),
        ]
        let problems = setting(train: .alternating(dwells)).problems()
        XCTAssertEqual(
            problems,
            [
                .outOfRange(quantity: "frequency 2", value: 500, range: 1...150, unit: "Hz"),
                .notPositive(quantity: "dwell time 2", value: 0),
            ])
    }

    func testErrorsReadAsSentences() {
        XCTAssertEqual(
            PulseSettingError.pulseLongerThanPeriod(pulse: Microseconds(1100), period: Microseconds(1000)).description,
            "the pulse lasts 1100 µs (phases plus gap), which does not fit in its period of 1000 µs"
        )
    }
}
