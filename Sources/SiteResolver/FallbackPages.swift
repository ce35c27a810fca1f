import SiteModel

/// Pages a locale has not translated yet, borrowed along its fallback chain:
/// published at the locale's own URLs, in its navigation and strings, with
/// the content of the first locale in the chain that has them.
enum FallbackPages {
    /// The pages `locale` borrows: for each id it lacks, the page of the first
    /// locale in its chain that has one. The borrowed `SourcePage` keeps its own
    /// locale (the language of its content); its node gets `locale`.
    /// A locale that publishes no borrowed copies borrows topics only: its
    /// home and section pages are its own (or generated), so its structure
    /// stays in its language while untranslated topics link elsewhere.
    static func borrowed(by locale: LocaleConfig, own: [SourcePage], pagesByLocale: [String: [SourcePage]])
        -> [SourcePage]
    {
        var present = Set(own.map(\.id))
        var borrowed: [SourcePage] = []
        for tag in locale.fallbackChain {
            for page in pagesByLocale[tag] ?? [] where locale.publishesFallbackPages || page.kind == .topic {
                if present.insert(page.id).inserted { borrowed.append(page) }
            }
        }
        return borrowed
    }

    /// Marks borrowed nodes and points each at the page whose content it
    /// shows; in a locale without borrowed copies, a node takes its
    /// original's URL and publishes nothing.
    static func link(_ graph: inout SiteGraph) {
        let unpublishing = Set(graph.locales.filter { !$0.publishesFallbackPages }.map(\.tag))
        for index in graph.pages.indices where graph.pages[index].isFallback {
            // The fields read where they are: `let page = graph.pages[index]` copied the whole node.
            let (contentLocale, id) = (graph.pages[index].source.locale, graph.pages[index].id)
            graph.pages[index].translationStatus = .fallback
            guard let shown = graph.pagesByID[contentLocale]?[id] else { continue }
            graph.pages[index].fallbackOf = shown
            if unpublishing.contains(graph.pages[index].locale) {
                graph.pages[index].isPublished = false
                graph.pages[index].url = graph.pages[shown].url
                graph.pages[index].outputPath = ""
            }
        }
    }
}
