import Foundation
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// The explainer inside real pages: the repository's own content, built once.
final class PulseExplainerSiteTests: XCTestCase {
    private static let output = TemporaryFolder()
    private static let built: Result<Void, BuildFailure> = {
        do {
            _ = try SiteBuilder.build(BuildOptions(root: Repository.root.path, output: output.path + "/Site"))
            return .success(())
        } catch {
            return .failure(
                error as? BuildFailure ?? BuildFailure([.error(SourceLocation(file: "build"), "\(error)")]))
        }
    }()

    private func page(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        if case .failure(let failure) = Self.built { XCTFail("\(failure)", file: file, line: line) }
        return try XCTUnwrap(Self.output.read("Site/\(path)/index.html"), path, file: file, line: line)
    }

    func testEveryTherapyPageHasAnExplainerLinkedToTheComparison() throws {
        for path in ["en/therapies/tens", "en/therapies/pnt", "en/therapies/pns", "en/therapies/electroacupuncture"] {
            let html = try page(path)
            XCTAssertTrue(html.contains("data-pulse-model="), path)
            XCTAssertTrue(html.contains("<a href=\"/en/therapies/pulse-parameters/\">"), path)
            XCTAssertTrue(html.contains("<script src=\"/assets/pulse."), "\(path): the script is loaded")
            XCTAssertFalse(html.contains("<script>"), "\(path): no inline script")
        }
        XCTAssertFalse(
            try page("en/low-back-pain").contains("pulse.js"), "pages without an explainer do not load the script")
    }

    func testStateGridIsOneSharedFileThatEveryPageNames() throws {
        let html = try page("es/terapias/estimulacion-nerviosa-transcutanea")
        let marker = "data-pulse-states=\"/assets/pulse-states."
        let start = try XCTUnwrap(html.range(of: marker))
        let name = html[start.upperBound...].prefix { $0 != "\"" }
        XCTAssertTrue(Self.output.exists("Site/assets/pulse-states.\(name)"))
        XCTAssertTrue(try page("en/therapies/pnt").contains(marker + name))
    }

    /// Spanish for the Americas pins the decimal point in its locale.yml, over CLDR's comma for "es".
    func testSpanishPagesUseTheDecimalPointTheirLocalePins() throws {
        let html = try page("es/terapias/estimulacion-nerviosa-transcutanea")
        XCTAssertTrue(html.contains("data-decimal=\".\""))
        XCTAssertNotNil(
            html.range(of: #"<bdi data-q="charge">[0-9]+\.[0-9]+\x{00A0}µC</bdi>"#, options: .regularExpression))
    }

    /// Burst TENS (7 pulses, 2 bursts a second) in each language's plural forms: Arabic's `few` for
    /// the pulses and its dual for the bursts; English's `other` for both.
    func testBurstCountsTakeTheirLanguagesPluralForms() throws {
        let arabic = try page("ar/therapies/إعدادات-النبضات")
        XCTAssertTrue(arabic.contains("في كل منها 7 نبضات بتردد"))
        XCTAssertTrue(arabic.contains("؛ رشقتان في الثانية"))
        XCTAssertTrue(
            try page("en/therapies/pulse-parameters").contains(
                "Bursts of 7 pulses at 100\u{00A0}Hz, 2 bursts a second"))
    }

    func testArabicPageIsRightToLeftWithLeftToRightFigures() throws {
        let html = try page("ar/therapies/pnt")
        XCTAssertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        XCTAssertTrue(html.contains("class=\"pulse-svg pulse-svg-wave\""))
        XCTAssertFalse(
            html.contains(
                "<svg class=\"pulse-svg pulse-svg-wave\" viewBox=\"0 0 320 160\" role=\"img\" "
                    + "aria-labelledby=\"pulse-1-wave-title pulse-1-wave-desc\">"
            ), "direction is set")
        XCTAssertTrue(html.contains("direction=\"ltr\""))
    }

    /// Explainers are numbered among explainers: the shared blocks placed above them take no number.
    func testExplainerIdsCountOnlyExplainers() throws {
        for path in ["en/therapies/pnt", "es/terapias/neuromodulacion-percutanea", "ar/therapies/pnt"] {
            let html = try page(path)
            XCTAssertTrue(html.contains("class=\"shared-block\""), "\(path) places blocks")
            XCTAssertTrue(html.contains("aria-labelledby=\"pulse-1-wave-title"), path)
            XCTAssertNil(html.range(of: #"pulse-[2-9]-wave-title"#, options: .regularExpression), path)
        }
    }

    func testComparisonPageListsEveryPreset() throws {
        let html = try page("en/therapies/pulse-parameters")
        XCTAssertTrue(html.contains("class=\"pulse pulse-comparison\""))
        for label in ["Conventional TENS", "Burst TENS", "Electroacupuncture, 2/100 Hz alternating"] {
            XCTAssertTrue(html.contains("<th scope=\"row\">\(label)</th>"), label)
        }
    }
}

/// A broken ```pulse block fails the build at its own file and line.
final class PulseBlockErrorTests: XCTestCase {
    func testBrokenBlockNamesFileAndLineAndKeepsTheOldSite() throws {
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS", body: "Intro.")])
        site.copy(from: Repository.templates, to: "Templates")
        site.write(
            "Content/pulse-presets.yml",
            "presets:\n  conventional-tens:\n    waveform: biphasic\n    amplitude: 20 mA\n    pulseWidth: 200 µs\n "
                + "   frequency: 100 Hz\n    electrode: pad-5x5\n    sources: [x]\n"
        )
        _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
        site.write(
            "Content/en/tens.md",
            MinimalSite.page(
                title: "TENS",
                body:
                    "Intro.\n\n```pulse\npreset: conventional-tens\n```\n\n```pulse\nwaveform: biphasic\namplitude: "
                    + "20 mA\npulseWidth: 2 ms\nfrequency: 100 Hz\nelectrode: pad-5x5\n```\n"
            ))
        do {
            _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
            XCTFail("built")
        } catch {
            XCTAssertEqual(
                error.errors.map { $0.description.replacingOccurrences(of: site.path + "/", with: "") },
                [
                    "Content/en/tens.md:13:1: error: pulse block: pulse width 2000 µs is outside the plausible "
                        + "range 50–500 µs; set allowOutOfRange with a reason if this is intended"
                ])
        }
        XCTAssertFalse(
            try XCTUnwrap(site.read("Site/en/tens/index.html")).contains("data-pulse-model"), "previous output intact")
    }
}
