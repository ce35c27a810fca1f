import CommonMark
import XCTest

/// The document tree as Swift values: what segmentation reads instead of cmark-gfm's nodes.
final class MarkdownNodeTests: XCTestCase {
    func testBlocksAndInlinesKeepTheirKindsPositionsAndText() throws {
        let document = MarkdownNode.document(
            "## A *b*\n\n| x |\n|---|\n| [y](z.md \"T\") |\n\n- ![alt `c`](p.png)~~d~~[^n]\n\n[^n]: Note.\n")
        XCTAssertEqual(document.kind, .document)
        XCTAssertEqual(
            document.children.map(\.kind), [.heading(level: 2), .table, .list, .footnoteDefinition])
        let heading = document.children[0]
        XCTAssertEqual(heading.start, SourcePosition(line: 1, column: 1))
        XCTAssertEqual(heading.end, SourcePosition(line: 1, column: 8))
        XCTAssertEqual(heading.children.map(\.kind), [.text("A ", citations: []), .emphasis])
        XCTAssertEqual(heading.textContent, "A b")

        let rows = document.children[1].children
        XCTAssertEqual(rows.map(\.kind), [.tableRow, .tableRow])
        let link = try XCTUnwrap(rows[1].children.first?.children.first)
        XCTAssertEqual(link.kind, .link(destination: "z.md", title: "T"))

        let item = try XCTUnwrap(document.children[2].children.first)
        XCTAssertEqual(item.kind, .item)
        let inlines = try XCTUnwrap(item.children.first).children
        XCTAssertEqual(
            inlines.map(\.kind),
            [.image(destination: "p.png", title: ""), .strikethrough, .footnoteReference("n")])
        XCTAssertEqual(inlines[0].textContent, "alt c")
    }

    /// Citations are found as a build finds them: an escaped `[` or `@` makes text.
    func testTextCarriesTheCitationsABuildFinds() {
        let paragraph = MarkdownNode.document("Cited [@a; @b], typed \\[@c].").children[0]
        guard case .text(let text, let citations) = paragraph.children.first?.kind else {
            return XCTFail("\(paragraph)")
        }
        XCTAssertEqual(text, "Cited [@a; @b], typed [@c].")
        XCTAssertEqual(citations.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }, ["[@a; @b]"])
    }
}
