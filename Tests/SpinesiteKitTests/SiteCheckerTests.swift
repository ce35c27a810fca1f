import Foundation
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

final class SiteCheckerTests: XCTestCase {
    private let review = "reviewed: 2026-03-03\nreviewedBy: \"A. Reviewer, MD\"\n"

    func testCheckReportsEveryProblemAndWritesNothing() throws {
        let site = MinimalSite.make([
            "good.md": MinimalSite.page(title: "Good", extra: review, body: "## Risks\n\nText."),
            "bad.md": MinimalSite.page(
                title: "Bad", extra: review, body: "## One\n\n#### Skipped\n\nSee [x](missing.md)."),
        ])
        site.copy(from: Repository.templates, to: "Templates")
        let diagnostics = SiteChecker.check(BuildOptions(root: site.path, today: CalendarDate(iso: "2026-06-01")))
            .diagnostics.map { $0.description.replacingOccurrences(of: site.path + "/", with: "") }
        XCTAssertEqual(
            diagnostics,
            [
                "Content/en/bad.md:10:1: warning: heading level skipped: '#### Skipped' follows a level-2 heading; "
                    + "use '###'",
                "Content/en/bad.md:12:5: error: link to 'missing.md' does not resolve",
            ])
        XCTAssertFalse(site.exists("Site"), "check writes nothing")
    }

    /// es and fr borrow the English page, and with it its `related:` line: one error, naming them.
    func testAProblemSharedByLocalesIsReportedOnceNamingThem() throws {
        let site = MinimalSite.make([
            "tens.md": MinimalSite.page(title: "TENS", extra: review + "related: [pnn]\n"),
            "pnt.md": MinimalSite.page(title: "PNT", extra: review + "id: therapies/pnn\n"),
        ])
        for (tag, name) in [("es", "Español"), ("fr", "Français")] {
            site.write("Content/\(tag)/locale.yml", "name: \(name)\ndirection: ltr\n")
        }
        site.copy(from: Repository.templates, to: "Templates")
        let errors = SiteChecker.check(BuildOptions(root: site.path, today: CalendarDate(iso: "2026-06-01")))
            .diagnostics.filter { $0.severity == .error }
        let expected =
            "Content/en/tens.md:6:11: error: related: no page has id 'pnn' (did you mean 'therapies/pnn'?) "
            + "(in 3 locales: en, es, fr)"
        XCTAssertEqual(errors.map { $0.description.replacingOccurrences(of: site.path + "/", with: "") }, [expected])
        let json = try JSONSerialization.jsonObject(with: Data(try SiteChecker.json(errors).utf8)) as? [String: Any]
        XCTAssertEqual(json?["errors"] as? Int, 1)
    }

    /// Templates that do not compile stop only what needs them; the summary says what was not checked.
    func testChecksThatCouldNotRunAreNamed() throws {
        let site = MinimalSite.make([
            "tens.md": MinimalSite.page(title: "TENS", extra: review + "related: [nope]\n", body: "[x](nope.md)")
        ])
        site.copy(from: Repository.templates, to: "Templates")
        site.write("Templates/topic.mustache", "{{#page}}{{titel}}{{/page}}")
        let report = SiteChecker.check(BuildOptions(root: site.path))
        let errors = report.diagnostics.filter { $0.severity == .error }.map(\.description)
        XCTAssertTrue(errors.contains { $0.hasSuffix("related: no page has id 'nope'") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("topic.mustache") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("link to 'nope.md'") }, "links need no template: \(errors)")
        XCTAssertEqual(
            report.skipped, ["the strings the templates use, and the pages' HTML (the templates have errors)"])
    }

    func testPagesHarderThanTheTargetAreWarnings() throws {
        let hard =
            "Transcutaneous electrical nerve stimulation constitutes a noninvasive neuromodulatory intervention "
            + "whose analgesic effectiveness in chronic musculoskeletal conditions remains considerably "
            + "controversial notwithstanding numerous randomized investigations."
        let site = MinimalSite.make([
            "easy.md": MinimalSite.page(
                title: "Easy", extra: review,
                body: "The pad goes on the skin. It sends a small pulse. You feel a tingle."),
            "hard.md": MinimalSite.page(
                title: "Hard", extra: review,
                body: hard + "\n\n| a table | of words |\n|---|---|\n| x | y |\n\n## A heading"),
        ])
        site.copy(from: Repository.templates, to: "Templates")
        let diagnostics = SiteChecker.check(BuildOptions(root: site.path, today: CalendarDate(iso: "2026-06-01")))
            .diagnostics.map { $0.description.replacingOccurrences(of: site.path + "/", with: "") }
        XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)")
        XCTAssertTrue(
            diagnostics.first?.hasPrefix("Content/en/hard.md:1:1: warning: reading level: Flesch–Kincaid grade ")
                ?? false, "\(diagnostics)")
        XCTAssertTrue(diagnostics.first?.contains(", target 8 or lower;") ?? false)
    }

    func testJSONCountsBySeverity() throws {
        let json = try SiteChecker.json([
            .error(SourceLocation(file: "a.md", line: 2, column: 3), "broken"),
            .warning(SourceLocation(file: "b.md", line: 1, column: 1), "old"),
        ])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["errors"] as? Int, 1)
        XCTAssertEqual(object["warnings"] as? Int, 1)
        let first = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["file"] as? String, "a.md")
        XCTAssertEqual(first["line"] as? Int, 2)
        XCTAssertEqual(first["severity"] as? String, "error")
    }
}
