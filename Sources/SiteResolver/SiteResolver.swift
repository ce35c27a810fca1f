public import SiteModel
import SiteSupport

/// Stage 2: gives every page its id, URL and place in the section tree, pairs
/// translations and checks that nothing collides. Collects every error.
public enum SiteResolver {
    public static func resolve(_ site: LoadedSite) throws(BuildFailure) -> SiteGraph {
        var log = DiagnosticsLog()
        let graph = resolve(site, log: &log)
        if log.hasErrors { throw log.failure() }
        return graph
    }

    /// The site resolved as far as it goes, its errors appended to `log`: a page whose related id or
    /// URL is wrong is still in the graph, so the later stages check every page's links and blocks
    /// too. A graph with errors is for checking only, never for writing.
    public static func resolve(_ site: LoadedSite, log: inout DiagnosticsLog) -> SiteGraph {
        var diagnostics: [Diagnostic] = []
        var pages: [PageNode] = []
        let glossaries = GlossaryPages.pages(for: site.locales, defaultLocale: site.config.defaultLocale)
        let pagesByLocale = Dictionary(grouping: site.pages + glossaries, by: \.locale)
        for locale in site.locales {
            let localePages = pagesByLocale[locale.tag] ?? []
            let borrowed = FallbackPages.borrowed(by: locale, own: localePages, pagesByLocale: pagesByLocale)
            let sectioned = SectionTree.complete(localePages + borrowed, locale: locale, siteTitle: site.config.title)
            pages += sectioned.map {
                PageNode(
                    source: $0.page, id: $0.page.id, locale: locale.tag, url: "", outputPath: "", parent: nil,
                    isGenerated: $0.isGenerated)
            }
        }
        var graph = SiteGraph(
            config: site.config, locales: site.locales, pages: pages, redirects: [], pagesByID: [:],
            pagesBySourcePath: [:])
        graph.pulsePresets = site.pulsePresets
        graph.leftOut = LeftOutPages(site.leftOut)
        graph.files = FileIndex(site.files, locales: site.locales)
        index(&graph, diagnostics: &diagnostics)
        URLAssigner.assign(&graph, diagnostics: &diagnostics)
        SectionTree.link(&graph)
        FallbackPages.link(&graph)
        linkRelatedAndTranslations(&graph, diagnostics: &diagnostics)
        RedirectPlanner.plan(&graph, diagnostics: &diagnostics)
        TranslationTracker.track(&graph)
        graph.brokenBlocks = site.brokenBlocks
        if !site.blocks.isEmpty || !site.config.requiredBlocks.isEmpty {
            SharedBlocks.resolve(&graph, blocks: site.blocks, diagnostics: &diagnostics)
        }
        GlossaryCoverage.check(&graph)
        log.append(diagnostics)
        return graph
    }

    private static func index(_ graph: inout SiteGraph, diagnostics: inout [Diagnostic]) {
        for (index, page) in graph.pages.enumerated() {
            // A borrowed page never takes the path of one the locale has itself. Paths are the files'
            // own, so a page whose id clashes keeps its path: links to it are still checked.
            if !page.isFallback || graph.pagesBySourcePath[page.locale]?[page.source.relativePath] == nil {
                graph.pagesBySourcePath[page.locale, default: [:]][page.source.relativePath] = index
            }
            if let existing = graph.pagesByID[page.locale]?[page.id] {
                // Point at the page whose `id:` line made the clash, if one has it.
                let other = graph.pages[existing]
                let (reported, firstOwner) =
                    page.source.frontMatter.id == nil && other.source.frontMatter.id != nil
                    ? (other, page) : (page, other)
                let location =
                    reported.source.frontMatter.id?.location
                    ?? SourceLocation(file: reported.source.file, line: 1, column: 1)
                diagnostics.append(
                    .error(
                        location,
                        "id '\(page.id)' is already used by \(firstOwner.source.file) in locale '\(page.locale)'"))
                continue
            }
            graph.pagesByID[page.locale, default: [:]][page.id] = index
        }
    }

    private static func linkRelatedAndTranslations(_ graph: inout SiteGraph, diagnostics: inout [Diagnostic]) {
        var relatedErrors = LocaleDiagnostics()
        let allIDs = Set(graph.pagesByID.values.flatMap(\.keys))
        // Each id's pages in locale order, gathered once: looking the id up in every locale's table
        // for every page took pages × locales lookups, half a second at 40 locales.
        var translations: [String: [Int]] = [:]
        for locale in graph.locales {
            for (id, index) in graph.pagesByID[locale.tag] ?? [:] { translations[id, default: []].append(index) }
        }
        for index in graph.pages.indices {
            let page = graph.pages[index]
            let ids = graph.pagesByID[page.locale] ?? [:]
            for related in page.source.frontMatter.related {
                if let target = ids[related.value] {
                    graph.pages[index].related.append(target)
                } else if !allIDs.contains(related.value) {
                    let leftOut = graph.leftOut.page(
                        id: related.value, in: page.locale, fallback: graph.config.defaultLocale)
                    // A page with errors of its own: those say what is wrong.
                    if let leftOut, leftOut.reason == .hasErrors { continue }
                    let hint =
                        leftOut?.advice.map { ": \($0)" }
                        ?? suggestion(for: related.value, ids: ids, drafts: graph.leftOut.drafts(in: page.locale))
                    relatedErrors.add(
                        .error(related.location, "related: no page has id '\(related.value)'\(hint)"),
                        locale: page.locale)
                }
            }
            graph.pages[index].translations = translations[page.id] ?? []
        }
        // A borrowed copy has its original's `related:` line: one error for all of them.
        diagnostics += relatedErrors.merged
    }

    /// " (did you mean 'scs'?)" for a mistyped related id: the closest page id of the locale, or
    /// of its drafts, saying so, as a mistyped link does.
    private static func suggestion(for id: String, ids: [String: Int], drafts: [LeftOutPage]) -> String {
        guard let hint = Suggestion.closestID(to: id, in: Array(ids.keys) + drafts.map(\.id)) else { return "" }
        let draft = ids[hint] == nil ? drafts.first { $0.id == hint } : nil
        return " (did you mean '\(hint)'?" + (draft?.advice.map { " \($0)" } ?? "") + ")"
    }
}
