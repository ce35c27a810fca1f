import Foundation
import Pictures
import SiteModel
import SiteRenderer
import SiteResolver
import TestSupport

/// A small site in memory: two locales, a home page and two topics in
/// English, a home page and one topic in Spanish, and a theme whose
/// templates show a page's title and body.
enum RenderFixture {
    static let topicBody = "Some **text** about TENS. See [the pads](pads.md).\n"

    static func pages(topicBody: String = topicBody) -> [SourcePage] {
        [
            InMemorySite.page("_index.md", title: "Home"),
            InMemorySite.page("tens.md", title: "TENS", body: topicBody),
            InMemorySite.page("pads.md", title: "Pads", body: "Where the pads go.\n"),
            InMemorySite.page("_index.md", locale: "es", title: "Inicio"),
            InMemorySite.page("tens.md", locale: "es", title: "TENS es", body: "Un texto.\n"),
        ]
    }

    /// The strings the renderer fills in itself, each as its key in brackets.
    static let strings = Dictionary(
        uniqueKeysWithValues: [
            "backToContent", "fallbackNotice", "footnotesTitle", "lastReviewed", "nextReviewDue", "notReviewed",
            "referencesTitle", "tableLabel", "untranslated",
        ].map { ($0, "[\($0)]") })

    static func graph(topicBody: String = topicBody) throws -> SiteGraph {
        try InMemorySite.graph(pages(topicBody: topicBody), strings: strings)
    }

    static func theme(for graph: SiteGraph) throws -> Theme {
        let body = "<h1>{{page.title}}</h1>{{{page.content}}}"
        let templates = [
            "home": body, "section": body, "topic": body, "glossary": body, "search": "{{page.title}}",
            "404": "{{page.title}}", "redirect": "{{page.title}}", "root": "{{page.title}}",
        ]
        return try Theme.compile(
            templates,
            assets: [Theme.Asset(name: "style.css", outputPath: "assets/style.1234abcd.css", contents: Data())],
            stringKeys: Set(graph.locales.flatMap(\.strings.keys)), kinds: PageKind.published(in: graph))
    }

    /// No picture is made: the pages use none.
    static let pictures = PictureSettings(plan: PicturePlan(pixelLimit: 1_000_000), cache: nil)

    /// The index of the page at `url`.
    static func index(of url: String, in graph: SiteGraph) -> Int {
        graph.pages.firstIndex { $0.url == url }!
    }
}
