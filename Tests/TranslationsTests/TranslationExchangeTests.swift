import Foundation
import Incremental
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest
import XLIFF

@testable import Translations

/// XLIFF export and import through the library: what goes out, what comes back in, what is refused.
final class TranslationExchangeTests: XCTestCase {
    static let tens = """
        Use **TENS** with [care](pns.md#risks).[^1]

        ## How it works

        | Setting | Meaning |
        |---------|---------|
        | Width   | How *long* a pulse lasts |

        ```pulse
        preset: conventional-tens
        ```

        [^1]: A footnote.
        """

    private func site() -> TemporaryFolder {
        let site = MinimalSite.make([
            "tens.md": MinimalSite.page(title: "TENS", extra: "weight: 20\n", body: Self.tens),
            "pns.md": MinimalSite.page(title: "PNS", body: "## Risks\n\nSkin redness."),
            // The explainer's presets name this page.
            "pulse-parameters.md": MinimalSite.page(title: "Pulse parameters", extra: "id: pulse-parameters\n"),
        ])
        site.copy(from: Repository.templates, to: "Templates")
        site.copy(
            from: Repository.root.appendingPathComponent("Content/pulse-presets.yml"), to: "Content/pulse-presets.yml")
        let spanish = MinimalSite.localeYAML.replacingOccurrences(of: "name: English", with: "name: Español")
            .replacingOccurrences(of: "  home: \"Home\"\n", with: "")
        site.write("Content/es/locale.yml", spanish)
        site.write(
            "Content/es/tens.md",
            MinimalSite.page(
                title: "TENS (es)", extra: "slug: tens-es\ntranslationOf: 000000000000\n",
                body: "Use **TENS** con [cuidado](pns.md#risks).[^1]\n\n## Cómo funciona\n\n[^1]: Una nota."))
        return site
    }

    private func export(_ site: TemporaryFolder, _ selection: TranslationExport.Selection = .needed) throws
        -> XLIFFDocument
    {
        let outcome = try TranslationExport.export(
            locale: "es", selection: selection, options: BuildOptions(root: site.path))
        return try XLIFFReader.read(Data(outcome.xliff.utf8))
    }

    private func unit(_ document: XLIFFDocument, _ page: String, _ id: String) -> XLIFFUnit? {
        document.files.first { $0.original == page }?.units.first { $0.id == id }
    }

    func testExportTakesStaleAndMissingPagesAndTheStringsTheLocaleLacks() throws {
        let site = site()
        let document = try export(site)
        XCTAssertEqual(
            document.files.map(\.original), ["pns.md", "pulse-parameters.md", "tens.md", "locale.yml", "glossary.yml"])
        XCTAssertEqual(
            try export(site, .missing).files.map(\.original),
            ["pns.md", "pulse-parameters.md", "locale.yml", "glossary.yml"])
        XCTAssertEqual(try export(site, .stale).files.map(\.original), ["tens.md", "locale.yml", "glossary.yml"])
        XCTAssertEqual(strings(document)?.units.map(\.id), ["home"], "only the string es lacks")
        XCTAssertGreaterThan(strings(try export(site, .all))?.units.count ?? 0, 30, "--all: every string")

        let tens = try XCTUnwrap(document.files.first { $0.original == "tens.md" })
        XCTAssertEqual(tens.pageID, "tens")
        XCTAssertEqual(tens.digest?.count, 12)
        XCTAssertEqual(
            tens.units.map(\.id),
            [
                "title", "description", "p1", "h1", "table1.row1.cell1", "table1.row1.cell2", "table1.row2.cell1",
                "table1.row2.cell2", "footnote1.p1",
            ])
        XCTAssertFalse(tens.units.contains { $0.source.plainText.contains("preset") }, "no pulse block")
        XCTAssertFalse(tens.units.contains { $0.source.plainText.contains("pns.md") }, "no link destination")
        XCTAssertEqual(
            unit(document, "tens.md", "p1")?.source,
            [
                .text("Use "), .start(id: "1", ctype: "bold"), .text("TENS"), .end(id: "1"), .text(" with "),
                .start(id: "2", ctype: "link"), .text("care"), .end(id: "2"), .text("."),
                .placeholder(id: "3", ctype: "x-footnote-reference", token: "{3}"),
            ])
    }

    func testAStaleTranslationRidesAlongAsTargetsToReviewMatchedByPlace() throws {
        let document = try export(site())
        let heading = try XCTUnwrap(unit(document, "tens.md", "h1"))
        XCTAssertEqual(heading.target, [.text("Cómo funciona")])
        XCTAssertEqual(heading.state, "needs-review-translation")
        XCTAssertEqual(unit(document, "tens.md", "p1")?.target?.plainText, "Use TENS con cuidado.")
        XCTAssertNil(unit(document, "tens.md", "table1.row1.cell1")?.target, "the translation has no table")
        XCTAssertTrue(document.files.first { $0.original == "pns.md" }!.units.allSatisfy { $0.target == nil })
    }

    /// Targets replace the text of each block; the structure, the explainer, non-text front matter and the
    /// translation's own slug stay; translationOf is the export's digest, and the units not translated
    /// from it wait in pendingUnits.
    func testImportWritesTheOriginalsShapeWithTheTargets() throws {
        let site = site()
        var document = try export(site)
        let digest = try XCTUnwrap(document.files.first { $0.original == "tens.md" }?.digest)
        for file in document.files.indices {
            for unit in document.files[file].units.indices { document.files[file].units[unit].target = nil }
        }
        try setTargets(
            &document, page: "tens.md",
            [
                "title": [.text("TENS en español")],
                "p1": [
                    .start(id: "2", ctype: nil), .text("Cuidado"), .end(id: "2"), .text(" al usar "),
                    .start(id: "1", ctype: nil), .text("TENS"), .end(id: "1"), .text(" [no](https://evil.example)"),
                    .placeholder(id: "3", ctype: nil, token: "{3}"),
                ],
                "table1.row2.cell2": [
                    .text("Cuánto | dura un "), .start(id: "1", ctype: nil), .text("pulso"),
                    .end(id: "1"),
                ],
            ])
        let file = try writeXLIFF(document, site)
        let outcome = try TranslationImport.run(file, locale: nil, options: BuildOptions(root: site.path))
        let page = try XCTUnwrap(outcome.pages.first { $0.original.hasSuffix("en/tens.md") })
        XCTAssertEqual(page.translated, ["title", "p1", "table1.row2.cell2"])
        XCTAssertEqual(page.keptTranslation, ["description", "h1", "footnote1.p1"])
        XCTAssertTrue(page.keptOriginal.contains("table1.row1.cell1"))
        let text = try XCTUnwrap(site.read("Content/es/tens.md"))
        XCTAssertTrue(
            text.hasPrefix("---\ntitle: \"TENS en español\"\ndescription: \"About it.\"\nweight: 20\n"), text)
        XCTAssertTrue(text.contains("slug: tens-es\n"))
        XCTAssertTrue(text.contains("translationOf: \(digest)\n"))
        XCTAssertTrue(
            text.contains("[Cuidado](pns.md#risks) al usar **TENS** \\[no\\](https\\://evil.example)[^1]\n"), text)
        XCTAssertTrue(text.contains("## Cómo funciona\n"), "kept from the translation")
        XCTAssertTrue(text.contains("| Width   | Cuánto \\| dura un *pulso* |"), text)
        XCTAssertTrue(text.contains("```pulse\npreset: conventional-tens\n```"))
        XCTAssertTrue(text.contains("[^1]: Una nota."))
        let built = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
        XCTAssertEqual(
            page.toReview,
            ["description", "h1", "table1.row1.cell1", "table1.row1.cell2", "table1.row2.cell1", "footnote1.p1"],
            "kept text translated from a version not in history, and the original's text, wait")
        XCTAssertTrue(
            text.contains(
                "translationOf: \(digest)\npendingUnits:\n  description: 000000000000\n  h1: 000000000000\n"
                    + "  table1.row1.cell1: new\n"), text)
        XCTAssertEqual(
            built.warnings.filter { $0.message.contains("stale") }.map(\.message),
            [
                "translation is stale: 6 of its units were not translated from the current "
                    + "\(site.path)/Content/en/tens.md (description, footnote1.p1, h1, table1.row1.cell1, "
                    + "table1.row1.cell2 and 1 more); translate them ('spinesite translations export --stale'), or "
                    + "update them and run 'spinesite translations stamp \(site.path)/Content/es/tens.md'"
            ])
        let html = try XCTUnwrap(site.read("Site/es/tens-es/index.html"))
        XCTAssertTrue(html.contains("[no](https://evil.example)"), "Markdown in a target is text")
        XCTAssertFalse(html.contains("href=\"https://evil.example"))
    }

    func testRefusalsNameTheUnitAndWriteNothing() throws {
        let site = site()
        let before = site.read("Content/es/tens.md")
        let cases: [(String, [XLIFFInline], String)] = [
            ("p1", [.text("Sin enlaces "), .placeholder(id: "3", ctype: nil, token: "{3}")], "was removed"),
            (
                "p1",
                [
                    .start(id: "1", ctype: nil), .text("a"), .start(id: "2", ctype: nil), .text("b"), .end(id: "1"),
                    .end(id: "2"), .placeholder(id: "3", ctype: nil, token: "{3}"),
                ], "overlap"
            ),
            (
                "p1",
                [
                    .start(id: "1", ctype: nil), .end(id: "1"), .start(id: "2", ctype: nil), .text("b"), .end(id: "2"),
                    .placeholder(id: "3", ctype: nil, token: "{3}"), .placeholder(id: "3", ctype: nil, token: "{3}"),
                ], "more than once"
            ),
            ("h1", [.text("Título"), .placeholder(id: "9", ctype: nil, token: "{9}")], "not in the source"),
        ]
        for (id, target, message) in cases {
            var document = try export(site)
            try setTargets(&document, page: "tens.md", [id: target])
            let file = try writeXLIFF(document, site)
            XCTAssertThrowsError(try TranslationImport.run(file, locale: nil, options: BuildOptions(root: site.path)))
            {
                let text = ($0 as? BuildFailure)?.diagnostics.map(\.description).joined(separator: "\n") ?? ""
                XCTAssertTrue(text.contains("unit '\(id)' of tens.md: "), text)
                XCTAssertTrue(text.contains(message), "\(message): \(text)")
            }
            XCTAssertEqual(site.read("Content/es/tens.md"), before)
            XCTAssertFalse(site.exists("Content/es/pns.md"))
        }
    }

    /// Typed text is literal, citations included: written escaped, neither refused nor a citation.
    func testACitationTypedInATargetIsText() throws {
        let site = site()
        var document = try export(site)
        try setTargets(&document, page: "tens.md", ["h1": [.text("Cómo funciona [@sluka2003]")]])
        let outcome = try TranslationImport.run(
            try writeXLIFF(document, site), locale: nil, options: BuildOptions(root: site.path))
        XCTAssertTrue(outcome.pages.first { $0.file.hasSuffix("es/tens.md") }?.translated.contains("h1") == true)
        XCTAssertTrue(site.read("Content/es/tens.md")!.contains("## Cómo funciona \\[\\@sluka2003\\]\n"))
    }

    func testUnknownUnitsAndOtherLocalesAreRefused() throws {
        let site = site()
        var document = try export(site)
        document.files[0].units[0].location = "pns.md@\(document.files[0].digest!)#p99"
        XCTAssertThrowsError(
            try TranslationImport.run(
                try writeXLIFF(document, site), locale: nil, options: BuildOptions(root: site.path))
        ) {
            XCTAssertTrue("\($0)".contains("unit 'p99' does not exist"), "\($0)")
        }
        var twice = try export(site)
        twice.files[0].units[0].target = [.text("PNS")]
        twice.files[0].units.append(twice.files[0].units[0])
        twice.files[0].units[twice.files[0].units.count - 1].target = [.text("PNS, otra")]
        XCTAssertThrowsError(
            try TranslationImport.run(try writeXLIFF(twice, site), locale: nil, options: BuildOptions(root: site.path))
        ) {
            XCTAssertTrue(
                "\($0)".contains("unit 'title' of pns.md is in the file twice with different targets"), "\($0)")
        }
        XCTAssertThrowsError(
            try TranslationImport.run(
                try writeXLIFF(try export(site), site), locale: "ar", options: BuildOptions(root: site.path))
        ) {
            XCTAssertTrue("\($0)".contains("was exported for locale 'es', not 'ar'"), "\($0)")
        }
    }

    /// A tool that flattened the tags to text (xliff2po) leaves their tokens, which still place them.
    func testTokensInAFlattenedTargetPlaceTheCodes() throws {
        let site = site()
        var document = try export(site)
        try setTargets(&document, page: "tens.md", ["p1": [.text("{2}Cuidado{/2} con {1}TENS{/1}{3} y {7}")]])
        try TranslationImport.run(try writeXLIFF(document, site), locale: nil, options: BuildOptions(root: site.path))
        XCTAssertTrue(site.read("Content/es/tens.md")!.contains("[Cuidado](pns.md#risks) con **TENS**[^1] y {7}\n"))
    }

    func testInterfaceStringsKeepTheirPlaceholders() throws {
        let site = site()
        var document = try export(site, .all)
        let strings = try XCTUnwrap(document.files.firstIndex { $0.original == "locale.yml" })
        let index = try XCTUnwrap(document.files[strings].units.firstIndex { $0.id == "searchResultCount" })
        document.files[strings].units[index].target = [.text("Páginas encontradas.")]
        XCTAssertThrowsError(
            try TranslationImport.run(
                try writeXLIFF(document, site), locale: nil, options: BuildOptions(root: site.path))
        ) {
            XCTAssertTrue(
                "\($0)".contains("unit 'searchResultCount' of locale.yml: the source's placeholders"), "\($0)")
        }
        document.files[strings].units[index].target = [
            .placeholder(id: "1", ctype: nil, token: "{1}"), .text(" páginas encontradas."),
        ]
        try TranslationImport.run(try writeXLIFF(document, site), locale: nil, options: BuildOptions(root: site.path))
        let locale = try XCTUnwrap(site.read("Content/es/locale.yml"))
        XCTAssertTrue(locale.contains("  searchResultCount: \"{count} páginas encontradas.\"\n"))
        XCTAssertTrue(locale.hasPrefix("# Español") || locale.contains("name: Español"), "the rest as it was")
    }

    func testFrontMatterEditsKeepEveryOtherLine() {
        var text = FrontMatterText(
            "---\ntitle: Old\n# a comment\nrelated: [a, b]\nreferences:\n  x: { title: \"T\" }\n\nslug: s\n---\n")
        text.set("title", to: "Nuevo \"título\"")
        text.remove("slug")
        text.replace("aliases", with: ["aliases:", "  - /old/"])
        XCTAssertEqual(
            text.text,
            "---\ntitle: \"Nuevo \\\"título\\\"\"\n# a comment\nrelated: [a, b]\n"
                + "references:\n  x: { title: \"T\" }\n\n" + "aliases:\n  - /old/\n---\n")
    }

    /// The glossary goes out term by term (headword, definition, each form found in text) and comes
    /// back as the locale's glossary.yml, which the build reads.
    func testTheGlossaryRoundTripsTermByTerm() throws {
        let site = site()
        site.write(
            "Content/en/glossary.yml",
            "terms:\n  - id: tens\n    term: \"TENS\"\n    matches: [\"TENS\", \"nerve stimulation\"]\n"
                + "    definition: \"A small unit.\"\n  - id: pns\n    term: \"PNS\"\n    definition: \"A lead.\"\n")
        var document = try export(site)
        let glossary = try XCTUnwrap(document.files.firstIndex { $0.original == "glossary.yml" })
        XCTAssertEqual(
            document.files[glossary].units.map(\.id),
            ["tens.term", "tens.definition", "tens.match1", "tens.match2", "pns.term", "pns.definition", "pns.match1"])
        let targets = ["tens.term": "TENS", "tens.definition": "Un aparato pequeño.", "tens.match2": "estimulación"]
        for (index, unit) in document.files[glossary].units.enumerated() {
            document.files[glossary].units[index].target = targets[unit.id].map { [.text($0)] }
        }
        let outcome = try TranslationImport.run(
            try writeXLIFF(document, site), locale: nil, options: BuildOptions(root: site.path))
        XCTAssertEqual(outcome.glossaryTerms, ["tens"], "pns has no translation: left out, not written in English")
        XCTAssertTrue(
            site.read("Content/es/glossary.yml")!.contains(
                "  - id: tens\n    term: \"TENS\"\n    matches: [\"estimulación\"]\n"
                    + "    definition: \"Un aparato pequeño.\"\n"))
        _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
        XCTAssertTrue(site.read("Site/es/glossary/index.html")!.contains("Un aparato pequeño."))
    }

    // MARK: - Helpers

    private func strings(_ document: XLIFFDocument) -> XLIFFFile? {
        document.files.first { $0.original == "locale.yml" }
    }

    private func setTargets(_ document: inout XLIFFDocument, page: String, _ targets: [String: [XLIFFInline]]) throws {
        let file = try XCTUnwrap(document.files.firstIndex { $0.original == page })
        for (id, target) in targets {
            let unit = try XCTUnwrap(document.files[file].units.firstIndex { $0.id == id }, id)
            document.files[file].units[unit].target = target
            document.files[file].units[unit].state = "translated"
        }
    }

    private func writeXLIFF(_ document: XLIFFDocument, _ site: TemporaryFolder) throws -> String {
        site.write("es.xlf", XLIFFWriter.write(document)).path
    }
}
