import Foundation
import FoundationXML
import PulsePhysics
import XCTest

@testable import PulseExplainer

final class FigureTests: XCTestCase {
    private let presets = library(samplePresets)

    private func waveformSVG(_ id: String) -> String {
        let setting = presets.preset(id)!.setting
        return FigureSVG(context: testContext(), id: "t").waveform(
            setting, geometry: FigureGeometry(model: setting), description: "desc", template: nil
        )
    }

    func testBiphasicPathIsTheHandComputedOne() {
        // Window: 2 × 500 µs × 1.2 → 2000 µs over x 44…300; lead-in 160 µs; ±60 mA over y 12…132.
        XCTAssertTrue(waveformSVG("conventional-tens").contains("d=\"M44 72H64.5V52H90.1V72H90.1V92H115.7V72H300\""))
    }

    func testEveryWaveformKindMatchesItsGoldenFileAndIsWellFormedXML() throws {
        for id in ["mono", "conventional-tens", "asym"] {
            let svg = waveformSVG(id)
            let parser = XMLParser(data: Data(svg.utf8))
            XCTAssertTrue(parser.parse(), "\(id): \(parser.parserError.map { "\($0)" } ?? "")")
            try assertGolden(svg, named: "waveform-\(id).svg")
        }
    }

    func testFiguresAreLabelledForScreenReadersAndStayLeftToRight() {
        let svg = waveformSVG("conventional-tens")
        XCTAssertTrue(svg.contains("role=\"img\" aria-labelledby=\"t-wave-title t-wave-desc\" direction=\"ltr\""))
        XCTAssertTrue(
            svg.contains(
                "<title id=\"t-wave-title\">&lt;pulseWaveformFigure&gt;</title><desc id=\"t-wave-desc\">desc</desc>"))
        XCTAssertTrue(svg.contains("&lt;pulseTimeAxis&gt; (µs)"), "time axis with its unit")
        XCTAssertTrue(svg.contains("&lt;pulseCurrentAxis&gt; (mA)"), "current axis in mA")
    }

    func testTrainTicksOnePerPulse() {
        let burst = FigureGeometry.trainPath(presets.preset("burst-tens")!.setting.train)
        XCTAssertEqual(burst.components(separatedBy: "M").count - 1, 14, "7 pulses × 2 bursts in one second")
        let alternating = FigureGeometry.trainPath(presets.preset("ea-2-100hz")!.setting.train)
        XCTAssertEqual(alternating.components(separatedBy: "M").count - 1, 2 * 3 + 100 * 3, "one 6 s cycle")
    }

    func testNumbersAreThreeSignificantFiguresAndLocalised() {
        XCTAssertEqual(NumberText.significant(4), "4.00")
        XCTAssertEqual(NumberText.significant(-0.19382), "-0.194")
        XCTAssertEqual(NumberText.significant(9.996), "10.0")
        XCTAssertEqual(NumberText.significant(0.000785), "0.000785")
        XCTAssertEqual(NumberText.significant(1234), "1230")
        XCTAssertEqual(NumberText.significant(0), "0")
        XCTAssertEqual(NumberText.plain(0.25), "0.25")
        XCTAssertEqual(NumberText.plain(1500), "1500")
        let spanish = LocaleNumbers(decimalSeparator: ",")
        XCTAssertEqual(spanish.format(4), "4,00")
        XCTAssertEqual(spanish.format(-0.194), "\u{2212}0,194")
    }
}

final class TrainBoundsTests: XCTestCase {
    func testAnEnormousTrainDrawsABoundedNumberOfTicks() {
        let train = PulseTrain.alternating([
            PulseTrain.Dwell(frequency: Hertz(150), duration: Seconds(1_000_000)),
            PulseTrain.Dwell(frequency: Hertz(2), duration: Seconds(3)),
        ])
        let ticks = FigureGeometry.trainPath(train).components(separatedBy: "M").count - 1
        XCTAssertLessThanOrEqual(ticks, FigureGeometry.maxTicks)
        XCTAssertGreaterThan(ticks, 100)
    }

    func testOneStepIsNotAnAlternatingTrain() {
        let setting = StimulationSetting(
            pulse: Pulse(
                phase: Phase(amplitude: Milliamperes(5), width: Microseconds(200)), waveform: .biphasicSymmetric),
            train: .alternating([PulseTrain.Dwell(frequency: Hertz(2), duration: Seconds(3))]), electrode: .needle
        )
        XCTAssertEqual(setting.problems(), [.tooFewAlternatingSteps(count: 1)])
    }
}
