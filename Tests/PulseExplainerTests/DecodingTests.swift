import PulseExplainer
import PulsePhysics
import SiteModel
import XCTest

final class DecodingTests: XCTestCase {
    private func problems(_ yaml: String) -> [String] {
        PresetLibrary.decode(yaml, file: "Content/pulse-presets.yml").diagnostics.map(\.description)
    }

    func testPresetsDecodeWithUnitsAndTrains() throws {
        let presets = library(samplePresets)
        XCTAssertEqual(presets.presets.map(\.id), ["conventional-tens", "burst-tens", "ea-2-100hz", "mono", "asym"])
        XCTAssertEqual(presets.comparisonPage?.value, "pulse-parameters")
        let tens = try XCTUnwrap(presets.preset("conventional-tens"))
        XCTAssertEqual(tens.setting.pulse.phase, Phase(amplitude: Milliamperes(20), width: Microseconds(200)))
        XCTAssertEqual(tens.described.illustrative, ["amplitude"])
        XCTAssertEqual(
            presets.preset("burst-tens")?.setting.train,
            .burst(pulses: 7, internalFrequency: Hertz(100), burstFrequency: Hertz(2)))
        XCTAssertEqual(
            presets.preset("ea-2-100hz")?.setting.train,
            .alternating([
                PulseTrain.Dwell(frequency: Hertz(2), duration: Seconds(3)),
                PulseTrain.Dwell(frequency: Hertz(100), duration: Seconds(3)),
            ]))
    }

    func testMillisecondsAreConvertedNotMistaken() {
        let yaml = samplePresets.replacingOccurrences(
            of: "pulseWidth: 200 µs\n    frequency: 100 Hz\n    electrode: pad-5x5\n    illustrative",
            with: "pulseWidth: 0.2 ms\n    frequency: 100 Hz\n    electrode: pad-5x5\n    illustrative")
        XCTAssertEqual(
            PresetLibrary.decode(yaml, file: "f").value?.preset("conventional-tens")?.setting.pulse.phase.width,
            Microseconds(200))
    }

    func testBadValuesNameTheirLine() {
        let yaml = """
            presets:
              broken:
                waveform: biphasic
                amplitude: 20
                pulseWidth: 200 µs
                frequency: 100 Hz
                electrode: pad-5x6
                sources: [x]
              tooLong:
                waveform: biphasic
                amplitude: 20 mA
                pulseWidth: 400 µs
                frequency: 150 Hz
                gap: 7000 µs
                electrode: needle
                sources: [x]
            """
        XCTAssertEqual(
            problems(yaml),
            [
                "Content/pulse-presets.yml:4:16: error: preset 'broken': 'amplitude': '20' must be a number and a "
                    + "unit, as in '20 mA' (units: A, mA, uA, µA)",
                "Content/pulse-presets.yml:7:16: error: preset 'broken': 'electrode' is 'pad-5x6' (did you mean "
                    + "'pad-5x5'?); choose one of pad-2x2, pad-5x5, pad-5x9, needle",
                "Content/pulse-presets.yml:9:3: error: pulse presets: preset id 'tooLong' may use only "
                    + "a–z, 0–9 and '-'",
                "Content/pulse-presets.yml:10:5: error: preset 'tooLong': the pulse lasts 7800 µs (phases plus "
                    + "gap), which does not fit in its period of 6666.666667 µs",
            ])
    }

    func testDeclaredBalancedAsymmetricPulseMustBalance() {
        let yaml = samplePresets.replacingOccurrences(of: "pulseWidth: 1000 µs", with: "pulseWidth: 800 µs")
        XCTAssertEqual(problems(yaml).count, 1)
        XCTAssertTrue(
            problems(yaml)[0].contains("declared charge-balanced but leaves 0.8 µC per pulse"), problems(yaml)[0])
    }

    func testBlockNamesItsPageAndLine() {
        let presets = library(samplePresets)
        let decoded = ExplainerRequest.decode(
            "preset: conventinal-tens\n", fence: SourceLocation(file: "Content/es/tens.md", line: 12, column: 1),
            library: presets)
        XCTAssertNil(decoded.value)
        XCTAssertEqual(
            decoded.diagnostics.map(\.description),
            [
                "Content/es/tens.md:13:9: error: pulse block: no preset 'conventinal-tens' in pulse-presets.yml "
                    + "(did you mean 'conventional-tens'?)"
            ])
    }

    func testBlockWithExplicitSettingsAndComparisons() throws {
        let presets = library(samplePresets)
        let text =
            "waveform: monophasic\namplitude: 10 mA\npulseWidth: 100 µs\nfrequency: 50 Hz\nelectrode: "
            + "pad-2x2\ncompare: [conventional-tens]\n"
        let decoded = ExplainerRequest.decode(
            text, fence: SourceLocation(file: "p.md", line: 1, column: 1), library: presets)
        let request = decoded.value
        XCTAssertEqual(decoded.diagnostics, [])
        guard case .single(let subject, let compare)? = request else {
            return XCTFail("\(String(describing: request))")
        }
        XCTAssertNil(subject.presetID)
        XCTAssertEqual(subject.described.setting.pulse.waveform, .monophasic)
        XCTAssertEqual(compare.map(\.id), ["conventional-tens"])
        XCTAssertEqual(
            ExplainerRequest.decode(
                "presets: all", fence: SourceLocation(file: "p.md", line: 1, column: 1), library: presets
            ).value, .allPresets)
    }

    func testBlockCannotMixPresetAndSettings() {
        let decoded = ExplainerRequest.decode(
            "preset: mono\namplitude: 5 mA\n", fence: SourceLocation(file: "p.md", line: 3, column: 1),
            library: library(samplePresets))
        XCTAssertEqual(
            decoded.diagnostics.map(\.description),
            ["p.md:5:1: error: pulse block: give either 'preset' or the settings ('amplitude'), not both"])
    }
}
