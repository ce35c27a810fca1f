import Foundation
import Incremental
import SiteModel
import SiteResolver
import SpinesiteKit
import TestSupport
import XCTest

/// Tests/Fixtures/Fallback: pt-BR (no pages) → pt → es → en.
final class FallbackTests: XCTestCase {
    private var folder: TemporaryFolder!
    private var report: BuildSummary!

    override func tearDown() {
        folder = nil  // removed now, not when the run ends: XCTest keeps every test case
        super.tearDown()
    }

    override func setUpWithError() throws {
        folder = TemporaryFolder()
        folder.copy(from: Repository.fixture("Fallback"), to: "site")
        report = try SiteBuilder.build(
            BuildOptions(
                root: folder.path + "/site", output: folder.path + "/out", templates: Repository.templates.path))
    }

    private func html(_ path: String) throws -> String {
        try XCTUnwrap(folder.read("out/\(path)/index.html"), "missing \(path)")
    }

    func testChainsExpandThroughEachLocalesOwnFallback() throws {
        let graph = try SiteBuilder.resolve(
            BuildOptions(root: folder.path + "/site", templates: Repository.templates.path))
        XCTAssertEqual(graph.locales["pt-BR"]?.fallbackChain, ["pt", "es", "en"])
        XCTAssertEqual(graph.locales["pt"]?.fallbackChain, ["es", "en"])
        XCTAssertEqual(graph.locales["es"]?.fallbackChain, ["en"])
        XCTAssertEqual(graph.locales["en"]?.fallbackChain, [String]())
    }

    func testALocaleWithNoPagesBorrowsEachFromTheFirstLocaleInItsChainThatHasIt() throws {
        XCTAssertTrue(try html("pt-BR/other").contains("<div class=\"prose\" lang=\"pt\" dir=\"ltr\">"), "from pt")
        XCTAssertTrue(
            try html("pt-BR/guia").contains("<div class=\"prose\" lang=\"es\" dir=\"ltr\">"),
            "from es, at its translated slug")
        XCTAssertTrue(try html("pt-BR/deep").contains("<div class=\"prose\" lang=\"en\" dir=\"ltr\">"), "from en")
        XCTAssertTrue(try html("pt-BR/deep").contains("<html lang=\"pt-BR\" dir=\"ltr\">"), "the page is the locale's")
    }

    func testBorrowedPagesSayWhatTheyAreAndPointToTheOriginal() throws {
        let page = try html("pt-BR/deep")
        XCTAssertTrue(page.contains("<link rel=\"canonical\" href=\"https://example.org/en/deep/\">"))
        XCTAssertTrue(
            page.contains(
                "<p class=\"notice\" role=\"note\">Esta página aún no está disponible en portugués (Brasil); está "
                    + "leyendo la versión en inglés. El original: <a href=\"/en/deep/\" lang=\"en\" "
                    + "hreflang=\"en\">Deep</a></p>"
            ))
        XCTAssertFalse(page.contains("rel=\"alternate\" hreflang"), "borrowed pages declare no alternates")
        XCTAssertTrue(
            page.contains("<p>Back to the <a href=\"/pt-BR/guia/\">guide</a>.</p>"),
            "links stay in the reader's locale")
    }

    func testSwitcherMarksBorrowedPagesAndAlternatesListOnlyTranslations() throws {
        let guide = try html("en/guide")
        XCTAssertTrue(
            guide.contains(
                "<a href=\"/pt-BR/guia/\" lang=\"pt-BR\" hreflang=\"pt-BR\" dir=\"ltr\">Português do Brasil</a> <span "
                    + "class=\"untranslated\">(not yet translated)</span></li>"
            ))
        XCTAssertTrue(guide.contains("<link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/guia/\">"))
        XCTAssertFalse(guide.contains("<link rel=\"alternate\" hreflang=\"pt"))
        let sitemap = try XCTUnwrap(folder.sitemaps(in: "out"))
        XCTAssertFalse(sitemap.contains("/pt-BR/"), "sitemaps list real translations only")
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/pt/other/</loc>"))
    }

    func testMissingStringsFallAlongTheChainWithAWarning() throws {
        let warnings = report.warnings.map {
            $0.description.replacingOccurrences(of: folder.path + "/site/", with: "")
        }
        XCTAssertTrue(
            warnings.contains(
                ("Content/pt-BR/locale.yml: warning: strings: 'home' (used by Templates/cached/site-nav.mustache) is "
                    + "missing; showing the pt text")
                    .replacingOccurrences(of: "Templates/", with: Repository.templates.path + "/")),
            "\(warnings.filter { $0.contains("'home'") })")
        XCTAssertTrue(try html("pt-BR/other").contains(">Início</a>"), "pt's word, not es's or en's")
        XCTAssertTrue(try html("pt-BR/other").contains("Pular para o conteúdo"), "pt-BR's own string")
    }

    func testAPageWithNoOriginalInTheDefaultLocaleIsAWarning() {
        XCTAssertTrue(
            report.warnings.map(\.description).contains {
                $0.hasSuffix(
                    "es/lonely.md:1:1: warning: no page in 'en' has id 'lonely', so this page is nobody's "
                        + "translation (rename it or set 'id' to pair it)"
                )
            })
    }

    func testContentReportListsEveryPageAndLocaleButIsHidden() throws {
        let report = try XCTUnwrap(folder.read("out/content-report/index.html"))
        XCTAssertTrue(report.contains("<meta name=\"robots\" content=\"noindex\">"))
        XCTAssertTrue(
            report.contains(
                "<tr><th scope=\"row\"><code>deep</code></th><td class=\"state-original\"><a "
                    + "href=\"/en/deep/\">original</a><br>"
            ))
        XCTAssertTrue(report.contains("<td class=\"state-fallback\"><a href=\"/pt-BR/deep/\">fallback</a></td>"))
        XCTAssertTrue(
            report.contains(
                "<span class=\"label\">pt-BR</span><meter min=\"0\" max=\"5\" value=\"0\" aria-label=\"pt-BR\">0%"
                    + "</meter> 0 of 5 (0%)"))
        XCTAssertTrue(report.contains("<link rel=\"stylesheet\" href=\"report.css\">"))
        XCTAssertFalse(
            report.contains("<style") || report.contains(" style="),
            "no style element or attribute: the site's Content-Security-Policy allows neither")
        XCTAssertTrue(try XCTUnwrap(folder.read("out/content-report/report.css")).contains(".coverage meter {"))
        XCTAssertFalse(try XCTUnwrap(folder.sitemaps(in: "out")).contains("content-report"))
        XCTAssertFalse(try html("en/guide").contains("content-report"), "not linked")
    }
}

/// Broken chains stop the build with the files that make them.
final class FallbackChainErrorTests: XCTestCase {
    private func errors(_ files: [String: String]) -> [String] {
        let site = MinimalSite.make(["a.md": MinimalSite.page()])
        site.write("Content/site.yml", MinimalSite.siteYAML + "locales: [en, es, fr]\n")
        for (path, text) in files { site.write("Content/\(path)", text) }
        do {
            _ = try SiteBuilder.resolve(BuildOptions(root: site.path))
            return []
        } catch {
            return error.errors.map { $0.description.replacingOccurrences(of: site.path + "/", with: "") }
        }
    }

    func testACycleNamesTheFilesInIt() {
        XCTAssertEqual(
            errors([
                "es/locale.yml": "name: Español\ndirection: ltr\nfallback: [fr]\n",
                "fr/locale.yml": "name: Français\ndirection: ltr\nfallback: [es]\n",
            ]),
            [
                "Content/fr/locale.yml:3:12: error: locale.yml: fallback cycle es → fr → es (Content/es/locale.yml, "
                    + "Content/fr/locale.yml)"
            ])
    }

    func testAnUnknownLocaleInAChainIsAnError() {
        XCTAssertEqual(
            errors([
                "es/locale.yml": "name: Español\ndirection: ltr\nfallback: [fx, en]\n",
                "fr/locale.yml": "name: Français\ndirection: ltr\n",
            ]), ["Content/es/locale.yml:3:12: error: locale.yml: fallback: no locale 'fx' (did you mean 'fr'?)"])
    }
}

/// The same fixture with `fallbackPages: false` in pt-BR: untranslated pages
/// are linked to in the first locale of the chain that has them, not copied.
final class LinkedFallbackTests: XCTestCase {
    private var folder: TemporaryFolder!
    private var report: BuildSummary!

    override func tearDown() {
        folder = nil  // removed now, not when the run ends: XCTest keeps every test case
        super.tearDown()
    }

    override func setUpWithError() throws {
        folder = TemporaryFolder()
        folder.copy(from: Repository.fixture("Fallback"), to: "site")
        let locale = try XCTUnwrap(folder.read("site/Content/pt-BR/locale.yml"))
        folder.write(
            "site/Content/pt-BR/locale.yml",
            locale.replacingOccurrences(of: "fallback: [pt]\n", with: "fallback: [pt]\nfallbackPages: false\n"))
        report = try SiteBuilder.build(
            BuildOptions(
                root: folder.path + "/site", output: folder.path + "/out", templates: Repository.templates.path))
    }

    func testNoCopiesArePublished() throws {
        XCTAssertFalse(folder.exists("out/pt-BR/other/index.html"))
        XCTAssertFalse(folder.exists("out/pt-BR/guia/index.html"))
        XCTAssertFalse(folder.exists("out/pt-BR/deep/index.html"))
        XCTAssertTrue(folder.exists("out/pt-BR/index.html"), "the locale's own home page, generated in its language")
        XCTAssertEqual(report.pageCounts.first { $0.locale == "pt-BR" }?.pages, 1)
    }

    func testListsLinkToTheOriginalMarkedWithItsLanguage() throws {
        let home = try XCTUnwrap(folder.read("out/pt-BR/index.html"))
        XCTAssertTrue(home.contains("<html lang=\"pt-BR\" dir=\"ltr\">"))
        XCTAssertTrue(
            home.contains(
                "<a href=\"/pt/other/\" lang=\"pt\" dir=\"auto\">Outra <span "
                    + "class=\"other-language\">(português)</span></a>"
            ), home
        )
        XCTAssertTrue(
            home.contains(
                "<a href=\"/es/guia/\" lang=\"es\" dir=\"auto\">Guía <span "
                    + "class=\"other-language\">(espanhol)</span></a>"
            ), home)
        XCTAssertTrue(
            home.contains(
                "<a href=\"/en/deep/\" lang=\"en\" dir=\"auto\">Deep <span "
                    + "class=\"other-language\">(inglês)</span></a>"
            ), home)
    }

    func testSwitchersLeadToTheOriginalAndAlternatesAndSitemapStayReal() throws {
        let guide = try XCTUnwrap(folder.read("out/en/guide/index.html"))
        XCTAssertTrue(
            guide.contains(
                "<a href=\"/es/guia/\" lang=\"pt-BR\" hreflang=\"es\" dir=\"ltr\">Português do Brasil</a> <span "
                    + "class=\"untranslated\">(not yet translated)</span></li>"
            ), guide)
        XCTAssertFalse(guide.contains("<link rel=\"alternate\" hreflang=\"pt-BR\""))
        let sitemap = try XCTUnwrap(folder.sitemaps(in: "out"))
        XCTAssertFalse(sitemap.contains("/pt-BR/guia/"))
        XCTAssertFalse(sitemap.contains("/pt-BR/other/"))
    }
}

/// A borrowed copy's links lead where its original's do, in the copy's locale.
final class BorrowedLinkTests: XCTestCase {
    /// A heading the translation has under its own anchor is found at the original's place; when the
    /// translation's headings differ from the original's, only anchors it has are kept.
    func testACopyLinksToTheTranslationAtTheSameHeading() throws {
        let site = MinimalSite.make([
            "a.md": MinimalSite.page(title: "A", body: "## Risks\n\nText.\n\n## Steps\n\nMore."),
            "b.md": MinimalSite.page(title: "B", body: "See [the risks](a.md#risks) and [the steps](a.md#steps)."),
        ])
        site.write("Content/site.yml", MinimalSite.siteYAML + "locales: [en, es]\n")
        let spanish = try String(
            contentsOf: Repository.root.appendingPathComponent("Content/es/locale.yml"), encoding: .utf8)
        site.write("Content/es/locale.yml", spanish)
        site.write(
            "Content/es/a.md", MinimalSite.page(title: "A (es)", body: "## Riesgos\n\nTexto.\n\n## Steps\n\nMás."))
        let options = BuildOptions(root: site.path, output: site.path + "/Site", templates: Repository.templates.path)
        _ = try SiteBuilder.build(options)
        let copy = try XCTUnwrap(site.read("Site/es/b/index.html"))
        XCTAssertTrue(
            copy.contains("See <a href=\"/es/a/#riesgos\">the risks</a> and <a href=\"/es/a/#steps\">the steps</a>."),
            copy)
        site.write(
            "Content/es/a.md",
            MinimalSite.page(title: "A (es)", body: "## Riesgos\n\nTexto.\n\n## Más\n\n## Steps\n\nMás."))
        _ = try SiteBuilder.build(options)
        let reshaped = try XCTUnwrap(site.read("Site/es/b/index.html"))
        XCTAssertTrue(
            reshaped.contains("See <a href=\"/es/a/\">the risks</a> and <a href=\"/es/a/#steps\">the steps</a>."),
            reshaped)
        let original = try XCTUnwrap(site.read("Site/en/b/index.html"))
        XCTAssertTrue(
            original.contains(
                "See <a href=\"/en/a/#risks\">the risks</a> and <a href=\"/en/a/#steps\">the steps</a>."), original)
    }
}

/// Sentences that name languages name them in the reader's language (CLDR), unless the reader's
/// locale.yml says otherwise under `languageNames:`.
final class LanguageNameTests: XCTestCase {
    func testTheFallbackNoticeNamesLanguagesInTheReadersLanguage() throws {
        let site = MinimalSite.make([
            "tens.md": MinimalSite.page(title: "TENS", extra: "reviewed: 2099-01-01\nreviewedBy: \"A. Reviewer\"\n")
        ])
        for tag in ["es", "ar"] {
            site.copy(
                from: Repository.root.appendingPathComponent("Content/\(tag)/locale.yml"),
                to: "Content/\(tag)/locale.yml")
        }
        site.write(
            "Content/fr/locale.yml",
            "name: Français\ndirection: ltr\nlanguageNames:\n  en: \"anglais (États-Unis)\"\nstrings:\n"
                + "  fallbackNotice: \"Pas encore en {language} ; voici la version en {original} :\"\n")
        site.copy(from: Repository.templates, to: "Templates")
        _ = try SiteBuilder.build(BuildOptions(root: site.path))
        func notice(_ locale: String) throws -> String {
            let page = try XCTUnwrap(site.read("Site/\(locale)/tens/index.html"))
            let start = try XCTUnwrap(page.range(of: "<p class=\"notice\" role=\"note\">"))
            return String(page[start.upperBound...].prefix { $0 != "<" })
        }
        let spanish = try notice("es")
        let arabic = try notice("ar")
        XCTAssertTrue(spanish.contains(" en español; ") && spanish.contains(" en inglés."), spanish)
        XCTAssertTrue(arabic.contains("العربية") && arabic.contains("الإنجليزية"), arabic)
        XCTAssertFalse(arabic.contains("English"))
        XCTAssertEqual(try notice("fr"), "Pas encore en français ; voici la version en anglais (États-Unis) : ")
    }
}

/// `published: false` in a locale.yml: the locale is built only in the preview or with --drafts.
final class UnpublishedLocaleTests: XCTestCase {
    func testALocaleInProgressIsAbsentFromTheBuildAndPresentWithDrafts() throws {
        let reviewed = "reviewed: 2099-01-01\nreviewedBy: \"A. Reviewer\"\n"
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS", extra: reviewed)])
        site.copy(from: Repository.root.appendingPathComponent("Content/es/locale.yml"), to: "Content/es/locale.yml")
        let french = "name: Français\ndirection: ltr\npublished: false\nstrings:\n  home: \"Accueil\"\n"
        site.write("Content/fr/locale.yml", french)
        site.write("Content/fr/tens.md", MinimalSite.page(title: "TENS (fr)", extra: reviewed))
        site.copy(from: Repository.templates, to: "Templates")
        let report = try SiteBuilder.build(BuildOptions(root: site.path))
        XCTAssertEqual(report.pageCounts.map(\.locale), ["en", "es"])
        XCTAssertFalse(site.exists("Site/fr"))
        let page = try XCTUnwrap(site.read("Site/en/tens/index.html"))
        XCTAssertFalse(page.contains("hreflang=\"fr\""), "no alternate, no switcher entry")
        XCTAssertFalse(page.contains("Français"))
        XCTAssertFalse(try XCTUnwrap(site.sitemaps(in: "Site")).contains("/fr/"))
        XCTAssertFalse(try XCTUnwrap(site.read("Site/index.html")).contains("/fr/"), "not in the root chooser")
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.path + "/Site/assets")
        XCTAssertEqual(
            assets.filter { $0.hasPrefix("stemmer-") }.map { $0.prefix(15) }.sorted(),
            ["stemmer-english", "stemmer-spanish"])
        let searchIndexes = try FileManager.default.contentsOfDirectory(atPath: site.path + "/Site/assets/search")
        XCTAssertEqual(searchIndexes.sorted(), ["en", "es"])
        let fragments = try FileManager.default.subpathsOfDirectory(atPath: site.path + "/Site/assets/search")
        for fragment in fragments where fragment.hasSuffix(".json") {
            XCTAssertFalse(try XCTUnwrap(site.read("Site/assets/search/\(fragment)")).contains("TENS (fr)"), fragment)
        }

        let preview = try SiteBuilder.build(
            BuildOptions(root: site.path, output: site.path + "/Preview", includeDrafts: true))
        XCTAssertEqual(preview.pageCounts.map(\.locale), ["en", "es", "fr"])
        XCTAssertTrue(try XCTUnwrap(site.read("Preview/en/tens/index.html")).contains("hreflang=\"fr\""))
    }

    func testTheDefaultLocaleCannotBeUnpublished() throws {
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS")])
        site.write("Content/en/locale.yml", MinimalSite.localeYAML + "published: false\n")
        XCTAssertThrowsError(try SiteBuilder.build(BuildOptions(root: site.path))) { error in
            let messages = (error as? BuildFailure)?.errors.map(\.message) ?? []
            XCTAssertTrue(
                messages.contains("locale.yml: the default locale is always published; remove 'published: false'"),
                "\(messages)")
        }
    }
}
