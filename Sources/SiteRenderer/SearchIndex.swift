import CommonMark
import Foundation
import SiteModel
import SiteResolver

/// Each locale's search index: every page's title, description, section and
/// headings, and every glossary term, for the search page's script to search
/// offline. One JSON file per locale, content-hashed like the other assets.
enum SearchIndex {
    struct Entry: Encodable {
        var title: String
        var description: String
        var url: String
        var section: String
        var headings: [String]
    }

    static func json(locale tag: String, graph: SiteGraph, headings: [[Heading]]) -> Data {
        var entries: [Entry] = []
        for (index, page) in graph.pages.enumerated() where page.locale == tag && page.source.kind != .home {
            entries.append(Entry(
                title: page.title, description: page.source.frontMatter.description, url: page.url,
                section: page.parent.map { graph.pages[$0].source.kind == .home ? "" : graph.pages[$0].title } ?? "",
                headings: page.id == GlossaryPages.id ? [] : headings[index].filter { (2...3).contains($0.level) }.map(\.text)
            ))
        }
        if let locale = graph.locale(tag), let glossary = graph.pagesByID[tag]?[GlossaryPages.id] {
            // Terms come from the glossary page's content language (a borrowed page's original).
            let terms = graph.locale(graph.pages[glossary].source.locale)?.glossary ?? locale.glossary
            for (term, heading) in zip(terms, headings[glossary]) {
                entries.append(Entry(title: term.term, description: term.definition, url: graph.pages[glossary].url + "#" + heading.anchor, section: graph.pages[glossary].title, headings: []))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(entries)) ?? Data("[]".utf8)
    }

    /// `assets/search-es.3f2a9c1b.json`.
    static func path(locale tag: String, contents: Data) -> String {
        "assets/search-\(tag).\(Theme.contentHash(contents)).json"
    }
}
