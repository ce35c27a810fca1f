import CommonMark
import Foundation
import XCTest

/// Our render callback writes footnotes, tables and pictures itself, byte for byte as cmark-gfm's
/// `html.c` would except where the site means to differ. These tests feed the same Markdown to
/// `MarkdownConverter` and to the `cmark-gfm` command (Debian's package `cmark-gfm`, the same
/// library; `Scripts/install-deps.sh test` installs it), with the extensions and options a build
/// uses, and compare the HTML. Internal links and images are filled as cmark-gfm writes them
/// (`html(resolvingLinks:)`), so that everything around their holes is compared too.
final class CmarkGFMParityTests: XCTestCase {
    private static let markdown = """
        # Pulse width

        Claim one.[^a] Claim two.[^b] Again.[^a] A label to escape.[^é]

        | Left | *Centre* | Right |
        |:-----|:--------:|------:|
        | `a \\| b` | [x](/en/tens/) | 3 |
        | ~~old~~ | | **bold** |

        ![A *pulse* `diagram`](pulse.png "Pulse") and ![plain](a.png?x=1&y=2) in text, [a page](/en/tens/ "TENS").

        ![Figure alt](figure.png "Caption")

        ![Script](javascript:alert(1))

        [^a]: First note.

            Second paragraph.
        [^b]: Second note with [a link](https://example.org).
        [^é]: A note that ends in a list:

            - one
            - two
        """

    /// What a build writes differently from cmark-gfm, on purpose, in `markdown`: headings get
    /// ids (for the contents and links to sections), and a picture alone in its paragraph with a
    /// caption is a figure, which may not sit inside `<p>`.
    private static func siteDifferences(_ cmark: String) -> String {
        cmark.replacing("<h1>Pulse width</h1>", with: "<h1 id=\"pulse-width\">Pulse width</h1>")
            .replacing(
                "<p><img src=\"figure.png\" alt=\"Figure alt\" title=\"Caption\" /></p>",
                with: "<img src=\"figure.png\" alt=\"Figure alt\" title=\"Caption\" />")
    }

    /// Without footnote labels or a table label, footnotes and tables are cmark-gfm's own.
    func testDefaultOptionsWriteWhatCmarkGFMWrites() throws {
        let cmark = try Self.cmarkGFM(Self.markdown)
        XCTAssertEqual(Self.ours(Self.markdown, MarkdownOptions()), Self.siteDifferences(cmark))
    }

    /// With a build's options, the callback writes footnotes and tables: the same bytes as
    /// cmark-gfm, but for the localized footnote heading and back-link label, and each table
    /// inside a named scrolling region.
    func testSiteOptionsDifferOnlyInLabelsAndTheTableRegion() throws {
        var options = MarkdownOptions(
            footnoteLabels: FootnoteLabels(title: "Notes", backLink: "Back to the text"), embedLanguages: ["pulse"],
            collectsPlainText: false, tableLabel: "Table")
        options.terms = []
        let cmark = try Self.cmarkGFM(Self.markdown)
        let expected = Self.siteDifferences(cmark)
            .replacing(
                "<table>",
                with: "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table\">\n<table>"
            )
            .replacing("</table>\n", with: "</table>\n</div>\n")
            .replacing(
                "<section class=\"footnotes\" data-footnotes>\n<ol>",
                with: "<section class=\"footnotes\" data-footnotes>\n<h2>Notes</h2>\n<ol>"
            )
            .replacing("aria-label=\"Back to content\"", with: "aria-label=\"Back to the text\"")
        XCTAssertNotEqual(expected, cmark, "the options change something")
        XCTAssertEqual(Self.ours(Self.markdown, options), expected)
    }

    /// The pieces compared above are there at all (a test of the test's Markdown).
    func testTheMarkdownHasFootnotesTablesAndPictures() throws {
        let cmark = try Self.cmarkGFM(Self.markdown)
        for piece in [
            "<li id=\"fn-%C3%A9\">", "<sup class=\"footnote-ref\">2</sup></a>", "</ul>\n<a href=\"#fnref-%C3%A9\"",
            "<th align=\"center\"><em>Centre</em></th>", "<td align=\"left\"><code>a | b</code></td>",
            "alt=\"A pulse diagram\" title=\"Pulse\"", "src=\"a.png?x=1&amp;y=2\"", "<img src=\"\" alt=\"Script\" />",
            "<a href=\"/en/tens/\" title=\"TENS\">a page</a>",
        ] {
            XCTAssertTrue(cmark.contains(piece), "\(piece) in\n\(cmark)")
        }
    }

    /// cmark-gfm's memory for a document comes from 64 KB arena blocks (see the shim): a document
    /// far larger, with a code block larger than a block and HTML that outgrows many, comes out as
    /// the command writes it.
    func testADocumentLargerThanManyArenaBlocksWritesWhatCmarkGFMWrites() throws {
        let blocks = """
            Some *emphasis*, a [link](https://example.org/x) and `code` -- with ~~strike~~ and www.example.org.

            | a | b |
            |---|---|
            | 1 | 2 |

            - [x] done
            - item


            """
        let code = "```\n" + String(repeating: "let x = 1 < 2 && \"y\"\n", count: 10_000) + "```\n\n"
        let markdown = String(repeating: blocks, count: 2_000) + code + String(repeating: blocks, count: 100)
        let html = Self.ours(markdown, MarkdownOptions())
        XCTAssertGreaterThan(html.utf8.count, 1_000_000)
        XCTAssertEqual(html, try Self.cmarkGFM(markdown))
    }

    private static func ours(_ markdown: String, _ options: MarkdownOptions) -> String {
        MarkdownConverter.convert(markdown, options: options, isInternal: { !$0.contains(":") })
            .html(resolvingLinks: { $0.destination })
    }

    /// The HTML of the `cmark-gfm` command, with the extensions and options `MarkdownConverter`
    /// parses with (smart punctuation on, raw HTML off).
    private static func cmarkGFM(_ markdown: String) throws -> String {
        let command = "/usr/bin/cmark-gfm"
        guard FileManager.default.isExecutableFile(atPath: command) else {
            XCTFail("\(command) is missing: Scripts/install-deps.sh test installs it (Debian package cmark-gfm)")
            throw CocoaError(.fileNoSuchFile)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments =
            ["--smart"]
            + ["footnotes", "table", "strikethrough", "autolink", "tagfilter", "tasklist"].flatMap {
                ["-e", $0]
            }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let html = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "cmark-gfm failed")
        return String(decoding: html, as: UTF8.self)
    }
}
