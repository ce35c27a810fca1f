import Foundation
import SiteModel
import SiteResolver
import SpinesiteKit
import TestSupport
import XCTest

/// A translation follows its original; editing the original turns it stale
/// until a translator stamps it again.
final class TranslationTests: XCTestCase {
    private func site() -> TemporaryFolder {
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS", body: "## Risks\n\nSkin redness.")])
        site.copy(from: Repository.templates, to: "Templates")
        let spanish = MinimalSite.localeYAML.replacingOccurrences(of: "name: English", with: "name: Español")
        site.write("Content/es/locale.yml", spanish)
        site.write(
            "Content/es/tens.md",
            MinimalSite.page(title: "TENS", extra: "slug: tens-es\n", body: "## Riesgos\n\nRojez."))
        return site
    }

    private func report(_ site: TemporaryFolder) throws -> TranslationReport {
        try TranslationReport.make(BuildOptions(root: site.path))
    }

    func testEditStaleStampCurrent() throws {
        let site = site()
        let options = BuildOptions(root: site.path, output: site.path + "/Site")
        XCTAssertEqual(try report(site).rows.first?.locales, ["en": .original, "es": .unstamped])

        let stamped = try TranslationStamp.stamp(site.path + "/Content/es/tens.md", options: options)
        XCTAssertEqual(stamped.digest.count, 12)
        XCTAssertTrue(
            site.read("Content/es/tens.md")!.contains("slug: tens-es\ntranslationOf: \(stamped.digest)\n---\n"))
        XCTAssertEqual(try report(site).rows.first?.locales["es"], .current)
        XCTAssertEqual(try SiteBuilder.build(options).warnings.filter { $0.message.contains("stale") }, [])
        XCTAssertFalse(site.read("Site/es/tens-es/index.html")!.contains("class=\"notice\""))

        site.write(
            "Content/en/tens.md", MinimalSite.page(title: "TENS", body: "## Risks\n\nSkin redness and, rarely, burns.")
        )
        XCTAssertEqual(try report(site).rows.first?.locales["es"], .stale)
        let warnings = try SiteBuilder.build(options).warnings.map(\.description)
        XCTAssertTrue(
            warnings.contains {
                $0.hasPrefix(
                    "\(site.path)/Content/es/tens.md:5:16: warning: translation is stale: "
                        + "\(site.path)/Content/en/tens.md changed"
                )
            }, "\(warnings)")
        let page = try XCTUnwrap(site.read("Site/es/tens-es/index.html"))
        XCTAssertTrue(page.contains("<p class=\"notice\" role=\"note\">"), "readers see the notice")
        XCTAssertTrue(
            page.contains("<a href=\"/en/tens/\" lang=\"en\" hreflang=\"en\">TENS</a>"), "linking the original")

        let restamped = try TranslationStamp.stamp(site.path + "/Content/es/tens.md", options: options)
        XCTAssertNotEqual(restamped.digest, stamped.digest)
        XCTAssertEqual(
            site.read("Content/es/tens.md")!.components(separatedBy: "translationOf:").count, 2,
            "replaced, not added twice")
        XCTAssertEqual(try report(site).rows.first?.locales["es"], .current)
    }

    func testDigestIgnoresTrailingWhitespaceButNotWords() {
        func page(_ body: String) -> SourcePage {
            SourcePage(
                locale: "en", relativePath: "a.md", kind: .topic,
                frontMatter: FrontMatter(title: "T", description: "D"),
                body: body, bodyLocation: SourceLocation(file: "a.md"))
        }
        XCTAssertEqual(
            TranslationTracker.digest(of: page("Text.  \nMore.\n\n\n")),
            TranslationTracker.digest(of: page("Text.\nMore.")))
        XCTAssertNotEqual(TranslationTracker.digest(of: page("Text.")), TranslationTracker.digest(of: page("Test.")))
        XCTAssertTrue(TranslationDigest.isWellFormed(TranslationTracker.digest(of: page("x"))))
    }

    func testJSONAndTableListEveryLocale() throws {
        let report = try report(site())
        let json = try report.json()
        XCTAssertTrue(json.contains("\"es\" : \"unstamped\""), json)
        XCTAssertTrue(report.table.contains("es: 1 unstamped"), report.table)
    }

    func testMalformedTranslationOfIsAnError() {
        let site = site()
        site.write("Content/es/tens.md", MinimalSite.page(extra: "translationOf: latest\n"))
        XCTAssertThrowsError(try TranslationReport.make(BuildOptions(root: site.path))) { error in
            XCTAssertEqual(
                (error as? BuildFailure)?.errors.map(\.message),
                ["front matter: 'translationOf' must be 12 hex digits, as written by 'spinesite translations stamp'"])
        }
    }
}

final class NewLocaleTests: XCTestCase {
    func testNewLocaleCopiesStringsMarkedForTranslationAndBuilds() throws {
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS")])
        site.copy(from: Repository.templates, to: "Templates")
        let created = try LocaleScaffold.create(tag: "pt-BR", options: BuildOptions(root: site.path))
        XCTAssertEqual(created.pagesToTranslate, ["\(site.path)/Content/en/tens.md"])
        let text = try XCTUnwrap(site.read("Content/pt-BR/locale.yml"))
        XCTAssertTrue(text.contains("  disclaimer: \"This site is for education only."), text)
        let marked = text.split(separator: "\n").filter { $0.hasSuffix("  # TODO: translate") }
        XCTAssertEqual(marked.count, created.stringsToTranslate + 1, "every string and the name")
        let report = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
        XCTAssertEqual(report.pageCounts.map(\.locale), ["en", "pt-BR"], "a locale with zero pages builds")
        XCTAssertTrue(site.exists("Site/pt-BR/index.html"))
        XCTAssertThrowsError(
            try LocaleScaffold.create(tag: "pt-BR", options: BuildOptions(root: site.path)), "never overwrites")
        XCTAssertThrowsError(try LocaleScaffold.create(tag: "portuguese", options: BuildOptions(root: site.path)))
    }
}
