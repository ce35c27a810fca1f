import SiteModel
import SiteRenderer
import SiteResolver
import TestSupport
import XCTest

/// Shared blocks placed on pages: rendered in place for each page, in the reader's locale.
final class SharedBlockTests: XCTestCase {
    private static let devices = "safety/implanted-devices"
    private static let placement = "```block\n\(devices)\n```\n"

    private static func reference(_ key: String, title: String, file: String) -> Reference {
        Reference(key: key, title: title, authors: "Author", pmid: "123", location: SourceLocation(file: file))
    }

    /// English (default), Spanish and Arabic (right to left); both borrow from English.
    private func graph(
        _ pages: [SourcePage], blocks: [SourceBlock], required: [RequiredBlocks] = [],
        englishGlossary: [GlossaryTerm] = []
    ) throws -> SiteGraph {
        var site = InMemorySite.loaded(
            pages, locales: ["en", "es", "ar"],
            strings: RenderFixture.strings.merging(["blockNotice": "[notice]"]) { $1 })
        for index in site.locales.indices {
            var locale = site.locales[index]
            if locale.tag == "en" {
                locale.glossary = englishGlossary
            } else {
                locale.fallbackChain = ["en"]
            }
            if locale.tag == "ar" { locale.direction = .rtl }
            site.locales = LocaleTable(site.locales.map { $0.tag == locale.tag ? locale : $0 })
        }
        site.blocks = blocks
        site.config.requiredBlocks = required
        return try SiteResolver.resolve(site)
    }

    private func render(_ graph: SiteGraph) throws -> RecordingSink {
        let sink = RecordingSink()
        _ = try SiteRenderer.renderSite(
            graph, theme: RenderFixture.theme(for: graph), into: sink, pictures: RenderFixture.pictures)
        return sink
    }

    private func errors(_ graph: SiteGraph) -> [String] {
        do {
            _ = try render(graph)
            return []
        } catch {
            return ((error as? BuildFailure)?.errors ?? []).map(\.description)
        }
    }

    private var englishBlock: SourceBlock {
        InMemorySite.block(
            Self.devices,
            body: "Ask first. See [PNS](../../therapies/pns.md) and [TENS](topic:therapies/tens) [@nice].\n",
            references: [Self.reference("nice", title: "NICE", file: "Content/en/_blocks/\(Self.devices).md")])
    }

    private var basePages: [SourcePage] {
        [
            InMemorySite.page("_index.md", title: "Home"),
            InMemorySite.page("therapies/_index.md", title: "Therapies"),
            InMemorySite.page("therapies/pns.md", title: "PNS", body: "About PNS.\n"),
        ]
    }

    /// In place, wrapped, links written relative to the block's file resolving on pages at other
    /// depths, and the block's citation numbered after the page's, its reference joining the list.
    func testABlockIsRenderedInPlaceOnEveryPage() throws {
        var tens = InMemorySite.page("therapies/tens.md", title: "TENS", body: "Intro [@sluka].\n\n" + Self.placement)
        tens.frontMatter.references = [Self.reference("sluka", title: "Sluka", file: "Content/en/therapies/tens.md")]
        let care = InMemorySite.page("guides/deep/care.md", title: "Care", body: Self.placement + "\nAfter.\n")
        let graph = try graph(basePages + [tens, care], blocks: [englishBlock])
        let sink = try render(graph)
        let block =
            "<div class=\"shared-block\">\n<p>Ask first. See <a href=\"/en/therapies/pns/\">PNS</a> and "
            + "<a href=\"/en/therapies/tens/\">TENS</a> <sup class=\"cite\">[<a href=\"#ref-nice\">2</a>]</sup>.</p>\n"
            + "</div>\n"
        let tensHTML = try XCTUnwrap(sink.text("en/therapies/tens/index.html"))
        XCTAssertTrue(
            tensHTML.contains("<a href=\"#ref-sluka\">1</a>]</sup>.</p>\n" + block), tensHTML)
        XCTAssertTrue(tensHTML.contains("<li id=\"ref-sluka\">"), tensHTML)
        XCTAssertTrue(tensHTML.contains("<li id=\"ref-nice\">Author. NICE."), tensHTML)
        let careHTML = try XCTUnwrap(sink.text("en/guides/deep/care/index.html"))
        XCTAssertTrue(careHTML.contains(block.replacingOccurrences(of: ">2<", with: ">1<")), careHTML)
        XCTAssertTrue(careHTML.contains("<li id=\"ref-nice\">"), careHTML)
        let pnsHTML = try XCTUnwrap(sink.text("en/therapies/pns/index.html"))
        XCTAssertFalse(pnsHTML.contains("shared-block"), "a page placing no block is untouched")
    }

    /// An Arabic reader of the English page (borrowed) sees the Arabic block, marked as Arabic.
    /// A glossary term is marked at its first use on the page, whether that is in the page's own
    /// text or in one of its blocks (blocks inside blocks too), in document order.
    func testATermIsMarkedOncePerPageAcrossItsBlocks() throws {
        let pad = GlossaryTerm(
            id: "pad", term: "pad", matches: ["pad", "pads"], definition: "A sticky electrode.",
            location: SourceLocation(file: "Content/en/glossary.yml", line: 1, column: 1))
        let outer = InMemorySite.block(Self.devices, body: "Keep each pad dry.\n\n```block\nsafety/inner\n```\n")
        let inner = InMemorySite.block("safety/inner", body: "Move the pads daily.\n")
        let pages = [
            InMemorySite.page("therapies/tens.md", title: "TENS", body: "Pads first.\n\n" + Self.placement),
            InMemorySite.page("therapies/pnt.md", title: "PNT", body: Self.placement + "\nThen a pad.\n"),
            InMemorySite.page("guides/care.md", title: "Care", body: "A pad here.\n\nA pad there.\n"),
        ]
        let graph = try graph(basePages + pages, blocks: [outer, inner], englishGlossary: [pad])
        let sink = try render(graph)
        let marked = "<a class=\"term\""
        let tens = try XCTUnwrap(sink.text("en/therapies/tens/index.html"))
        XCTAssertEqual(tens.components(separatedBy: marked).count - 1, 1, tens)
        XCTAssertTrue(
            tens.contains(marked + " href=\"/en/glossary/#pad\" title=\"A sticky electrode.\">Pads</a>"), tens)
        let pnt = try XCTUnwrap(sink.text("en/therapies/pnt/index.html"))
        XCTAssertEqual(pnt.components(separatedBy: marked).count - 1, 1, pnt)
        XCTAssertTrue(pnt.contains("Keep each " + marked), "the first use is the block's: \(pnt)")
        XCTAssertTrue(pnt.contains("<p>Then a pad.</p>"), pnt)
        let care = try XCTUnwrap(sink.text("en/guides/care/index.html"))
        XCTAssertEqual(care.components(separatedBy: marked).count - 1, 1, "a page without blocks as before")
    }

    func testAFallbackPageShowsTheReadersBlock() throws {
        let tens = InMemorySite.page("therapies/tens.md", title: "TENS", body: Self.placement)
        let arabic = InMemorySite.block(
            Self.devices, locale: "ar", body: "اسأل أولاً.\n",
            translationOf: TranslationTracker.digest(of: englishBlock))
        let graph = try graph(basePages + [tens], blocks: [englishBlock, arabic])
        let html = try XCTUnwrap(try render(graph).text("ar/therapies/tens/index.html"))
        XCTAssertTrue(
            html.contains("<div class=\"shared-block\" lang=\"ar\" dir=\"rtl\">\n<p>اسأل أولاً.</p>\n</div>"), html)
        XCTAssertFalse(html.contains("[notice]"), html)
        XCTAssertFalse(html.contains("Ask first"), html)
    }

    /// A translated page whose locale lacks the block (or has a stale one) shows the original,
    /// marked with its language and a notice in the reader's.
    func testATranslatedPageShowsTheOriginalBlockWithANotice() throws {
        let tens = InMemorySite.page("therapies/tens.md", title: "TENS", body: Self.placement)
        let spanish = InMemorySite.page("therapies/tens.md", locale: "es", title: "TENS", body: Self.placement)
        let arabicPage = InMemorySite.page("therapies/tens.md", locale: "ar", title: "TENS", body: Self.placement)
        let staleArabic = InMemorySite.block(
            Self.devices, locale: "ar", body: "قديم.\n", translationOf: "000000000000")
        let graph = try graph(basePages + [tens, spanish, arabicPage], blocks: [englishBlock, staleArabic])
        let sink = try render(graph)
        let spanishHTML = try XCTUnwrap(sink.text("es/therapies/tens/index.html"))
        XCTAssertTrue(
            spanishHTML.contains(
                "<div class=\"shared-block\" lang=\"en\" dir=\"ltr\">\n"
                    + "<p class=\"notice\" role=\"note\" lang=\"es\" dir=\"ltr\">[notice]</p>\n<p>Ask first."),
            spanishHTML)
        XCTAssertTrue(spanishHTML.contains("href=\"/es/therapies/pns/\""), "links stay in the reader's locale")
        let arabicHTML = try XCTUnwrap(sink.text("ar/therapies/tens/index.html"))
        XCTAssertTrue(
            arabicHTML.contains(
                "<div class=\"shared-block\" lang=\"en\" dir=\"ltr\">\n"
                    + "<p class=\"notice\" role=\"note\" lang=\"ar\" dir=\"rtl\">[notice]</p>\n<p>Ask first."),
            arabicHTML)
        XCTAssertFalse(arabicHTML.contains("قديم"), "a stale translation is never shown")
    }

    func testAKeyNamingAnotherWorkInTheBlockIsAnError() throws {
        var tens = InMemorySite.page("therapies/tens.md", title: "TENS", body: "Intro [@nice].\n\n" + Self.placement)
        tens.frontMatter.references = [Self.reference("nice", title: "Other", file: "Content/en/therapies/tens.md")]
        XCTAssertEqual(
            errors(try graph(basePages + [tens], blocks: [englishBlock])),
            [
                "Content/en/_blocks/safety/implanted-devices.md: error: references: 'nice' names another work in "
                    + "Content/en/therapies/tens.md; give one of them another key"
            ])
    }

    func testAnUnknownBlockIsAnErrorAtItsFenceWithASuggestion() throws {
        let tens = InMemorySite.page(
            "therapies/tens.md", title: "TENS", body: "Intro.\n\n```block\nimplanted-devices\n```\n")
        XCTAssertEqual(
            errors(try graph(basePages + [tens], blocks: [englishBlock])),
            [
                "Content/en/therapies/tens.md:7:1: error: no block 'implanted-devices': no "
                    + "Content/en/_blocks/implanted-devices.md (did you mean 'safety/implanted-devices'?)"
            ])
    }

    func testALevelOneHeadingInABlockIsAnError() throws {
        let block = InMemorySite.block("safety/a", body: "Intro.\n\n# Warning\n")
        let tens = InMemorySite.page("therapies/tens.md", title: "TENS", body: "```block\nsafety/a\n```\n")
        XCTAssertEqual(
            errors(try graph(basePages + [tens], blocks: [block])),
            [
                "Content/en/_blocks/safety/a.md:3:1: error: a level-1 heading ('# Warning') in a block: the page "
                    + "title is the page's only h1; use '##' or lower"
            ])
    }

    func testABlockPlacingItselfIsAnErrorWithTheChain() throws {
        let first = InMemorySite.block("safety/a", body: "A.\n\n```block\nsafety/b\n```\n")
        let second = InMemorySite.block("safety/b", body: "B.\n\n```block\nsafety/a\n```\n")
        let tens = InMemorySite.page("therapies/tens.md", title: "TENS", body: "```block\nsafety/a\n```\n")
        XCTAssertEqual(
            errors(try graph(basePages + [tens], blocks: [first, second])),
            ["Content/en/_blocks/safety/b.md:3:1: error: a block places itself: safety/a -> safety/b -> safety/a"])
    }

    func testATopicPageLackingARequiredBlockIsAnError() throws {
        let urgent = InMemorySite.block("safety/urgent", body: "Call for help.\n")
        let tens = InMemorySite.page("therapies/tens.md", title: "TENS", body: Self.placement)
        let required = RequiredBlocks(
            section: Located("therapies", at: SourceLocation(file: "Content/site.yml", line: 9, column: 3)),
            blocks: [Self.devices, "safety/urgent"].map {
                Located($0, at: SourceLocation(file: "Content/site.yml", line: 9, column: 15))
            })
        XCTAssertEqual(
            errors(try graph(basePages + [tens], blocks: [englishBlock, urgent], required: [required])),
            [
                "Content/en/therapies/pns.md:1:1: error: the page does not place the required blocks "
                    + "'safety/implanted-devices', 'safety/urgent' (site.yml requiredBlocks: therapies); add a "
                    + "```block fence naming each",
                "Content/en/therapies/tens.md:1:1: error: the page does not place the required block "
                    + "'safety/urgent' (site.yml requiredBlocks: therapies); add a ```block fence naming each",
            ])
    }

    /// `except:` beside the rule lets a page of the section (here the explainer of settings, not a
    /// therapy) go without the blocks, named by its id; an id there that is no page of the section
    /// is an error.
    func testAPageExceptedBesideTheRuleNeedNotPlaceTheBlocks() throws {
        let settings = InMemorySite.page("therapies/pulse-parameters.md", title: "Settings", body: "Volts.\n")
        let pns = InMemorySite.page("therapies/pns.md", title: "PNS", body: Self.placement)
        let tens = InMemorySite.page("therapies/tens.md", title: "TENS", body: Self.placement)
        func rule(except: [String]) -> RequiredBlocks {
            let place = SourceLocation(file: "Content/site.yml", line: 9, column: 3)
            return RequiredBlocks(
                section: Located("therapies", at: place), blocks: [Located(Self.devices, at: place)],
                except: except.map { Located($0, at: SourceLocation(file: "Content/site.yml", line: 9, column: 40)) })
        }
        let pages = Array(basePages.prefix(2)) + [pns, tens, settings]
        let excepted = rule(except: ["therapies/pulse-parameters"])
        XCTAssertEqual(errors(try graph(pages, blocks: [englishBlock], required: [excepted])), [])
        XCTAssertEqual(
            errors(try graph(pages, blocks: [englishBlock], required: [rule(except: [])])),
            [
                "Content/en/therapies/pulse-parameters.md:1:1: error: the page does not place the required block "
                    + "'safety/implanted-devices' (site.yml requiredBlocks: therapies); add a ```block fence "
                    + "naming each"
            ])
        XCTAssertThrowsError(
            try graph(pages, blocks: [englishBlock], required: [rule(except: ["therapies/pulse-parameter"])])
        ) {
            XCTAssertEqual(
                ($0 as? BuildFailure)?.errors.map(\.description),
                [
                    "Content/site.yml:9:40: error: site.yml: requiredBlocks: therapies: except: no topic page "
                        + "'therapies/pulse-parameter' in 'therapies' (did you mean 'therapies/pulse-parameters'?)"
                ])
        }
    }

    /// The search index and the reading level read a block's text as the page's.
    func testSearchAndReadingLevelReadTheBlocksText() throws {
        let block = InMemorySite.block(Self.devices, body: "## Pacemakers\n\nAsk your doctor before you use it.\n")
        let tens = InMemorySite.page("therapies/tens.md", title: "TENS", body: "One two three.\n\n" + Self.placement)
        let sink = try render(try graph(basePages + [tens], blocks: [block]))
        let meta = try XCTUnwrap(sink.files.keys.first { $0.hasPrefix("assets/search/en/meta.") })
        let index = try SearchIndexReader(metaPath: meta) { sink.files[$0] }
        // The block's heading and text are the page's.
        XCTAssertEqual(try index.urls("pacemak"), ["/en/therapies/tens/"])
        XCTAssertEqual(try index.urls("doctor"), ["/en/therapies/tens/"])
        let report = try XCTUnwrap(sink.text("content-report/index.html"))
        XCTAssertTrue(report.contains("10 words"), report)
    }
}
