import Foundation
import SiteModel
import SiteRenderer
import SiteResolver
import TestSupport
import XCTest

/// The search pages' stemmers: each page names its language's, and only the languages the site has
/// are published.
final class StemmerPublishingTests: XCTestCase {
    private func stemmer(_ algorithm: String) -> Theme.Asset {
        Theme.Asset(
            name: "\(algorithm).wasm", outputPath: "assets/stemmer-\(algorithm).0000abcd.wasm",
            contents: Data(algorithm.utf8))
    }

    private func render(locales: [String]) throws -> RecordingSink {
        let pages = locales.map { InMemorySite.page("_index.md", locale: $0, title: "Home \($0)") }
        let graph = try InMemorySite.graph(pages, locales: locales, strings: RenderFixture.strings)
        var theme = try Theme.compile(
            [
                "home": "", "section": "", "topic": "", "glossary": "", "search": "[{{stemmerURL}}]", "404": "",
                "redirect": "", "root": "",
            ],
            stringKeys: Set(graph.locales.flatMap(\.strings.keys)), kinds: PageKind.published(in: graph))
        theme.stemmers = Dictionary(
            uniqueKeysWithValues: ["english", "spanish", "arabic"].map { ($0, stemmer($0)) })
        let sink = RecordingSink()
        _ = try SiteRenderer.renderSite(graph, theme: theme, into: sink, pictures: RenderFixture.pictures)
        return sink
    }

    func testEachSearchPageNamesItsLanguagesStemmer() throws {
        let sink = try render(locales: ["en", "es-419", "ja"])
        XCTAssertEqual(sink.text("en/search/index.html"), "[/assets/stemmer-english.0000abcd.wasm]")
        XCTAssertEqual(sink.text("es-419/search/index.html"), "[/assets/stemmer-spanish.0000abcd.wasm]")
        XCTAssertEqual(sink.text("ja/search/index.html"), "[]", "Snowball has no Japanese: unstemmed")
    }

    func testOnlyTheSiteLanguagesStemmersArePublished() throws {
        let sink = try render(locales: ["en", "es-419", "ja"])
        let published = sink.files.keys.filter { $0.hasPrefix("assets/stemmer-") }.sorted()
        XCTAssertEqual(
            published, ["assets/stemmer-english.0000abcd.wasm", "assets/stemmer-spanish.0000abcd.wasm"])
        XCTAssertEqual(sink.text("assets/stemmer-english.0000abcd.wasm"), "english")
    }
}
