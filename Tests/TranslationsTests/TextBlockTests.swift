import CommonMark
import Translations
import XCTest

/// Text blocks: what a translator gets of a page, and the Markdown written back from it.
final class TextBlockTests: XCTestCase {
    static let page = """
        # Title with `code`

        Text with *emphasis*, **strong [link](other.md#part "Tip")** and a note.[^1] Cited.[@a; @b]
        Second line\\
        after a break.

        - item **one**
        - item two with <https://example.org>

        > quoted *text*

        | Setting | Value |
        |---------|-------|
        | Width   | `a\\|b` |

        ![A pad on the back](images/pad.svg "Where the pad goes")

        ```pulse
        preset: tens
        ```

        Setext heading
        --------------

        [^1]: The note's text.
        """

    func blocks() -> [TextBlock] { TextBlockReader.blocks(in: Self.page) }

    func content(_ block: TextBlock) -> String {
        String(decoding: Array(Self.page.utf8)[block.contentRange], as: UTF8.self)
    }

    func testBlocksHaveStructuralIDsAndSkipCode() {
        XCTAssertEqual(
            blocks().map(\.id),
            [
                "h1", "p1", "list1.item1.p1", "list1.item2.p1", "quote1.p1", "table1.row1.cell1", "table1.row1.cell2",
                "table1.row2.cell1", "table1.row2.cell2", "p2", "h2", "footnote1.p1",
            ])
        XCTAssertFalse(blocks().contains { content($0).contains("preset") })
    }

    func testContentRangesCoverOnlyTheText() {
        let byID = Dictionary(uniqueKeysWithValues: blocks().map { ($0.id, content($0)) })
        XCTAssertEqual(byID["h1"], "Title with `code`")
        XCTAssertEqual(byID["h2"], "Setext heading")
        XCTAssertEqual(byID["list1.item1.p1"], "item **one**")
        XCTAssertEqual(byID["quote1.p1"], "quoted *text*")
        XCTAssertEqual(byID["table1.row1.cell2"], "Value")
        XCTAssertEqual(byID["table1.row2.cell2"], "`a\\|b`")
        XCTAssertEqual(byID["footnote1.p1"], "The note's text.")
        XCTAssertTrue(byID["p1"]?.hasPrefix("Text with") == true)
        XCTAssertTrue(byID["p1"]?.hasSuffix("after a break.") == true)
    }

    func testInlineMarkupBecomesCodesAndDestinationsStayOut() throws {
        let paragraph = try XCTUnwrap(blocks().first { $0.id == "p1" })
        XCTAssertEqual(
            MarkupShape(paragraph.pieces).description,
            "start of emphasis, end of emphasis, start of strong, start of link, end of link, end of strong, "
                + "footnote reference, citation, line break")
        let texts = paragraph.pieces.compactMap { piece -> String? in
            if case .text(let text) = piece { return text }
            return nil
        }.joined()
        XCTAssertFalse(texts.contains("other.md"))
        XCTAssertFalse(texts.contains("@a"))
        XCTAssertTrue(
            paragraph.pieces.contains(
                .start(InlineCode(id: 3, kind: .link(destination: "other.md#part", title: "Tip")))))
    }

    /// What the import writes for a `[@key]` a translator typed reads back as that text, not a citation.
    func testAnEscapedCitationReadsBackAsText() throws {
        let typed: [InlinePiece] = [.text("See [@sluka2003] and [@a; @b].")]
        let paragraph = try XCTUnwrap(TextBlockReader.blocks(in: "x").first)
        let markdown = InlineMarkdown.write(typed, images: [], in: paragraph)
        XCTAssertEqual(markdown, "See \\[\\@sluka2003\\] and \\[\\@a; \\@b\\].")
        XCTAssertEqual(TextBlockReader.blocks(in: markdown).first?.pieces, typed)
        XCTAssertEqual(
            MarkupShape(readingBack: "Cited [@sluka2003].", as: .paragraph).description, "citation",
            "unescaped, it is a citation")
    }

    func testPicturesGiveAltTextAndCaption() throws {
        let figure = try XCTUnwrap(blocks().first { $0.id == "p2" })
        XCTAssertEqual(
            figure.images,
            [ImageText(altText: "A pad on the back", title: "Where the pad goes", destination: "images/pad.svg")])
        XCTAssertFalse(figure.hasText)
    }

    func testFirstUseOfAGlossaryTermIsMarked() throws {
        let blocks = TextBlockReader.blocks(in: "TENS here.\n\nTENS again.", terms: [TermPattern(phrases: ["TENS"])])
        XCTAssertEqual(blocks[0].pieces, [.term("TENS"), .text(" here.")])
        XCTAssertEqual(blocks[1].pieces, [.text("TENS again.")])
    }

    /// Every block written back from its own pieces reads back with the same markup and text.
    func testWritingBackAnUnchangedBlockKeepsItsShapeAndText() {
        for block in blocks() {
            let written = InlineMarkdown.write(block.pieces, images: block.images, in: block)
            let footnotes = block.pieces.compactMap { piece -> String? in
                if case .standalone(let code) = piece, case .footnoteReference(let label) = code.kind { return label }
                return nil
            }
            XCTAssertEqual(
                MarkupShape(readingBack: written, as: block.kind, footnotes: footnotes), MarkupShape(block.pieces),
                block.id)
            var page = Array(Self.page.utf8)
            page.replaceSubrange(block.contentRange, with: Array(written.utf8))
            let again = TextBlockReader.blocks(in: String(decoding: page, as: UTF8.self)).first { $0.id == block.id }
            XCTAssertEqual(again?.pieces, block.pieces, block.id)
        }
    }

    /// A footnote reference keeps its label, not the number cmark-gfm gives the footnote.
    func testFootnoteReferencesAreWrittenBackWithTheirLabels() {
        let block = TextBlockReader.blocks(in: "Second.[^note] First.[^10]\n\n[^10]: A.\n\n[^note]: B.\n")[0]
        XCTAssertEqual(
            InlineMarkdown.write(block.pieces, images: block.images, in: block), "Second.[^note] First.[^10]")
    }

    func testTextIsWrittenAsLiteralText() {
        let block = TextBlockReader.blocks(in: "x")[0]
        let hostile =
            "<script>alert(1)</script> [click](https://evil.example) www.evil.example *no* `x` &amp; "
            + "https://evil.example"
        let written = InlineMarkdown.write([.text(hostile)], images: [], in: block)
        XCTAssertEqual(TextBlockReader.blocks(in: written).first?.pieces, [.text(hostile)])
        let html = MarkdownConverter.convert(written, isInternal: { _ in false }).html
        XCTAssertFalse(html.contains("<a"), html)
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("<em>"), html)
    }

    func testTextThatWouldStartABlockStaysInItsParagraph() {
        let block = TextBlockReader.blocks(in: "x")[0]
        for text in ["- not a list", "1. not a list", "# not a heading", "> not a quote", "+ plus", "==="] {
            let written = InlineMarkdown.write([.text(text)], images: [], in: block)
            XCTAssertEqual(TextBlockReader.blocks(in: written).map(\.pieces), [[.text(text)]], text)
        }
    }

    func testShapeCatchesMarkupMarkdownCannotExpress() {
        let nestedLinks = "[a [b](u2) c](u1)"
        let expected = MarkupShape([
            .start(InlineCode(id: 1, kind: .link(destination: "u1", title: ""))),
            .start(InlineCode(id: 2, kind: .link(destination: "u2", title: ""))),
            .end(InlineCode(id: 2, kind: .link(destination: "u2", title: ""))),
            .end(InlineCode(id: 1, kind: .link(destination: "u1", title: ""))),
        ])
        XCTAssertNotEqual(MarkupShape(readingBack: nestedLinks, as: .paragraph), expected)
    }
}
