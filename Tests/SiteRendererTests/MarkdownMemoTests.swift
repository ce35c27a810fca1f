import CommonMark
import SiteModel
import SiteResolver
import SiteSupport
import TestSupport
import XCTest

@testable import SiteRenderer

final class MarkdownMemoTests: XCTestCase {
    /// A conversion no converter makes: a page that shows it was not converted again.
    private let planted = MarkdownConversion(
        rendered: RenderedMarkdown(
            htmlBytes: Array("<p>from the memo</p>".utf8), headings: [], internalLinks: [], images: [], plainText: ""),
        words: 3, level: nil)

    /// The memo with `planted` as the conversion of the English topic of `graph`, as it is now.
    private func memo(for graph: SiteGraph) -> MarkdownMemo {
        let options = LocaleOptions(config: graph.config, locales: graph.locales)
        var memo = MarkdownMemo()
        memo[options.conversionInput(graph.pages[RenderFixture.index(of: "/en/tens/", in: graph)])] = planted
        return memo
    }

    private func renderedTopic(_ graph: SiteGraph, memo: MarkdownMemo) throws -> String {
        let sink = RecordingSink()
        _ = try SiteRenderer.renderSite(
            graph, theme: RenderFixture.theme(for: graph), into: sink, memo: memo, pictures: RenderFixture.pictures)
        return try XCTUnwrap(sink.text("en/tens/index.html"))
    }

    func testAnUnchangedInputReusesItsConversion() throws {
        let graph = try RenderFixture.graph()
        XCTAssertEqual(try renderedTopic(graph, memo: memo(for: graph)), "<h1>TENS</h1><p>from the memo</p>")
    }

    func testAChangedInputIsConvertedAgain() throws {
        let memo = memo(for: try RenderFixture.graph())
        let edited = try RenderFixture.graph(topicBody: "Other text.\n")
        let html = try renderedTopic(edited, memo: memo)
        XCTAssertFalse(html.contains("from the memo"), html)
        XCTAssertTrue(html.contains("<p>Other text.</p>"), html)
    }

    func testInputsDifferInBodyLanguageAndOptions() {
        let options = Fingerprint(high: 1, low: 2)
        let input = ConversionInput(body: Fingerprint.of("Text."), language: "en", options: options)
        XCTAssertEqual(input, ConversionInput(body: Fingerprint.of("Text."), language: "en", options: options))
        XCTAssertNotEqual(input, ConversionInput(body: Fingerprint.of("Text!"), language: "en", options: options))
        XCTAssertNotEqual(input, ConversionInput(body: Fingerprint.of("Text."), language: "es", options: options))
        XCTAssertNotEqual(
            input,
            ConversionInput(body: Fingerprint.of("Text."), language: "en", options: Fingerprint(high: 1, low: 3)))
    }
}
