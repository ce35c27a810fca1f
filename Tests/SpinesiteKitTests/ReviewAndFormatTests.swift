import Foundation
import Incremental
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// Clinical review dates, shown in each locale's date format; overdue and
/// missing reviews are warnings against an injected "today".
final class ReviewAndFormatTests: XCTestCase {
    private let reviewed = "reviewed: 2026-03-03\nreviewedBy: \"Dr A. Example, MD\"\n"

    private func site(enExtra: String, esLocale: String = "name: Español\ndirection: ltr\n") -> TemporaryFolder {
        let site = MinimalSite.make([
            "tens.md": MinimalSite.page(title: "TENS", extra: enExtra), "plain.md": MinimalSite.page(title: "Plain"),
        ])
        site.copy(from: Repository.templates, to: "Templates")
        site.write("Content/site.yml", MinimalSite.siteYAML + "locales: [en, es]\nreviewInterval: 12\n")
        let strings = MinimalSite.localeYAML[MinimalSite.localeYAML.range(of: "\nstrings:")!.lowerBound...]
        site.write(
            "Content/es/locale.yml",
            esLocale
                + strings
                .replacingOccurrences(
                    of: "Page last reviewed {date} by {reviewer}", with: "Revisada el {date} por {reviewer}"
                )
                .replacingOccurrences(of: "Next review due {date}", with: "Próxima revisión: {date}"))
        site.write("Content/es/tens.md", MinimalSite.page(title: "TENS (es)"))
        return site
    }

    private func build(_ site: TemporaryFolder, today: String = "2026-06-01") throws -> BuildSummary {
        try SiteBuilder.build(
            BuildOptions(root: site.path, output: site.path + "/Site", today: CalendarDate(iso: today)))
    }

    func testReviewLineUsesEachLocalesDateFormat() throws {
        let site = site(enExtra: reviewed)
        _ = try build(site)
        XCTAssertTrue(
            try XCTUnwrap(site.read("Site/en/tens/index.html")).contains(
                "<p class=\"review-line\">Page last reviewed March 3, 2026 by Dr A. Example, MD · Next review due "
                    + "March 3, 2027</p>"
            ))
        // The translation has no review of its own: it shows its original's, in Spanish.
        XCTAssertTrue(
            try XCTUnwrap(site.read("Site/es/tens/index.html")).contains(
                "<p class=\"review-line\">Revisada el 3 de marzo de 2026 por Dr A. Example, MD · Próxima revisión: "
                    + "3 de marzo de 2027</p>"
            ))
        XCTAssertTrue(
            try XCTUnwrap(site.read("Site/en/plain/index.html")).contains(
                "<p class=\"review-line\">This page has not yet been reviewed by a clinician.</p>"))
    }

    func testFormatLocalePicksTheRegionalConvention() throws {
        let site = site(enExtra: reviewed)
        site.write(
            "Content/en/locale.yml",
            MinimalSite.localeYAML.replacingOccurrences(
                of: "direction: ltr\n", with: "direction: ltr\nformatLocale: en-GB\n"))
        _ = try build(site)
        XCTAssertTrue(
            try XCTUnwrap(site.read("Site/en/tens/index.html")).contains("Page last reviewed 3 March 2026 by"))
    }

    func testOverdueAndMissingReviewsAreWarnings() throws {
        let site = site(enExtra: reviewed)
        let warnings = try build(site, today: "2027-03-04").warnings.map {
            $0.description.replacingOccurrences(of: site.path + "/", with: "")
        }
        XCTAssertEqual(
            warnings.filter { $0.contains("review") },
            [
                "Content/en/plain.md:1:1: warning: no clinical review recorded: add 'reviewed: YYYY-MM-DD' and "
                    + "'reviewedBy' to the front matter once a clinician has reviewed the page",
                "Content/en/tens.md:4:11: warning: clinical review overdue: next review was due 2027-03-03 "
                    + "(reviewed 2026-03-03 by Dr A. Example, MD)",
            ])
        XCTAssertEqual(
            try build(site, today: "2027-03-03").warnings.filter { $0.message.contains("overdue") }, [],
            "due today is not overdue")
    }

    func testMalformedReviewDatesAreErrors() {
        let site = site(enExtra: "reviewed: 2026-02-30\nreviewedBy: \"X\"\nnextReview: 2025-01-01\n")
        XCTAssertThrowsError(try build(site)) { error in
            let messages = (error as! BuildFailure).errors.map {
                $0.description.replacingOccurrences(of: site.path + "/", with: "")
            }
            XCTAssertEqual(
                messages,
                [
                    "Content/en/tens.md:4:11: error: front matter: 'reviewed' must be a date written YYYY-MM-DD, "
                        + "not '2026-02-30'"
                ])
        }
        let reversed = self.site(enExtra: "reviewed: 2026-03-03\nreviewedBy: \"X\"\nnextReview: 2025-01-01\n")
        XCTAssertThrowsError(try build(reversed)) { error in
            let messages = (error as! BuildFailure).errors.map {
                $0.description.replacingOccurrences(of: reversed.path + "/", with: "")
            }
            XCTAssertEqual(
                messages,
                [
                    "Content/en/tens.md:6:13: error: front matter: 'nextReview' (2025-01-01) must come after "
                        + "'reviewed' (2026-03-03)"
                ])
        }
    }

    func testCalendarArithmetic() {
        XCTAssertEqual(CalendarDate(iso: "2026-01-31")?.adding(months: 1), CalendarDate(iso: "2026-02-28"))
        XCTAssertEqual(CalendarDate(iso: "2027-12-15")?.adding(months: 14), CalendarDate(iso: "2029-02-15"))
        XCTAssertEqual(CalendarDate(iso: "2028-02-29")?.adding(months: 12), CalendarDate(iso: "2029-02-28"))
        XCTAssertNil(CalendarDate(iso: "2026-3-3"))
        XCTAssertNil(CalendarDate(iso: "2025-02-29"))
    }

    func testTopicPagesCarryMedicalWebPageJSONLD() throws {
        let site = site(enExtra: reviewed + "medicalType: therapy\n")
        site.write(
            "Content/en/tens.md",
            MinimalSite.page(
                title: "TENS </script><b>", extra: reviewed + "medicalType: therapy\n",
                body:
                    "Text.[^a]\n\n[^a]: A paper. [PMID 1](https://pubmed.ncbi.nlm.nih.gov/1/) · "
                    + "[doi](https://doi.org/10.1/x) · [site](https://example.org/)"
            ))
        _ = try build(site)
        let html = try XCTUnwrap(site.read("Site/en/tens/index.html"))
        let start = try XCTUnwrap(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try XCTUnwrap(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        XCTAssertEqual(json["@type"] as? String, "MedicalWebPage")
        XCTAssertEqual(json["name"] as? String, "TENS </script><b>", "escaped inside the script, intact once parsed")
        XCTAssertEqual(json["inLanguage"] as? String, "en")
        XCTAssertEqual(json["lastReviewed"] as? String, "2026-03-03")
        XCTAssertEqual((json["reviewedBy"] as? [String: String])?["name"], "Dr A. Example, MD")
        XCTAssertEqual((json["about"] as? [String: String])?["@type"], "MedicalTherapy")
        XCTAssertEqual(
            json["citation"] as? [String], ["https://pubmed.ncbi.nlm.nih.gov/1/", "https://doi.org/10.1/x"])
        XCTAssertEqual(json["url"] as? String, "https://example.org/en/tens/")
    }
}
