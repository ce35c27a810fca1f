import CommonMark
import XCTest

final class MarkdownConverterTests: XCTestCase {
    private func convert(_ markdown: String, _ options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        MarkdownConverter.convert(markdown, options: options, isInternal: { !$0.contains(":") })
    }

    func testGFMExtensionsAreOn() {
        let html = convert(
            """
            | a | b |
            |---|---|
            | 1 | 2 |

            ~~old~~ and www.example.org

            - [x] done

            Claim.[^n]

            [^n]: Source.
            """
        ).html
        XCTAssertTrue(html.contains("<table>"), html)
        XCTAssertTrue(html.contains("<del>old</del>"), html)
        XCTAssertTrue(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"), html)
        XCTAssertTrue(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"), html)
        XCTAssertTrue(html.contains("<section class=\"footnotes\" data-footnotes>"), html)
    }

    /// A table in a scrolling region that names it, with the table extension still writing the
    /// table (alignment included); without a label, the table as cmark-gfm writes it.
    func testTablesAreWrappedInANamedScrollingRegion() {
        let markdown = "| a | b |\n|:--|--:|\n| 1 | 2 |\n"
        let plain = convert(markdown).html
        var options = MarkdownOptions()
        options.tableLabel = "Table \"wide\""
        let wrapped = convert(markdown, options).html
        XCTAssertEqual(
            wrapped,
            "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table &quot;wide&quot;\">\n"
                + plain + "</div>\n")
        XCTAssertTrue(plain.hasPrefix("<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>"), plain)
    }

    func testRawHTMLIsOmittedUnlessUnsafe() {
        let markdown = "<b>bold</b>\n\n<script>alert(1)</script>\n"
        let safe = convert(markdown).html
        XCTAssertFalse(safe.contains("<script"), safe)
        XCTAssertFalse(safe.contains("<b>"), safe)
        XCTAssertTrue(safe.contains("raw HTML omitted"), safe)
        let unsafe = convert(markdown, MarkdownOptions(unsafeHTML: true)).html
        XCTAssertTrue(unsafe.contains("<b>bold</b>"), unsafe)
        XCTAssertTrue(unsafe.contains("&lt;script>"), "tagfilter neutralises <script> even when unsafe: \(unsafe)")
    }

    func testDangerousURLsAreDropped() {
        let html = convert("[x](javascript:alert(1)) [y](https://ok.example/)").html
        XCTAssertFalse(html.contains("javascript"), html)
        XCTAssertTrue(html.contains("href=\"https://ok.example/\""), html)
    }

    /// Images are written by the site, not by cmark-gfm, so they need a URL rule applied: the one the
    /// build reports errors by (`DangerousURL.scheme(of:)`), stricter than cmark-gfm's, which keeps
    /// `data:` pictures and reads no scheme after a leading space.
    func testDangerousImageURLsAreDroppedUnlessUnsafe() {
        func source(_ url: String, unsafe: Bool = false) -> String? {
            MarkdownConverter.convert(
                "![x](\(url))", options: MarkdownOptions(unsafeHTML: unsafe), isInternal: { _ in false }
            ).images.first?.source
        }
        for url in [
            "javascript:alert(1)", "JavaScript:alert(1)", "vbscript:x", "file:///etc/passwd", "data:text/html,x",
            "data:image/png;base64,AAAA",
        ] {
            XCTAssertEqual(source(url), "", url)
            XCTAssertEqual(source(url, unsafe: true), url, url)
        }
        for url in ["https://example.org/a.png", "images/a.png"] {
            XCTAssertEqual(source(url), url, url)
        }
        let html = MarkdownConverter.convert("![x](javascript:alert(1))", isInternal: { _ in false }).html(
            resolvingLinks: { _ in nil })
        XCTAssertFalse(html.contains("javascript"), html)
    }

    func testDangerousLinkAndPictureURLsAreReportedWithTheirPositions() {
        let markdown = """
            Read [this](javascript:alert(1)) and <vbscript:x>.

            ![chart](data:image/png;base64,AAAA) then ![x](FILE:///etc/passwd)

            [ok](https://example.org) ![fine](images/a.png) [page](tens.md)
            [spaced](<\u{1}java\tscript:alert(1)>) [entity](java&#115;cript:x)
            """
        let found = convert(markdown).dangerousURLs
        XCTAssertEqual(found.map(\.kind), [.link, .link, .picture, .picture, .link, .link])
        XCTAssertEqual(
            found.map(\.scheme), ["javascript:", "vbscript:", "data:", "file:", "javascript:", "javascript:"])
        XCTAssertEqual(
            found.map { [$0.position.line, $0.position.column] },
            [[1, 6], [1, 38], [3, 1], [3, 43], [6, 1], [6, 35]])
        XCTAssertEqual(found.first?.url, "javascript:alert(1)")
        // With raw HTML on, cmark-gfm keeps such URLs: they are reported all the same.
        XCTAssertEqual(convert(markdown, MarkdownOptions(unsafeHTML: true)).dangerousURLs, found)
    }

    func testSmartPunctuationIsConfigurable() {
        XCTAssertTrue(convert("\"quoted\" -- dash").html.contains("“quoted” – dash"))
        XCTAssertTrue(
            convert("\"quoted\"", MarkdownOptions(smartPunctuation: false)).html.contains("&quot;quoted&quot;"))
    }

    func testHeadingsGetUniqueStableAnchors() {
        let rendered = convert(
            "## Risks\n\n## Risks\n\n### ¿Qué es la estimulación?\n\n## main\n\n## التحفيز الكهربائي\n")
        XCTAssertEqual(
            rendered.headings.map(\.anchor),
            ["risks", "risks-1", "qué-es-la-estimulación", "main", "التحفيز-الكهربائي"])
        XCTAssertTrue(rendered.html.contains("<h2 id=\"risks-1\">Risks</h2>"), rendered.html)
        XCTAssertTrue(
            rendered.html.contains("<h3 id=\"qué-es-la-estimulación\">¿Qué es la estimulación?</h3>"), rendered.html)
        let reserved = MarkdownConverter.convert("## Main", reservedAnchors: ["main"], isInternal: { _ in false })
        XCTAssertEqual(reserved.headings.first?.anchor, "main-1")
        XCTAssertFalse(reserved.html.contains("\u{E000}"), "heading markers never leak")
    }

    func testInternalLinksAreHolesWithPositions() {
        let rendered = convert("Intro\n\nSee [TENS](tens.md#risks \"The <risks>\") and [web](https://example.org).\n")
        XCTAssertEqual(
            rendered.internalLinks,
            [InternalLink(destination: "tens.md#risks", position: SourcePosition(line: 3, column: 5))])
        XCTAssertEqual(rendered.holes.map(\.kind), [.link(0)])
        XCTAssertTrue(rendered.html.contains("<a href=\"\" title=\"The &lt;risks&gt;\">TENS</a>"), rendered.html)
        XCTAssertTrue(rendered.html.contains("href=\"https://example.org\""), rendered.html)
        let resolved = rendered.html(resolvingLinks: {
            "/en/tens/?a=1&b=\"2\"#\($0.destination.split(separator: "#")[1])"
        })
        XCTAssertTrue(
            resolved.contains(
                "<a href=\"/en/tens/?a=1&amp;b=&quot;2&quot;#risks\" title=\"The &lt;risks&gt;\">TENS</a>"), resolved)
    }

    func testImagesAndPlainText() {
        let rendered = convert("## Title\n\n![A pad on the back](pad.png) and `code` here.\n")
        XCTAssertEqual(rendered.images.map(\.source), ["pad.png"])
        XCTAssertEqual(rendered.images.map(\.altText), ["A pad on the back"])
        XCTAssertEqual(rendered.images.map(\.position), [SourcePosition(line: 3, column: 1)])
        XCTAssertTrue(rendered.plainText.contains("Title"))
        XCTAssertTrue(rendered.plainText.contains("A pad on the back and code here."), rendered.plainText)
    }

    func testFootnoteLabelsAreLocalisedAndEscaped() {
        let labels = FootnoteLabels(title: "Referencias <1>", backLink: "Volver al texto")
        let html = convert("Dato.[^a]\n\n[^a]: Fuente.\n", MarkdownOptions(footnoteLabels: labels)).html
        XCTAssertTrue(
            html.contains("<section class=\"footnotes\" data-footnotes>\n<h2>Referencias &lt;1&gt;</h2>"), html)
        XCTAssertTrue(html.contains("aria-label=\"Volver al texto\""), html)
        XCTAssertFalse(html.contains("Back to content"), html)
        XCTAssertFalse(convert("No footnotes here.", MarkdownOptions(footnoteLabels: labels)).html.contains("<h2>"))
    }

    func testTemplateSyntaxStaysLiteral() {
        let html = convert("Hello {{name}} and {{{raw}}}").html
        XCTAssertTrue(html.contains("Hello {{name}} and {{{raw}}}"), html)
    }

    func testDeepNestingDoesNotCrash() {
        let quotes = String(repeating: ">", count: 10_000) + " deep\n"
        XCTAssertTrue(convert(quotes).html.contains("deep"))
        let lists = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        XCTAssertTrue(convert(lists).html.contains("item"))
    }
}

/// Fenced blocks the caller renders itself.
final class EmbedTests: XCTestCase {
    private func convert(_ markdown: String) -> RenderedMarkdown {
        MarkdownConverter.convert(
            markdown, options: MarkdownOptions(embedLanguages: ["pulse"]), isInternal: { _ in false })
    }

    func testPulseBlocksBecomeEmbedsInPlace() {
        let rendered = convert("Before.\n\n```pulse\npreset: tens\n```\n\n```swift\nlet x = 1\n```\n")
        XCTAssertEqual(
            rendered.embeds,
            [Embed(language: "pulse", source: "preset: tens\n", position: SourcePosition(line: 3, column: 1))])
        let html = rendered.html(
            resolvingLinks: { _ in nil }, embeds: rendered.embeds.map { "<div>\($0.source.count)</div>" })
        XCTAssertEqual(
            html, "<p>Before.</p>\n<div>13</div><pre><code class=\"language-swift\">let x = 1\n</code></pre>\n")
        XCTAssertFalse(rendered.plainText.contains("preset"), "an embed is not text to search or digest")
    }

    func testEmbedInATightListIsStillReplaced() {
        let rendered = convert("- item\n- ```pulse\n  preset: a\n  ```\n")
        XCTAssertEqual(rendered.embeds.count, 1)
        let html = rendered.html(resolvingLinks: { _ in nil }, embeds: rendered.embeds.map { _ in "<div>E</div>" })
        XCTAssertTrue(html.contains("<div>E</div>"), html)
        XCTAssertFalse(html.contains("\u{E002}"))
    }

    func testWithoutTheOptionAPulseBlockIsCode() {
        let rendered = MarkdownConverter.convert("```pulse\npreset: a\n```\n", isInternal: { _ in false })
        XCTAssertEqual(rendered.embeds, [])
        XCTAssertTrue(rendered.html.contains("<code class=\"language-pulse\">"))
    }
}

/// Glossary terms: first use only, whole words, never in headings, links or code.
final class TermMarkingTests: XCTestCase {
    private func html(_ markdown: String, _ terms: [[String]]) -> String {
        let rendered = MarkdownConverter.convert(
            markdown, options: MarkdownOptions(terms: terms.map(TermPattern.init)), isInternal: { _ in false })
        return rendered.html(
            resolvingLinks: { _ in nil }, embeds: rendered.embeds.map { _ in "" },
            terms: { TermLinkTags(open: "<t\($0)>", close: "</t\($0)>") }
        )
    }

    func testOnlyTheFirstUseOutsideHeadingsLinksAndCodeIsMarked() {
        let markdown = "## TENS at home\n\n[TENS](https://example.org) and `TENS`, then TENS and TENS again.\n"
        XCTAssertEqual(
            html(markdown, [["TENS"]]),
            "<h2 id=\"tens-at-home\">TENS at home</h2>\n<p><a href=\"https://example.org\">TENS</a> and "
                + "<code>TENS</code>, then <t0>TENS</t0> and TENS again.</p>\n"
        )
    }

    func testWholeWordsAndCaseRules() {
        XCTAssertEqual(
            html("TENSION rises; tens of people; Pulse Width matters.\n", [["TENS"], ["pulse width"]]),
            "<p>TENSION rises; tens of people; <t1>Pulse Width</t1> matters.</p>\n")
    }

    /// cmark-gfm ends a text node at every `w` and `:` (where an autolink may start) and joins the
    /// pieces again before it hands the tree over: a term across them is still one piece of text.
    func testATermAcrossTheAutolinkExtensionsCharactersIsMarked() {
        XCTAssertEqual(
            html("Slow walks: low back pain at work: www.example.org.\n", [["low back pain at work"]]),
            "<p>Slow walks: <t0>low back pain at work</t0>: "
                + "<a href=\"http://www.example.org\">www.example.org</a>.</p>\n")
    }

    func testSeveralTermsInOneTextAndAcrossBlocks() {
        XCTAssertEqual(
            html("PNT or TENS.\n\nTENS and PNS.\n", [["TENS"], ["PNT"], ["PNS"]]),
            "<p><t1>PNT</t1> or <t0>TENS</t0>.</p>\n<p>TENS and <t2>PNS</t2>.</p>\n")
    }
}

/// Content never collides with what the converter adds: no character is reserved.
final class ReservedCharacterTests: XCTestCase {
    /// U+E000…U+E006 were the markers of an earlier converter; any private-use character is plain text now.
    private let privateUse = "\u{E000}0\u{E001}\u{E002}1\u{E003}\u{E004}2\u{E005}\u{E006}\u{F8FF}"

    private func html(_ markdown: String) -> RenderedMarkdown {
        MarkdownConverter.convert(
            markdown, options: MarkdownOptions(embedLanguages: ["pulse"], terms: [TermPattern(phrases: ["TENS"])]),
            isInternal: { !$0.contains(":") }
        )
    }

    func testPrivateUseCharactersRenderLiterallyEverywhere() {
        let markdown = """
            ## Second \(privateUse)

            A paragraph \(privateUse) with TENS\(privateUse) and [a link \(privateUse)](tens.md).

            \(privateUse)
            ```pulse
            preset: a
            ```
            \(privateUse) after the block.
            """
        let rendered = html(markdown)
        XCTAssertEqual(rendered.headings.map(\.text), ["Second \(privateUse)"])
        XCTAssertEqual(rendered.headings.map(\.anchor), ["second-012"])
        let page = rendered.html(
            resolvingLinks: { _ in "/en/tens/" }, embeds: ["<div>E</div>"],
            terms: { _ in TermLinkTags(open: "<a class=\"term\">", close: "</a>") })
        XCTAssertTrue(page.contains("<h2 id=\"second-012\">Second \(privateUse)</h2>"), page)
        XCTAssertTrue(
            page.contains(
                "A paragraph \(privateUse) with <a class=\"term\">TENS</a>\(privateUse) and <a href=\"/en/tens/\">a "
                    + "link \(privateUse)</a>."
            ), page)
        XCTAssertTrue(page.contains("<p>\(privateUse)</p>\n<div>E</div><p>\(privateUse) after the block.</p>"), page)
        XCTAssertEqual(page.components(separatedBy: privateUse).count - 1, 6, page)
    }

    func testCitationsAreHolesAndCodeIsLeftAlone() {
        let rendered = html("See [@sluka2003; @vance2014] and `[@code]`.\n\n    [@block]\n")
        XCTAssertEqual(
            rendered.citations,
            [Citation(keys: ["sluka2003", "vance2014"], position: SourcePosition(line: 1, column: 1))])
        let page = rendered.html(resolvingLinks: { _ in nil }, citations: { "<sup>\($0)</sup>" })
        XCTAssertEqual(page, "<p>See <sup>0</sup> and <code>[@code]</code>.</p>\n<pre><code>[@block]\n</code></pre>\n")
    }

    /// An escaped `[` or `@` is text like every escaped character: how a `[@key]` a translator typed is written.
    /// It is found through entities, smart punctuation and table pipes; a lazy line still cites.
    func testAnEscapedCitationIsText() {
        let rendered = html(
            "Typed \\[\\@sluka2003\\], \\[@a] and [\\@b]; cited [@c].\n\n"
                + "\"Quoted\" -- it's &amp; &#91;x\\] \\[@y] ... [@z]\n\n"
                + "| \\| \\[@d] | [@e] |\n|-|-|\n\n> quoted \\[@q]\nlazy [@f]\n")
        XCTAssertEqual(rendered.citations.map(\.keys), [["c"], ["z"], ["e"], ["f"]])
        let page = rendered.html(resolvingLinks: { _ in nil }, citations: { "<sup>\($0)</sup>" })
        XCTAssertTrue(page.hasPrefix("<p>Typed [@sluka2003], [@a] and [@b]; cited <sup>0</sup>.</p>"), page)
        XCTAssertTrue(page.contains("<p>“Quoted” – it’s &amp; [x] [@y] … <sup>1</sup></p>"), page)
        XCTAssertTrue(page.contains("<th>| [@d]</th>\n<th><sup>2</sup></th>"), page)
        XCTAssertTrue(page.contains("quoted [@q]\nlazy <sup>3</sup>"), page)
    }
}

/// Where the converter writes a node itself, it writes what cmark-gfm would.
final class RenderCallbackTests: XCTestCase {
    func testFootnotesMatchCmarkGFMApartFromTheirLabels() {
        let markdown = "One.[^a] Two.[^b] Again.[^a] Thrice.[^a]\n\n[^a]: First\n\n    with code.\n\n[^b]: Second.\n"
        let plain = MarkdownConverter.convert(markdown, isInternal: { _ in false }).html
        let labelled = MarkdownConverter.convert(
            markdown,
            options: MarkdownOptions(footnoteLabels: FootnoteLabels(title: "Notes", backLink: "Back to content")),
            isInternal: { _ in false }
        ).html
        XCTAssertEqual(
            labelled, plain.replacingOccurrences(of: "data-footnotes>\n", with: "data-footnotes>\n<h2>Notes</h2>\n"))
        XCTAssertTrue(
            plain.contains(
                "<a href=\"#fnref-a-3\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to "
                    + "content\">↩<sup class=\"footnote-ref\">3</sup></a>"
            ), plain)
    }

    func testHeadingsAndLinksMatchCmarkGFMApartFromIdsAndURLs() {
        let markdown = "# One\n\nText [in](a.md \"T\") *b*.\n\n- ## Two [x](b.md)\n\n> ### Three\n"
        let rendered = MarkdownConverter.convert(markdown, isInternal: { $0.hasSuffix(".md") })
        let withURLs = rendered.html(resolvingLinks: { $0.destination })
        let reference = MarkdownConverter.convert(markdown, isInternal: { _ in false }).html
        XCTAssertEqual(withURLs, reference)
        XCTAssertTrue(reference.contains("<li>\n<h2 id=\"two-x\">Two <a href=\"b.md\">x</a></h2>\n</li>"), reference)
    }
}
