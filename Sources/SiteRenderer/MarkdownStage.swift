import CommonMark
import Foundation
import Readability
public import SiteModel
import SiteResolver
import SiteSupport
import SiteWideOutputs

/// Converts every page's Markdown on all cores, then resolves its links
/// against the whole site (anchors of every page are known by then).
public enum MarkdownStage {
    /// Ids the templates use; headings never take them.
    static let templateAnchors: Set<String> = [
        "references", "main", "top", "toc", "breadcrumbs", "related", "site-header", "site-footer", "disclaimer",
        "languages", "topics",
    ]

    /// What the stage made of every page: its converted Markdown, its finished
    /// body, its reading level and its problems.
    struct Result: Sendable {
        /// Each page's body, every hole filled for the page.
        var bodies: [PageBody]
        /// Each page's Markdown as converted (a borrowed page: its original's):
        /// its headings, explainer blocks and external links.
        var converted: [RenderedMarkdown]
        /// Each page's reading level (nil: borrowed or not scored).
        var readingLevels: [ProseStats?]
        /// The explainers' shared state grid, if any.
        var explainerStates: OutputFile?
        /// This run's conversions: a later run finds its pages' conversions here.
        var memo: MarkdownMemo
        /// The explainer blocks' and the pictures' problems.
        var siteDiagnostics: [Diagnostic]
        var embedDiagnostics: [Diagnostic]
        /// Each page's link, image, heading and citation problems.
        var pageDiagnostics: [[Diagnostic]]
        var readingDiagnostics: [Diagnostic?]
        /// Per page, what it fills in alike with every page showing its source.
        var shared: [PageBody.SharedFill]
        /// Per page placing shared blocks, the headings of the blocks (the search index shows them).
        var blockHeadings: [Int: [Heading]] = [:]

        /// Each page's headings as the search index shows them: its own, then its blocks'.
        var searchHeadings: [[Heading]] { converted.indices.map(searchHeadings(of:)) }

        /// Page `index`'s headings as the search index shows them.
        func searchHeadings(of index: Int) -> [Heading] {
            converted[index].headings + (blockHeadings[index] ?? [])
        }

        /// Each page's body as the search index reads it.
        var searchText: @Sendable (Int) -> [UInt8] {
            let bodies = bodies
            return { bodies[$0].searchText }
        }

        /// Every problem of the run: the explainers', the pictures' and every page's.
        var diagnostics: [Diagnostic] {
            // A block's own problems are found on every page placing it: reported once.
            var seen: Set<Diagnostic> = []
            return (siteDiagnostics + pageDiagnostics.flatMap { $0 } + readingDiagnostics.compactMap { $0 }).filter {
                seen.insert($0).inserted
            }
        }

        /// Page `index`'s links to PubMed and doi.org: its citations.
        func citations(_ index: Int) -> [String] {
            converted[index].externalLinks.filter(MarkdownStage.isCitation)
        }

        /// What other pages and files show of page `index` now (see `ConvertedPage.outline`).
        func outline(of index: Int) -> PageOutline { PageOutline(converted[index]) }

        /// Whether the explainer blocks of `file` had problems (which the state grid reflects).
        func hasEmbedProblems(in file: String) -> Bool {
            embedDiagnostics.contains { $0.location.file == file }
        }

        /// Page `index`'s problems: its body's and its reading level's.
        func diagnostics(of index: Int) -> [Diagnostic] {
            pageDiagnostics[index] + (readingDiagnostics[index].map { [$0] } ?? [])
        }

        /// Keeps a converted page in place of what the run had for it; `replaced`
        /// is the page's input as it was, whose memo entry goes (or a long preview
        /// would keep every version of the page).
        mutating func store(_ page: ConvertedPage, replacing replaced: ConversionInput) {
            if replaced != page.input { memo[replaced] = nil }
            memo[page.input] = page.conversion
            readingLevels[page.index] = page.readingStats
            readingDiagnostics[page.index] = page.readingDiagnostic
        }

        /// Keeps a finished body in place of what the run had for its page.
        mutating func store(_ page: FinishedPage) {
            converted[page.index] = page.rendered
            shared[page.index] = page.shared
            bodies[page.index] = page.body
            pageDiagnostics[page.index] = page.diagnostics
        }
    }

    /// One page's own Markdown, converted and its links, terms and
    /// citations resolved: what `run` computes for every page with content
    /// of its own, and what `MarkdownContext.convert` computes for one.
    struct ConvertedPage: Sendable {
        let index: Int
        let input: ConversionInput
        let conversion: MarkdownConversion
        let fill: PageBody.SharedFill
        /// Its links' and citations' problems.
        let diagnostics: [Diagnostic]
        /// Its reading level: its own text's, and its shared blocks' when it places some.
        let readingStats: ProseStats
        let readingDiagnostic: Diagnostic?

        /// What other pages and files show of it: its headings and explainer blocks (not their lines),
        /// and the pictures and files it uses (published by the whole build).
        var outline: PageOutline { PageOutline(conversion.rendered) }
    }

    /// One page's body, finished for the page that shows it (the page
    /// itself, or a borrowed copy).
    struct FinishedPage: Sendable {
        let index: Int
        let rendered: RenderedMarkdown
        let shared: PageBody.SharedFill
        let body: PageBody
        /// Its body's problems (for the page itself, its links' too).
        let diagnostics: [Diagnostic]
    }

    /// Strings the Markdown HTML needs besides those the templates use.
    static let usedStrings = [
        "footnotesTitle": "footnotes in Markdown", "backToContent": "footnotes in Markdown",
        "referencesTitle": "reference lists", "tableLabel": "tables in Markdown (their scrolling region)",
    ]

    /// What `run` makes: every page's result, and what single pages are converted and finished against.
    struct Outcome {
        let result: Result
        let context: MarkdownContext
    }

    /// - Parameter memo: earlier conversions; a page whose input matches one is not converted again.
    static func run(
        _ graph: SiteGraph, strings: LocaleStrings, explainers: ExplainerStage, memo: MarkdownMemo = MarkdownMemo(),
        pictures settings: PictureStage.Settings
    ) -> Outcome {
        let options = LocaleOptions(config: graph.config, locales: graph.locales)
        // Read once, in place: each `graph.pages[index].isFallback` below copied the whole node.
        let (isFallback, fallbackOf) = graph.pages.withUnsafeBufferPointer { pages in
            (pages.indices.map { pages[$0].isFallback }, pages.indices.map { pages[$0].fallbackOf })
        }
        // A borrowed page has its original's Markdown: converted once, links resolved per page.
        let own = graph.pages.indices.filter { !isFallback[$0] }
        let conversions = ParallelMap.map(own) { index in
            conversion(of: graph.pages[index], options: options, memo: memo)
        }
        var slots = [Int](repeating: 0, count: graph.pages.count)
        for (position, index) in own.enumerated() { slots[index] = position }
        let slot = slots
        let source = { (index: Int) in slot[fallbackOf[index] ?? index] }
        // Read in place: `conversions[…].conversion.rendered` copied the whole conversion to take
        // its Markdown, once per node (most nodes are borrowed copies at 40 locales).
        let converted = conversions.withUnsafeBufferPointer { conversions in
            graph.pages.indices.map { conversions[source($0)].conversion.rendered }
        }
        // A borrowed copy's anchors are its original's: one array per page with content, shared.
        let ownAnchors = conversions.map { $0.conversion.rendered.headings.map(\.anchor) }
        let embeds = explainers.render(graph, embeds: converted.map(\.embeds), strings: strings)
        let pictures = PictureStage.run(graph, converted: converted, own: own, settings: settings)
        let blocks = BlockStage(graph, pages: converted, options: options, strings: strings)
        let context = MarkdownContext(
            embedHTML: embeds.html, pictures: pictures, options: options,
            allowsRemotePictures: graph.config.allowsRemotePictures,
            resolver: LinkResolver(graph: graph, headingAnchors: graph.pages.indices.map { ownAnchors[source($0)] }),
            glossary: GlossaryLinks(graph: graph, converted: converted), strings: strings, blocks: blocks)
        // Links, glossary terms and citations once per source, shared by its borrowed copies.
        let ownPages = ParallelMap.map(own) { index in
            context.checked(index, page: graph.pages[index], conversion: conversions[slot[index]], graph: graph)
        }
        let shared = graph.pages.indices.map { ownPages[source($0)].fill }
        let finished = ParallelMap.map(Array(graph.pages.indices)) { index in
            // A page that is only linked to has no body to write.
            guard graph.pages[index].isPublished else { return MarkdownContext.CheckedBody.empty }
            return context.finish(index, page: graph.pages[index], rendered: converted[index], shared: shared[index])
        }
        // The search index shows a page's blocks' headings (in its locale) as its own.
        var blockHeadings: [Int: [Heading]] = [:]
        for index in own where converted[index].embeds.contains(where: BlockStage.isPlacement) {
            blockHeadings[index] = blocks.headings(of: converted[index].embeds, locale: graph.pages[index].locale)
        }
        let result = Result(
            bodies: finished.map(\.body), converted: converted,
            readingLevels: graph.pages.indices.map { index in
                isFallback[index] ? nil : ownPages[slot[index]].readingStats
            },
            explainerStates: embeds.states, memo: MarkdownMemo(conversions),
            siteDiagnostics: embeds.diagnostics + pictures.diagnostics + blocks.diagnostics,
            embedDiagnostics: embeds.diagnostics,
            pageDiagnostics: graph.pages.indices.map { index in
                finished[index].diagnostics + (isFallback[index] ? [] : ownPages[slot[index]].diagnostics)
            },
            readingDiagnostics: graph.pages.indices.map {
                isFallback[$0] ? nil : ownPages[slot[$0]].readingDiagnostic
            },
            shared: shared, blockHeadings: blockHeadings
        )
        return Outcome(result: result, context: context)
    }

    /// The Markdown of pages as loaded, converted before the site is
    /// resolved (the builder runs it beside the resolver): a memo `run` finds
    /// every page's conversion in. Only the locales' settings are needed.
    /// - Parameter memo: earlier conversions; a page whose input matches one is not converted again.
    public static func convert(
        _ pages: [SourcePage], config: SiteConfig, locales: LocaleTable,
        memo: MarkdownMemo = MarkdownMemo()
    ) -> MarkdownMemo {
        let options = LocaleOptions(config: config, locales: locales)
        let conversions = ParallelMap.map(pages) { page in
            convert(
                page, language: page.locale,
                options: options.options(locale: page.locale, isGlossary: false), memo: memo)
        }
        return MarkdownMemo(conversions)
    }

    /// A page's Markdown through cmark-gfm and the reading-level score, or the memo's copy.
    static func conversion(of page: PageNode, options: LocaleOptions, memo: MarkdownMemo) -> MarkdownMemo.Entry {
        convert(page.source, language: page.locale, options: options.options(for: page), memo: memo)
    }

    private static func convert(
        _ page: SourcePage, language: String, options: FingerprintedOptions, memo: MarkdownMemo
    ) -> MarkdownMemo.Entry {
        let input = options.input(for: page, language: language)
        if let known = memo[input] { return MarkdownMemo.Entry(input: input, conversion: known) }
        var rendered = MarkdownConverter.convert(
            page.body, options: options.options, reservedAnchors: templateAnchors,
            isInternal: LinkDestination.isInternal)
        // Score the prose now and drop the texts: kept for every page they cost ~10 % of peak memory.
        let stats = ReadingLevelCheck.stats(rendered.proseText, language: language)
        // A page placing shared blocks keeps its prose: its level is scored again with theirs.
        if !rendered.embeds.contains(where: BlockStage.isPlacement) { rendered.proseText = "" }
        return MarkdownMemo.Entry(
            input: input, conversion: MarkdownConversion(rendered: rendered, words: stats.words, level: stats.level))
    }

    static func isCitation(_ url: String) -> Bool {
        url.hasPrefix("https://pubmed.ncbi.nlm.nih.gov/") || url.hasPrefix("https://doi.org/")
    }

}
