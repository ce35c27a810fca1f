import Foundation
import PulseExplainer
import PulsePhysics
import SiteModel
import XCTest

/// A context with English-like strings named after their keys, so tests can
/// see which string went where.
func testContext(decimal: String = ".", comparisonURL: String? = "/en/compare/") -> ExplainerContext {
    var strings: [String: String] = [:]
    for key in PulseExplainerStrings.used(by: PresetLibrary.decode(samplePresets, file: "").value ?? .empty) {
        strings[key] = "<\(key)>"
    }
    strings["pulseReadCharge"] = "Each phase moves {charge}; over {area} that is {density}."
    strings["pulseReadShannonBelow"] = "k is {k}, below."
    strings["pulseReadShannonAbove"] = "k is {k}, above."
    strings["pulseReadPadBelow"] = "Pad density {density}, below."
    strings["pulseReadPadAbove"] = "Pad density {density}, above."
    strings["pulseReadNeedle"] = "Needle density {density}."
    strings["pulseWaveformDescription"] = "{waveform}: {amplitude} for {pulseWidth}."
    strings["pulseSDDescription"] = "At {pulseWidth}: sensory {sensory}×, motor {motor}×."
    strings["train.continuous"] = "Continuous at {frequency}"
    return ExplainerContext(
        strings: strings, numbers: LocaleNumbers(decimalSeparator: decimal), statesURL: "/assets/states.json",
        comparisonURL: comparisonURL, idPrefix: "pulse-1")
}

/// The library from YAML text, failing the test on any diagnostic.
func library(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> PresetLibrary {
    let decoded = PresetLibrary.decode(yaml, file: "Content/pulse-presets.yml")
    XCTAssertEqual(decoded.diagnostics.map(\.description), [], file: file, line: line)
    return decoded.value ?? .empty
}

let samplePresets = """
    comparisonPage: pulse-parameters
    presets:
      conventional-tens:
        waveform: biphasic
        amplitude: 20 mA
        pulseWidth: 200 µs
        frequency: 100 Hz
        electrode: pad-5x5
        illustrative: [amplitude]
        sources: ["Sluka KA, Walsh D. J Pain. 2003. doi:10.1054/jpai.2003.434"]
      burst-tens:
        waveform: biphasic
        amplitude: 20 mA
        pulseWidth: 200 µs
        electrode: pad-5x5
        train:
          burst: { pulses: 7, frequency: 100 Hz, burstsPerSecond: 2 }
        sources: ["a source"]
      ea-2-100hz:
        waveform: biphasic
        amplitude: 5 mA
        pulseWidth: 200 µs
        electrode: needle
        train:
          alternating:
            - { frequency: 2 Hz, seconds: 3 }
            - { frequency: 100 Hz, seconds: 3 }
        sources: ["a source"]
      mono:
        waveform: monophasic
        amplitude: 20 mA
        pulseWidth: 200 µs
        frequency: 100 Hz
        electrode: pad-5x5
        sources: ["a source"]
      asym:
        waveform: asymmetric
        amplitude: 20 mA
        pulseWidth: 200 µs
        secondPhase: { amplitude: 4 mA, pulseWidth: 1000 µs }
        frequency: 100 Hz
        electrode: pad-5x5
        sources: ["a source"]
    """

/// The folder of golden files; `SPINESITE_RECORD=1` rewrites them.
let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/PulseExplainer")

func assertGolden(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = goldenFolder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["SPINESITE_RECORD"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    XCTAssertEqual(
        text, expected, "differs from \(name); rerun with SPINESITE_RECORD=1 if the change is intended", file: file,
        line: line)
}
