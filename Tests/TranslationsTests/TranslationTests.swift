import Foundation
import Incremental
import SiteModel
import SiteResolver
import SpinesiteKit
import TestSupport
import Translations
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

    func testStampTakesSeveralFilesAFolderOrALocaleAndRefusesOriginals() throws {
        let site = site()
        site.write("Content/en/pns.md", MinimalSite.page(title: "PNS"))
        site.write("Content/es/pns.md", MinimalSite.page(title: "PNS"))
        let options = BuildOptions(root: site.path)
        let files = [site.path + "/Content/es/tens.md", site.path + "/Content/es/pns.md"]
        XCTAssertEqual(try TranslationStamp.stamp(.paths(files), options: options).stamped.count, 2)
        site.write("Content/es/pns.md", MinimalSite.page(title: "PNS"))
        let folder = try TranslationStamp.stamp(.paths([site.path + "/Content/es"]), options: options)
        XCTAssertEqual(folder.stamped.map(\.file), [site.path + "/Content/es/pns.md"], "a folder: its pages")
        XCTAssertEqual(folder.alreadyCurrent.map(\.file), [site.path + "/Content/es/tens.md"], "not written again")

        // An original changes: --locale stamps the rest and leaves the stale one for a translator.
        site.write("Content/en/tens.md", MinimalSite.page(title: "TENS", body: "## Risks\n\nNew text."))
        let outcome = try TranslationStamp.stamp(.locale("es"), options: options)
        XCTAssertEqual(outcome.stamped.map(\.file), [])
        XCTAssertEqual(
            outcome.alreadyCurrent.map(\.file), [site.path + "/Content/es/pns.md"], "current: left as it is")
        XCTAssertEqual(outcome.staleSkipped, [site.path + "/Content/es/tens.md"])
        XCTAssertEqual(try report(site).rows.first { $0.id == "tens" }?.locales["es"], .stale)

        XCTAssertThrowsError(try TranslationStamp.stamp(.paths([site.path + "/Content/en/tens.md"]), options: options))
        { error in
            XCTAssertEqual(
                (error as? BuildFailure)?.errors.map(\.message),
                [
                    "an original (locale 'en', the default): originals are not stamped; stamp their translations "
                        + "when they are up to date with it"
                ])
        }
    }

    /// `translations diff`: the original's text at the stamped revision, from a real git repository.
    func testDiffShowsWhatChangedSinceTheStampFromGitHistory() throws {
        let site = site()
        let options = BuildOptions(root: site.path)
        let translation = site.path + "/Content/es/tens.md"
        XCTAssertEqual(try TranslationDiff.diff(translation, options: options).outcome, .unstamped)
        _ = try TranslationStamp.stamp(translation, options: options)
        XCTAssertEqual(try TranslationDiff.diff(translation, options: options).outcome, .current)
        site.write("Content/en/tens.md", MinimalSite.page(title: "TENS", body: "## Risks\n\nSkin redness, burns."))
        guard case .noEarlierText(let reason) = try TranslationDiff.diff(translation, options: options).outcome else {
            return XCTFail("without history there is no earlier text")
        }
        XCTAssertTrue(reason.hasPrefix("no revision of Content/en/tens.md in the git history of "), reason)

        // The same story in a repository: stamped original committed, then changed and committed.
        site.write("Content/en/tens.md", MinimalSite.page(title: "TENS", body: "## Risks\n\nSkin redness."))
        try git(["init", "-q"], in: site)
        try git(["add", "-A"], in: site)
        try git(["commit", "-qm", "Stamped"], in: site)
        site.write("Content/en/tens.md", MinimalSite.page(title: "TENS", body: "## Risks\n\nSkin redness, burns."))
        try git(["commit", "-qam", "Changed"], in: site)
        guard case .changes(let diff, _) = try TranslationDiff.diff(translation, options: options).outcome else {
            return XCTFail("the stamped revision is in the history")
        }
        XCTAssertTrue(diff.contains("[-redness.-]{+redness, burns.+}"), diff)
    }

    /// A site kept in a folder of a larger repository: git's `rev:path` is from the repository's
    /// top, so the path must be given as relative to the site's folder.
    func testDiffFindsHistoryWhenTheSiteIsAFolderOfItsRepository() throws {
        let repository = TemporaryFolder()
        let site = site()
        repository.copy(from: site.url, to: "site")
        let options = BuildOptions(root: repository.path + "/site")
        let translation = repository.path + "/site/Content/es/tens.md"
        _ = try TranslationStamp.stamp(translation, options: options)
        try git(["init", "-q"], in: repository)
        try git(["add", "-A"], in: repository)
        try git(["commit", "-qm", "Stamped"], in: repository)
        repository.write("site/Content/en/tens.md", MinimalSite.page(title: "TENS", body: "## Risks\n\nSkin, burns."))
        try git(["commit", "-qam", "Changed"], in: repository)
        guard case .changes(let diff, _) = try TranslationDiff.diff(translation, options: options).outcome else {
            return XCTFail("the stamped revision is in the history")
        }
        XCTAssertTrue(diff.contains("[-Skin redness.-]{+Skin, burns.+}"), diff)
    }

    private func git(_ arguments: [String], in site: TemporaryFolder) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "-C", site.path, "-c", "user.name=Test", "-c", "user.email=test@example.org"]
            + arguments
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
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
