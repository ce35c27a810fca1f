public import CommonMark
public import Foundation
import SiteModel
public import SiteResolver
import SiteSupport

/// Each locale's search index: every page's title, description, section and
/// headings, and every glossary term, for the search page's script to search
/// offline. One JSON file per locale, content-hashed like the other assets.
/// Written by JSONWriter, keys sorted, escaped as JSONEncoder escapes
/// (JSONEncoder itself was a tenth of a build's time).
public enum SearchIndex {
    /// Each page's description and headings as JSON members, made once per
    /// page with content of its own: a borrowed copy's entry reuses its
    /// original's (`"description":…,"headings":[…]`).
    public struct ContentMembers: Sendable {
        fileprivate let bytes: [[UInt8]]

        public init(_ graph: SiteGraph, headings: [[Heading]]) {
            bytes = graph.pages.indices.map { index in
                let page = graph.pages[index]
                guard page.fallbackOf == nil, page.source.kind != .home else { return [] }
                let shown =
                    page.id == GlossaryPages.id
                    ? [] : headings[index].filter { (2...3).contains($0.level) }.map(\.text)
                return SearchIndex.members(description: page.source.frontMatter.description, headings: shown)
            }
        }

        fileprivate subscript(_ page: Int, in graph: SiteGraph) -> [UInt8] {
            bytes[graph.pages[page].fallbackOf ?? page]
        }
    }

    public static func json(locale tag: String, graph: SiteGraph, headings: [[Heading]], members: ContentMembers)
        -> Data
    {
        var json = JSONWriter(escaping: .minimal)
        func append(_ content: [UInt8], section: String, title: String, url: String, to json: inout JSONWriter) {
            json.object { json in
                json.rawMembers(content)
                json.key("section")
                json.string(section)
                json.key("title")
                json.string(title)
                json.key("url")
                json.string(url)
            }
        }
        json.list { json in
            for (index, page) in graph.pages.enumerated() where page.locale == tag && page.source.kind != .home {
                let section =
                    page.parent.map { graph.pages[$0].source.kind == .home ? "" : graph.pages[$0].title } ?? ""
                append(members[index, in: graph], section: section, title: page.title, url: page.url, to: &json)
            }
            if let glossary = graph.pagesByID[tag]?[GlossaryPages.id] {
                // Terms come from the glossary page's content language (a borrowed page's original).
                let terms = graph.contentLocale(of: graph.pages[glossary]).glossary
                for (term, heading) in zip(terms, headings[glossary]) {
                    append(
                        Self.members(description: term.definition, headings: []),
                        section: graph.pages[glossary].title,
                        title: term.term, url: graph.pages[glossary].url + "#" + heading.anchor, to: &json
                    )
                }
            }
        }
        return Data(json.bytes)
    }

    /// `"description":…,"headings":[…]`: keys sorted, as JSONEncoder sorts them.
    private static func members(description: String, headings: [String]) -> [UInt8] {
        var json = JSONWriter(escaping: .minimal)
        json.key("description")
        json.string(description)
        json.key("headings")
        json.array(headings)
        return json.bytes
    }

    /// `assets/search-es.3f2a9c1b.json`.
    public static func path(locale tag: String, contents: Data) -> String {
        "assets/search-\(tag).\(ContentHash.of(contents)).json"
    }
}
