import Foundation
import PulseExplainer
import PulsePhysics
import SiteSupport
import XCTest

final class HTMLTests: XCTestCase {
    private let presets = library(samplePresets)

    private func single(_ id: String, decimal: String = ".") -> String {
        let preset = presets.preset(id)!
        let subject = ExplainerSubject(presetID: id, described: preset.described, sources: preset.sources)
        return ExplainerHTML.single(subject, compare: [], modelIndex: 3, context: testContext(decimal: decimal))
    }

    func testWithoutJavaScriptTheFigureTableAndReadingAreThere() {
        let html = single("conventional-tens")
        XCTAssertTrue(html.contains("data-pulse-controls hidden"), "controls only appear with the script")
        XCTAssertTrue(html.contains("<svg class=\"pulse-svg pulse-svg-wave\""))
        XCTAssertTrue(html.contains("<svg class=\"pulse-svg pulse-svg-sd\""))
        XCTAssertTrue(html.contains("<bdi data-q=\"charge\">4.00\u{00A0}µC</bdi>"), "worked example 1: 4.00 µC")
        XCTAssertTrue(html.contains("<bdi data-q=\"rmsCurrent\">4.00\u{00A0}mA</bdi>"))
        XCTAssertTrue(
            html.contains(">Each phase moves 4.00\u{00A0}µC; over 25\u{00A0}cm² that is 0.160\u{00A0}µC/cm².</p>"))
        XCTAssertTrue(html.contains(">k is \u{2212}0.194, below.</p>"))
        XCTAssertTrue(html.contains(">Pad density 0.160\u{00A0}mA/cm², below.</p>"))
        XCTAssertTrue(html.contains("data-pulse-model=\"3\""))
        XCTAssertTrue(html.contains("<a href=\"/en/compare/\">"))
        XCTAssertTrue(html.contains("(&lt;pulseIllustrative&gt;)"), "the illustrative amplitude is marked")
        XCTAssertFalse(html.contains("<script"), "no inline script")
    }

    /// Without the script there are no sliders, so nothing tells the reader to move them.
    func testOnlyReadersWithTheSlidersAreToldToMoveThem() {
        XCTAssertTrue(
            single("conventional-tens").contains(
                "<p class=\"pulse-intro\"><span data-pulse-hint hidden>&lt;pulseSliders&gt; </span>"
                    + "&lt;pulseIntro&gt;</p>"))
    }

    /// "Bursts of 7 pulses": the form of the string for the count, by the language's plural rules.
    func testABurstsPulseCountTakesTheFormItsLanguageGivesIt() {
        let preset = presets.preset("burst-tens")!
        let subject = ExplainerSubject(presetID: "burst-tens", described: preset.described, sources: preset.sources)
        var context = testContext()
        context.strings["train.burst"] = "{pulses} (one form)"
        context.strings["train.burst.few"] = "{pulses} (few)"
        context.plurals = PluralRules("ar")
        XCTAssertTrue(ExplainerHTML.single(subject, compare: [], modelIndex: 0, context: context).contains("7 (few)"))
        context.plurals = PluralRules("en")
        XCTAssertTrue(
            ExplainerHTML.single(subject, compare: [], modelIndex: 0, context: context).contains("7 (one form)"),
            "a string written once serves every count")
    }

    /// "Bursts of 1 pulse …, 1 burst a second": each count of a burst takes its own form, the
    /// bursts a second too, a fraction by how it is written ("0.5 bursts").
    func testEachCountOfABurstTakesItsOwnForm() {
        var context = testContext()
        context.strings["train.burst.one"] = "{pulses} pulse, {burstsPerSecond}"
        context.strings["train.burst.other"] = "{pulses} pulses, {burstsPerSecond}"
        context.strings["train.burstsPerSecond.one"] = "{bursts} burst a second"
        context.strings["train.burstsPerSecond.other"] = "{bursts} bursts a second"
        func text(pulses: Int, bursts: String) -> String {
            let burst = library(
                """
                presets:
                  burst:
                    waveform: biphasic
                    amplitude: 20 mA
                    pulseWidth: 200 µs
                    electrode: pad-5x5
                    train:
                      burst: { pulses: \(pulses), frequency: 100 Hz, burstsPerSecond: \(bursts) }
                    sources: ["a source"]
                """
            ).presets[0]
            return ExplainerHTML.single(
                ExplainerSubject(presetID: nil, described: burst.described, sources: []), compare: [], modelIndex: 0,
                context: context)
        }
        XCTAssertTrue(text(pulses: 1, bursts: "1").contains(">1 pulse, 1 burst a second<"))
        XCTAssertTrue(text(pulses: 7, bursts: "2").contains(">7 pulses, 2 bursts a second<"))
        XCTAssertTrue(text(pulses: 1, bursts: "0.5").contains(">1 pulse, 0.5 bursts a second<"))
        context.strings["train.burstsPerSecond.two"] = "two bursts a second"
        context.plurals = PluralRules("ar")
        XCTAssertTrue(text(pulses: 7, bursts: "2").contains(">7 pulses, two bursts a second<"))
    }

    /// The site's own locales write every form their language has of each string with a count.
    func testTheSitesLocalesWriteEveryPluralFormOfTheBurstStrings() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content")
        for tag in ["en", "es", "ar"] {
            let yaml = try String(contentsOf: content.appendingPathComponent("\(tag)/locale.yml"), encoding: .utf8)
            for key in ["train.burst", "train.burstsPerSecond"] {
                for category in PluralRules(tag).categories {
                    XCTAssertTrue(yaml.contains("\n  \(key).\(category.rawValue): "), "\(tag): \(key).\(category)")
                }
            }
        }
    }

    func testSpanishNumbersUseADecimalComma() {
        let html = single("conventional-tens", decimal: ",")
        XCTAssertTrue(html.contains("<bdi data-q=\"charge\">4,00\u{00A0}µC</bdi>"))
        XCTAssertTrue(html.contains("data-decimal=\",\""))
        XCTAssertTrue(html.contains(">k is \u{2212}0,194, below.</p>"))
        // Numbers inside the SVG stay locale-independent.
        XCTAssertTrue(html.contains("d=\"M44 72H64.5V52H90.1V72H90.1V92H115.7V72H300\""))
    }

    func testNeedleReadingExplainsTheStandardDoesNotApply() {
        let html = single("ea-2-100hz")
        XCTAssertTrue(html.contains(">Needle density "))
        XCTAssertFalse(html.contains("data-axis=\"frequency\""), "an alternating train keeps its preset's rates")
        XCTAssertFalse(html.contains("data-q=\"period\""), "no single period for alternating trains")
    }

    func testSlidersAreLabelledAndStartAtThePreset() {
        let html = single("conventional-tens")
        XCTAssertTrue(
            html.contains(
                "<label for=\"pulse-1-amplitude\">&lt;pulseAmplitude&gt;</label><input type=\"range\" "
                    + "id=\"pulse-1-amplitude\" min=\"0\" max=\"10\" step=\"1\" value=\"5\" data-axis=\"amplitude\" "
                    + "aria-valuetext=\"20\u{00A0}mA\">"
            ))
        XCTAssertTrue(html.contains("<option value=\"1\" selected>&lt;electrode.pad-5x5&gt;</option>"))
    }

    func testContentTextIsEscaped() {
        var context = testContext()
        context.strings["preset.conventional-tens"] = "<img src=x onerror=alert(1)>"
        let preset = presets.preset("conventional-tens")!
        let html = ExplainerHTML.single(
            ExplainerSubject(presetID: preset.id, described: preset.described, sources: ["<b>x</b>"]), compare: [],
            modelIndex: 0, context: context)
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<b>x"))
        XCTAssertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    func testComparisonListsEveryPreset() {
        let html = ExplainerHTML.comparison(presets, context: testContext())
        for preset in presets.presets { XCTAssertTrue(html.contains("&lt;preset.\(preset.id)&gt;"), preset.id) }
        XCTAssertEqual(
            html.components(separatedBy: "<svg ").count - 1, 2 * presets.presets.count, "a waveform and a train each")
        XCTAssertTrue(html.contains("role=\"region\""), "the wide table scrolls and is keyboard-reachable")
    }
}
