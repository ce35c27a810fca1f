import Foundation
import Incremental
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest
import XLIFF

@testable import Translations

/// Issue 26, section B, replayed as a translator meets it: a site in a git repository, its French
/// translation exported, translated in part and imported. A page is current only when every unit of
/// it was translated from the original as it is now.
final class TranslationStateTests: XCTestCase {
    static let english = [
        "TENS sends small currents through the skin.", "Most people feel tingling.", "## Safety",
        "Do not use it over the chest.", "Stop if the skin gets red.",
    ]

    /// The English site with a French translation of `tens.md` made by an import and committed.
    private func translatedSite() throws -> TemporaryFolder {
        let site = MinimalSite.make([
            "tens.md": MinimalSite.page(title: "TENS", body: Self.english.joined(separator: "\n\n")),
            "pns.md": MinimalSite.page(title: "PNS", body: "A lead under the skin."),
        ])
        site.copy(from: Repository.templates, to: "Templates")
        site.write(
            "Content/fr/locale.yml", MinimalSite.localeYAML.replacingOccurrences(of: "name: English", with: "name: Fr")
        )
        var document = try export(site, .missing)
        translate(&document, page: "tens.md") { "FR " + $0.source.plainText }
        _ = try importing(document, into: site)
        XCTAssertEqual(try report(site).rows.first { $0.id == "tens" }?.locales["fr"], .current)
        try git(["init", "-q"], in: site)
        try git(["add", "-A"], in: site)
        try git(["commit", "-qm", "Translated"], in: site)
        return site
    }

    /// B1: two sentences of the original change. The stale export marks those two units, with their
    /// old and new source; the import of one of them leaves the page stale, one unit to review.
    func testB1OnlyTheChangedUnitsAreToReviewAndAPendingOneKeepsThePageStale() throws {
        let site = try translatedSite()
        var changed = Self.english
        changed[1] = "Most people feel a light tingling."
        changed[4] = "Stop if the skin gets red or sore."
        site.write("Content/en/tens.md", MinimalSite.page(title: "TENS", body: changed.joined(separator: "\n\n")))
        try git(["commit", "-qam", "Two sentences"], in: site)
        XCTAssertEqual(try report(site).rows.first { $0.id == "tens" }?.locales["fr"], .stale)

        var document = try export(site, .stale)
        let tens = try XCTUnwrap(document.files.first { $0.original == "tens.md" })
        let review = tens.units.filter { $0.state == "needs-review-translation" }.map(\.id)
        XCTAssertEqual(review, ["p2", "p4"], "only the two changed units")
        XCTAssertTrue(
            tens.units.filter { !review.contains($0.id) }.allSatisfy { $0.state == "translated" && $0.target != nil })
        let p4 = try XCTUnwrap(tens.units.first { $0.id == "p4" })
        XCTAssertEqual(p4.target?.plainText, "FR Stop if the skin gets red.")
        XCTAssertTrue(
            p4.note?.contains(
                "Before: \"Stop if the skin gets red.\" Now: \"Stop if the skin gets red or sore.\"") ?? false,
            p4.note ?? "")

        // The translator fixes p2 and leaves p4 to review.
        translate(&document, page: "tens.md", only: ["p2"]) { _ in "FR Une légère sensation." }
        let outcome = try importing(document, into: site)
        let page = try XCTUnwrap(outcome.pages.first { $0.original.hasSuffix("en/tens.md") })
        XCTAssertEqual(page.toReview, ["p4"])
        XCTAssertEqual(page.current.count, 6)
        let report = try report(site)
        XCTAssertEqual(report.rows.first { $0.id == "tens" }?.locales["fr"], .stale)
        XCTAssertEqual(
            report.rows.first { $0.id == "tens" }?.units["fr"],
            TranslationReport.Units(total: 7, current: 6, toReview: ["p4"], compared: true))
        XCTAssertTrue(report.table.contains("\n  tens: 6/7 current, 1 to review"), report.table)
        let options = BuildOptions(root: site.path, output: site.path + "/Site")
        let warnings = try SiteBuilder.build(options).warnings.map(\.message)
        XCTAssertTrue(
            warnings.contains { $0.hasPrefix("translation is stale: 1 of its units was not") }, "\(warnings)")
        XCTAssertTrue(site.read("Site/fr/tens/index.html")!.contains("class=\"notice\""), "readers see the notice")

        // The next stale export shows p4 again, with the source its French was translated from.
        try git(["commit", "-qam", "Imported"], in: site)
        document = try export(site, .stale)
        let again = try XCTUnwrap(document.files.first { $0.original == "tens.md" })
        XCTAssertEqual(again.units.filter { $0.state == "needs-review-translation" }.map(\.id), ["p4"])
        XCTAssertTrue(
            again.units.first { $0.id == "p4" }?.note?.contains("Before: \"Stop if the skin gets red.\"") ?? false)
        translate(&document, page: "tens.md", only: ["p4"]) { _ in "FR Arrêtez si la peau rougit ou fait mal." }
        _ = try importing(document, into: site)
        XCTAssertEqual(try self.report(site).rows.first { $0.id == "tens" }?.locales["fr"], .current)
        XCTAssertFalse(site.read("Content/fr/tens.md")!.contains("pendingUnits"), site.read("Content/fr/tens.md")!)
    }

    /// B1 without history: the stale export says so and marks every unit.
    func testWithoutGitHistoryTheStaleExportWarnsAndMarksEveryUnit() throws {
        let site = try translatedSite()
        try FileManager.default.removeItem(atPath: site.path + "/.git")
        site.write("Content/en/tens.md", MinimalSite.page(title: "TENS", body: "Changed."))
        let outcome = try TranslationExport.export(
            locale: "fr", selection: .stale, options: BuildOptions(root: site.path))
        XCTAssertEqual(outcome.warnings.count, 1)
        XCTAssertTrue(
            outcome.warnings[0].message.contains("so every unit is marked for review"), "\(outcome.warnings)")
        XCTAssertEqual(outcome.unitsToReview, 3, "title, description, p1")
    }

    /// B2: a full export of which only one page is translated writes that page; the others stay
    /// fallbacks, are listed, and go out again in the next export.
    func testB2APageWithNoTranslatedUnitIsNotWritten() throws {
        let site = try translatedSite()
        try FileManager.default.removeItem(atPath: site.path + "/Content/fr/tens.md")
        var document = try export(site, .all)
        translate(&document, page: "tens.md") { "FR " + $0.source.plainText }
        let outcome = try importing(document, into: site)
        XCTAssertEqual(outcome.pages.filter(\.written).map(\.original), [site.path + "/Content/en/tens.md"])
        let pns = try XCTUnwrap(outcome.pages.first { !$0.written })
        XCTAssertTrue(pns.file.hasSuffix("Content/fr/pns.md"))
        XCTAssertFalse(pns.hadTranslation)
        XCTAssertFalse(site.exists("Content/fr/pns.md"))
        XCTAssertEqual(try report(site).counts["fr"]?["current"], 1)
        XCTAssertTrue(try export(site, .needed).files.contains { $0.original == "pns.md" })
    }

    /// B3: translate-toolkit's templated route repeats the page's `<file>`: identical units are
    /// taken once; a unit with two different targets is an error, under one summary.
    func testB3ARepeatedFileIsTakenOnceAndAConflictIsOneErrorPerUnit() throws {
        let site = try translatedSite()
        try FileManager.default.removeItem(atPath: site.path + "/Content/fr/tens.md")
        var document = try export(site, .missing)
        let template = try XCTUnwrap(document.files.first { $0.original == "tens.md" })
        translate(&document, page: "tens.md") { "FR " + $0.source.plainText }
        let tens = try XCTUnwrap(document.files.first { $0.original == "tens.md" })
        document.files.append(tens)
        var outcome = try importing(document, into: site)
        XCTAssertEqual(outcome.pages.first { $0.original.hasSuffix("en/tens.md") }?.current.count, 7)
        XCTAssertEqual(outcome.pages.first { $0.original.hasSuffix("en/tens.md") }?.toReview, [])

        // po2xliff -t: the template as exported, then the translator's copy, which wins.
        var changed = tens
        changed.units[2].target = [.text("FR Autre chose.")]
        document.files = [template, changed]
        outcome = try importing(document, into: site)
        XCTAssertEqual(outcome.pages.first?.toReview, [])
        XCTAssertTrue(site.read("Content/fr/tens.md")!.contains("\nFR Autre chose.\n"))

        // Two copies that change the same units differently: one error per unit, under a summary.
        var first = tens
        first.units[2].target = [.text("Une version.")]
        first.units[3].target = [.text("Une autre.")]
        var conflicting = tens
        conflicting.units[2].target = [.text("Encore autre chose.")]
        conflicting.units[3].target = [.text("Et encore.")]
        document.files = [first, conflicting]
        XCTAssertThrowsError(try importing(document, into: site)) { error in
            let messages = (error as? BuildFailure)?.errors.map(\.message) ?? []
            XCTAssertEqual(messages.count, 3, "\(messages)")
            XCTAssertTrue(messages.first?.hasPrefix("2 units are in the file twice with different targets") ?? false)
            XCTAssertTrue(messages.first?.contains("keep one copy of each unit") ?? false)
            XCTAssertTrue(messages[1].hasPrefix("unit 'p1' of tens.md is in the file twice with different targets"))
        }
    }

    /// B4: a French glossary with one of three terms: one warning, at the file, naming the two it lacks.
    func testB4AGlossaryLackingTermsIsOneWarningAndTheReportCountsThem() throws {
        let site = try translatedSite()
        let term = { (id: String) in "  - id: \(id)\n    term: \"\(id)\"\n    definition: \"About \(id).\"\n" }
        site.write("Content/en/glossary.yml", "terms:\n" + ["tens", "pns", "lead"].map(term).joined())
        site.write("Content/fr/glossary.yml", "terms:\n" + term("tens"))
        let options = BuildOptions(root: site.path, output: site.path + "/Site")
        let warnings = try SiteBuilder.build(options).warnings.filter { $0.message.contains("glossary") }
        XCTAssertEqual(
            warnings.map(\.description),
            [
                "\(site.path)/Content/fr/glossary.yml:1:1: warning: the glossary lacks 2 of the 3 terms of 'en': pns, "
                    + "lead; pages in 'fr' mark none of them (translate them, e.g. with 'spinesite translations "
                    + "export --locale fr')"
            ])
        XCTAssertTrue(site.read("Site/content-report/index.html")!.contains("; glossary lacks 2 terms</li>"))
    }

    /// A shared block is translated like a page: its own <file> (`_blocks/…md`), stamped on import,
    /// stale when its original changes, with only the changed unit to review; diff and stamp take it.
    func testASharedBlockIsTranslatedLikeAPage() throws {
        let site = try translatedSite()
        let english = "Do not place pads on broken skin.\n\nStop if the skin gets red.\n"
        site.write("Content/en/_blocks/safety/skin.md", english)
        var document = try export(site, .missing)
        let file = try XCTUnwrap(document.files.first { $0.original == "_blocks/safety/skin.md" })
        XCTAssertEqual(file.units.map(\.id), ["p1", "p2"])
        XCTAssertNil(file.pageID)
        translate(&document, page: "_blocks/safety/skin.md") { "FR " + $0.source.plainText }
        let outcome = try importing(document, into: site)
        XCTAssertEqual(outcome.pages.first { $0.file.hasSuffix("fr/_blocks/safety/skin.md") }?.current.count, 2)
        let translated = try XCTUnwrap(site.read("Content/fr/_blocks/safety/skin.md"))
        XCTAssertTrue(translated.hasPrefix("---\ntranslationOf: \(file.digest!)\n---\n"), translated)
        XCTAssertEqual(try report(site).blocks.first?.locales, ["en": .original, "fr": .current])
        try git(["add", "-A"], in: site)
        try git(["commit", "-qm", "Block translated"], in: site)

        site.write("Content/en/_blocks/safety/skin.md", english.replacingOccurrences(of: "red.", with: "red or sore."))
        try git(["commit", "-qam", "Block changed"], in: site)
        let report = try report(site)
        XCTAssertEqual(report.blocks.first?.locales["fr"], .stale)
        XCTAssertEqual(report.blocks.first?.units["fr"]?.toReview, ["p2"])
        XCTAssertTrue(report.table.contains("\n  _blocks/safety/skin: 1/2 current, 1 to review"), report.table)
        let stale = try XCTUnwrap(try export(site, .stale).files.first { $0.original == "_blocks/safety/skin.md" })
        XCTAssertEqual(stale.units.map { $0.state ?? "" }, ["translated", "needs-review-translation"])
        let options = BuildOptions(root: site.path)
        let block = site.path + "/Content/fr/_blocks/safety/skin.md"
        guard case .changes(let diff, _) = try TranslationDiff.diff(block, options: options).outcome else {
            return XCTFail("the stamped block is in the history")
        }
        XCTAssertTrue(diff.contains("{+red or sore.+}"), diff)
        XCTAssertEqual(try TranslationStamp.stamp(.paths([block]), options: options).stamped.count, 1)
        XCTAssertEqual(try self.report(site).blocks.first?.locales["fr"], .current)
    }

    /// The import writes the waiting units under the stamp; a stamp says the whole page is up to
    /// date and removes them, every other line kept (CRLF too).
    func testAStampReplacesThePendingUnitsAndKeepsEveryOtherLine() {
        let text =
            "---\r\ntitle: \"T\"\r\ntranslationOf: 000000000000\r\npendingUnits:\r\n  p2: new\r\n"
            + "  p4: 111111111111\r\nslug: t\r\n---\r\n\r\nBody.\r\n"
        XCTAssertEqual(
            TranslationStamp.rewrite(text, digest: "222222222222"),
            "---\r\ntitle: \"T\"\r\ntranslationOf: 222222222222\r\nslug: t\r\n---\r\n\r\nBody.\r\n")
        XCTAssertEqual(
            TranslationStamp.rewrite(
                text, digest: "222222222222",
                pending: [
                    PendingUnit(id: "p1", translatedFrom: nil, location: SourceLocation(file: "t.md")),
                    PendingUnit(id: "h1", translatedFrom: "000000000000", location: SourceLocation(file: "t.md")),
                ]),
            "---\r\ntitle: \"T\"\r\ntranslationOf: 222222222222\r\npendingUnits:\r\n  p1: new\r\n"
                + "  h1: 000000000000\r\nslug: t\r\n---\r\n\r\nBody.\r\n")
    }

    // MARK: - Helpers

    private func export(_ site: TemporaryFolder, _ selection: TranslationExport.Selection) throws -> XLIFFDocument {
        let outcome = try TranslationExport.export(
            locale: "fr", selection: selection, options: BuildOptions(root: site.path))
        return try XLIFFReader.read(Data(outcome.xliff.utf8))
    }

    /// Gives units of `page` (all, or `only` those) a target, as a CAT tool marks a finished one.
    private func translate(
        _ document: inout XLIFFDocument, page: String, only: Set<String>? = nil, _ text: (XLIFFUnit) -> String
    ) {
        guard let file = document.files.firstIndex(where: { $0.original == page }) else { return XCTFail(page) }
        for index in document.files[file].units.indices {
            let unit = document.files[file].units[index]
            guard only?.contains(unit.id) ?? true else { continue }
            document.files[file].units[index].target = [.text(text(unit))]
            document.files[file].units[index].state = "translated"
        }
    }

    private func importing(_ document: XLIFFDocument, into site: TemporaryFolder) throws -> TranslationImport.Outcome {
        let file = site.write("fr.xlf", XLIFFWriter.write(document)).path
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try TranslationImport.run(file, locale: nil, options: BuildOptions(root: site.path))
    }

    private func report(_ site: TemporaryFolder) throws -> TranslationReport {
        try TranslationReport.make(BuildOptions(root: site.path))
    }

    private func git(_ arguments: [String], in site: TemporaryFolder) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "-C", site.path, "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
    }
}
