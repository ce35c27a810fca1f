public import CommonMark
public import SiteModel
import SiteResolver
import SiteSupport

/// Links from a term's first use in a page to its entry on the glossary page
/// of the page's content language, with the definition as the link's title
/// (readable without JavaScript; the glossary page holds the full list).
struct GlossaryLinks: Sendable {
    /// Per locale, its glossary page.
    private var entries: [String: GlossaryPage] = [:]
    /// Per locale, its glossary's definitions (not the graph: see `LinkResolver`).
    private var definitions: [String: [String]] = [:]

    init(graph: SiteGraph, converted: [RenderedMarkdown]) {
        for locale in graph.locales where !locale.glossary.isEmpty {
            definitions[locale.tag] = locale.glossary.map(\.definition)
            guard let index = graph.pagesByID[locale.tag]?[GlossaryPages.id], !graph.pages[index].isFallback else {
                continue
            }
            let anchors = converted[index].headings.map(\.anchor)
            // One h2 per term, in order; anything else means the page was not ours.
            guard anchors.count == locale.glossary.count else { continue }
            entries[locale.tag] = GlossaryPage(url: graph.pages[index].url, anchors: anchors)
        }
    }

    /// A locale's glossary page, as term links lead to it: its URL and, per term, its heading anchor.
    private struct GlossaryPage: Sendable {
        let url: String
        let anchors: [String]
    }

    /// The tags around a use of term `term` in content of `contentLocale`.
    func tags(term: Int, contentLocale: String) -> TermLinkTags? {
        guard let entry = entries[contentLocale], let definitions = definitions[contentLocale],
            term < definitions.count
        else { return nil }
        let href = HTMLEscape.text(entry.url + "#" + entry.anchors[term])
        return TermLinkTags(
            open: "<a class=\"term\" href=\"\(href)\" title=\"\(HTMLEscape.text(definitions[term]))\">", close: "</a>")
    }
}

extension LocaleConfig {
    /// The locale's glossary terms as patterns for the Markdown converter, which marks each first use.
    public var termPatterns: [TermPattern] {
        glossary.map { TermPattern(phrases: $0.matches) }
    }
}
