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
        // Each page copied once into its locale's array, which is then taken out of the dictionary
        // to have the borrowed pages appended: `site.pages + glossaries` and `localePages +
        // borrowed` each copied every page, on the serial path (at 40 locales, 0.4 % of a build).
        var pagesByLocale = Dictionary(grouping: site.pages, by: \.locale)
        for glossary in glossaries { pagesByLocale[glossary.locale, default: []].append(glossary) }
        let borrowedByLocale = site.locales.map { locale in
            FallbackPages.borrowed(by: locale, own: pagesByLocale[locale.tag] ?? [], pagesByLocale: pagesByLocale)
        }
        let sectionedByLocale = zip(site.locales, borrowedByLocale).map { locale, borrowed in
            var localePages = pagesByLocale.removeValue(forKey: locale.tag) ?? []
            localePages += borrowed
            return SectionTree.complete(consume localePages, locale: locale, siteTitle: site.config.title)
        }
        // Reserved once for every locale: reserving each locale's share in turn made the array
        // exactly that large, so that each locale moved every node before it (at 40 locales, a
        // twelfth of a build's processor time, most of it page faults on the new storage).
        pages.reserveCapacity(sectionedByLocale.reduce(0) { $0 + $1.pages.count })
        for (locale, sectioned) in zip(site.locales, sectionedByLocale) {
            // Each node made where it is stored, its page copied once: `pages += sectioned.map { … }`
            // copied every node once more, retaining and releasing each of its fields.
            for index in sectioned.order {
                let page = sectioned.pages[index]
                pages.append(
                    PageNode(
                        source: page, id: page.id, locale: locale.tag, url: "", outputPath: "", parent: nil,
                        isGenerated: index >= sectioned.firstGenerated))
            }
        }
        // `consume`: the graph's array is then the only one, so that the first change to a page does
        // not copy them all.
        var graph = SiteGraph(
            config: site.config, locales: site.locales, pages: consume pages, redirects: [], pagesByID: [:],
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
        var bySourcePath = graph.pagesBySourcePath
        var byID = graph.pagesByID
        // Pages are read in place: a page bound to a local copied the whole node (see `URLAssigner`).
        graph.pages.withUnsafeBufferPointer { pages in
            for index in pages.indices {
                let (locale, path, id) = (pages[index].locale, pages[index].source.relativePath, pages[index].id)
                // A borrowed page never takes the path of one the locale has itself. Paths are the files'
                // own, so a page whose id clashes keeps its path: links to it are still checked.
                if !pages[index].isFallback || bySourcePath[locale]?[path] == nil {
                    bySourcePath[locale, default: [:]][path] = index
                }
                if let existing = byID[locale]?[id] {
                    diagnostics.append(idClash(pages[index], pages[existing]))
                    continue
                }
                byID[locale, default: [:]][id] = index
            }
        }
        graph.pagesBySourcePath = bySourcePath
        graph.pagesByID = byID
    }

    /// The error of `page`, whose id `other` has already: at the page whose `id:` line made the
    /// clash, if one has it.
    private static func idClash(_ page: PageNode, _ other: PageNode) -> Diagnostic {
        let (reported, firstOwner) =
            page.source.frontMatter.id == nil && other.source.frontMatter.id != nil ? (other, page) : (page, other)
        let location =
            reported.source.frontMatter.id?.location ?? SourceLocation(file: reported.source.file, line: 1, column: 1)
        return .error(
            location, "id '\(page.id)' is already used by \(firstOwner.source.file) in locale '\(page.locale)'")
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
        // Read in place, then stored (see `index`).
        var related = Array(repeating: [Int](), count: graph.pages.count)
        var translated = Array(repeating: [Int](), count: graph.pages.count)
        graph.pages.withUnsafeBufferPointer { pages in
            for index in pages.indices {
                let locale = pages[index].locale
                let ids = graph.pagesByID[locale] ?? [:]
                for id in pages[index].source.frontMatter.related {
                    if let target = ids[id.value] {
                        related[index].append(target)
                    } else if !allIDs.contains(id.value) {
                        let leftOut = graph.leftOut.page(
                            id: id.value, in: locale, fallback: graph.config.defaultLocale)
                        // A page with errors of its own: those say what is wrong.
                        if let leftOut, leftOut.reason == .hasErrors { continue }
                        let hint =
                            leftOut?.advice.map { ": \($0)" }
                            ?? suggestion(for: id.value, ids: ids, drafts: graph.leftOut.drafts(in: locale))
                        relatedErrors.add(
                            .error(id.location, "related: no page has id '\(id.value)'\(hint)"), locale: locale)
                    }
                }
                translated[index] = translations[pages[index].id] ?? []
            }
        }
        for index in graph.pages.indices {
            if !related[index].isEmpty { graph.pages[index].related += related[index] }
            graph.pages[index].translations = translated[index]
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
