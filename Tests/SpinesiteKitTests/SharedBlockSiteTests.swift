import Foundation
import Incremental
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// Tests/Fixtures/Blocks: two English blocks placed on two pages, a Spanish translation of one, an
/// Arabic translation of the other, and `requiredBlocks` for `therapies`.
final class SharedBlockSiteTests: XCTestCase {
    private var folder: TemporaryFolder!
    private var root: String { folder.path + "/site" }
    private var options: BuildOptions {
        BuildOptions(root: root, output: folder.path + "/out", templates: Repository.templates.path)
    }

    override func setUp() {
        folder = TemporaryFolder()
        folder.copy(from: Repository.fixture("Blocks"), to: "site")
    }

    private func html(_ path: String) throws -> String {
        try XCTUnwrap(folder.read("out/\(path)/index.html"), "missing \(path)")
    }

    func testBlocksAreShownInTheReadersLocaleAndAreNeverPages() throws {
        let summary = try SiteBuilder.build(options)
        XCTAssertEqual(summary.pageCounts.map(\.pages), [5, 5, 5], "no block is a page")
        XCTAssertFalse(OutputTree(folder.path + "/out").paths.contains { $0.contains("_blocks") })
        XCTAssertFalse(try XCTUnwrap(folder.sitemaps(in: "out")).contains("block"))
        let english = try html("en/therapies/tens")
        XCTAssertTrue(
            english.contains(
                "<div class=\"shared-block\">\n<p>Do not use it if you have a pacemaker, unless a specialist has "
                    + "first told you it is safe <sup class=\"cite\">[<a href=\"#ref-nice\">2</a>]</sup>.\n"
                    + "Read <a href=\"/en/guides/care/\">how to care for your back</a>.</p>\n</div>"),
            english)
        XCTAssertTrue(english.contains("<li id=\"ref-nice\">NICE. Device safety."), english)
        XCTAssertFalse(english.contains("pulse."), "blocks without a ```pulse fence load no explainer script")
        // Spanish lacks the device block: the English one, marked, with a Spanish notice.
        let spanish = try html("es/therapies/tens")
        XCTAssertTrue(
            spanish.contains(
                "<div class=\"shared-block\" lang=\"en\" dir=\"ltr\">\n<p class=\"notice\" role=\"note\" "
                    + "lang=\"es\" dir=\"ltr\">Esta parte aún no está traducida"),
            spanish)
        XCTAssertTrue(spanish.contains("<div class=\"shared-block\">\n<p>Busque ayuda urgente"), spanish)
        // The Arabic page is borrowed from English, and shows the Arabic device block.
        let arabic = try html("ar/therapies/tens")
        XCTAssertTrue(arabic.contains("<div class=\"shared-block\" lang=\"ar\" dir=\"rtl\">\n<p>لا تستخدمه"), arabic)
        XCTAssertTrue(arabic.contains("<a href=\"/ar/guides/care/\">كيف تعتني بظهرك</a>"), arabic)
    }

    func testCheckReportsEachBlocksPagesAndTranslationState() throws {
        let report = SiteChecker.check(options)
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(
            report.blockLines,
            [
                "shared blocks (pages placing each; state per locale):",
                "  safety/implanted-devices: used by therapies/tens; en original, es missing, ar current",
                "  safety/urgent: used by guides/care, therapies/tens; en original, es current, ar missing",
            ])
        let json = try SiteChecker.json(report.diagnostics, blocks: report.blocks)
        XCTAssertTrue(
            json.contains(
                "\"name\" : \"safety/urgent\",\n      \"pages\" : [\n        \"guides/care\",\n        "
                    + "\"therapies/tens\"\n      ],\n      \"translations\" : {\n        \"ar\" : \"missing\",\n"
                    + "        \"en\" : \"original\",\n        \"es\" : \"current\"\n      }"),
            json)
        XCTAssertFalse(try SiteChecker.json([]).contains("blocks"), "no member for a site without blocks")
    }

    /// An import counts what it did not write as the export counts what it wrote: pages and blocks
    /// apart, never a block as a page.
    func testAnImportCountsTheBlocksItDidNotWriteApartFromPages() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = URL(fileURLWithPath: root)
        let exported = try SpinesiteCommand.run(
            ["translations", "export", "--locale", "es", "--output", "es.xlf"], in: site)
        XCTAssertTrue(exported.stderr.hasPrefix("Exported 4 pages, 1 block ("), exported.stderr)
        let imported = try SpinesiteCommand.run(["translations", "import", "es.xlf"], in: site)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(
            imported.stdout.hasPrefix(
                "Not written, no unit translated (4 pages, 1 block):\n"
                    + "  Content/es/_blocks/safety/implanted-devices.md: stays a fallback (the original is shown)\n"),
            imported.stdout)
    }

    /// The preview's save of a block takes the full path: every page placing it shows the edit.
    func testAnEditedBlockIsShownOnEveryPagePlacingIt() throws {
        let memory = LastBuild()
        try SiteBuilder.build(options, lastBuild: memory)
        let block = "site/Content/en/_blocks/safety/urgent.md"
        folder.write(block, "Call your local emergency number if the pain comes with weakness in the legs.\n")
        let summary = try SiteBuilder.build(
            options, lastBuild: memory, changes: [.file(root + "/Content/en/_blocks/safety/urgent.md")])
        XCTAssertNotEqual(summary.mode, .patch)
        XCTAssertTrue(try html("en/therapies/tens").contains("Call your local emergency number"))
        XCTAssertTrue(try html("en/guides/care").contains("Call your local emergency number"))
        // The Spanish translation is stale now: Spanish readers get the new original, with a notice.
        XCTAssertTrue(try html("es/therapies/tens").contains("<p>Call your local emergency number"))
    }

    /// A block with errors of its own is reported once, at its file: the fences naming it stay quiet.
    func testABrokenBlockIsReportedAtItsOwnFileOnly() {
        folder.write("site/Content/en/_blocks/safety/urgent.md", "---\ntitle: \"Urgent\"\n---\nText.\n")
        XCTAssertThrowsError(try SiteBuilder.build(options)) { error in
            XCTAssertEqual(
                (error as? BuildFailure)?.errors.map(\.description),
                [
                    "\(root)/Content/en/_blocks/safety/urgent.md:2:1: error: block front matter: unknown key "
                        + "'title'; a block has only 'translationOf' and 'references'"
                ])
        }
    }

    func testATherapyPageWithoutARequiredBlockFailsTheBuild() {
        folder.write(
            "site/Content/es/therapies/tens.md",
            "---\ntitle: \"TENS\"\ndescription: \"Sobre la TENS.\"\n---\n\nLa TENS.\n\n```block\nsafety/urgent\n```\n")
        XCTAssertThrowsError(try SiteBuilder.build(options)) { error in
            XCTAssertEqual(
                (error as? BuildFailure)?.errors.map(\.description),
                [
                    "\(root)/Content/es/therapies/tens.md:1:1: error: the page does not place the required block "
                        + "'safety/implanted-devices' (site.yml requiredBlocks: therapies); add a ```block fence "
                        + "naming each"
                ])
        }
    }
}
