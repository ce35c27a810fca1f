import CommonMark
import Foundation
public import SiteModel
public import SiteResolver
import SiteWideOutputs

/// Everything rendering a page takes, made once per build: the graph, the
/// theme, the strings, each page's converted and finished Markdown, and what
/// single pages are converted and finished against. A build renders every
/// page through it; the preview keeps it, and replaces an edited page's body
/// in it to render that page again.
public struct RenderSession: Sendable {
    let theme: Theme
    private(set) var builder: PageValueBuilder
    private(set) var markdown: MarkdownStage.Result
    private let context: MarkdownContext

    init(
        graph: SiteGraph, theme: Theme, strings: LocaleStrings, markdown: MarkdownStage.Result,
        context: MarkdownContext
    ) {
        let assetURLs = Dictionary(
            uniqueKeysWithValues: theme.assets.map { ($0.key, graph.config.basePath + $0.outputPath) })
        self.theme = theme
        builder = PageValueBuilder(graph: graph, strings: strings, assets: assetURLs, theme: theme)
        self.markdown = markdown
        self.context = context
    }

    /// The graph the session renders.
    public var graph: SiteGraph { builder.graph }

    /// The Markdown this session converted, for the next build to find again.
    public var memo: MarkdownMemo { markdown.memo }

    /// Every Markdown problem: the explainers', the pictures' and every page's.
    public var diagnostics: [Diagnostic] { markdown.diagnostics }

    /// The shared blocks pages place.
    var blocks: BlockStage { context.blocks }

    /// The site's link-preview picture, for pages without content of their own.
    var siteImage: OpenGraphImage? { context.siteImage }

    /// The file page `index` (a published one) is rendered into, and its template's values; for a
    /// listing page, page `listPage` of its list (see `ListPages`).
    func job(_ index: Int, listPage: Int = 1) -> TemplateJob {
        let converted = markdown.converted[index]
        let values = builder.values(
            index, listPage: listPage, body: markdown.bodies[index], headings: converted.headings,
            hasExplainer: converted.embeds.contains { $0.language == ExplainerStage.language },
            citations: markdown.citations(index), image: context.socialImage(of: index, in: graph))
        return TemplateJob(path: ListPages.outputPath(graph.pages[index].outputPath, page: listPage), values: values)
    }

    /// How many files page `index` is rendered into: one, or one per page of a listing page's list.
    func listPageCount(_ index: Int) -> Int {
        graph.pages[index].isListing ? ListPages(index, in: graph).count : 1
    }

    /// The files page `index` (a published one) is rendered into.
    func outputPaths(_ index: Int) -> [String] {
        (1...listPageCount(index)).map { ListPages.outputPath(graph.pages[index].outputPath, page: $0) }
    }

    /// Page `index`'s bytes (a published page; a listing page's first page of its list).
    public func render(_ index: Int, listPage: Int = 1) -> [UInt8] {
        job(index, listPage: listPage).render(theme: theme)
    }

    /// Renders page `index` into `sink`, every page of its list for a listing page: whether each
    /// file changed, or what failed.
    func write(_ index: Int, into sink: some OutputSink) -> [FileWrite] {
        (1...listPageCount(index)).map { job(index, listPage: $0).write(theme: theme, into: sink) }
    }

    /// The search pages of the locales of `metaPaths`, naming those index files.
    func searchPages(_ metaPaths: [SearchIndexFile]) -> [TemplateJob] {
        TemplateJob.searchPages(
            graph, builder: builder, searchIndexes: metaPaths,
            stemmerURLs: theme.stemmerURLs(locales: metaPaths.map(\.locale), basePath: graph.config.basePath),
            ogImage: siteImage)
    }

    /// Changes the graph's pages in place (their sources, their translation
    /// statuses), which no value shared between pages shows.
    public mutating func changePages(_ change: (inout SiteGraph) -> Void) {
        builder.changeGraph(change)
    }
}

extension RenderSession {
    /// A page of the graph as an edit leaves it: its index and its node now.
    public struct EditedPage: Sendable {
        public var index: Int
        public var page: PageNode

        public init(index: Int, page: PageNode) {
            self.index = index
            self.page = page
        }
    }

    /// An edited page's body converted and finished, for itself and its
    /// borrowed copies, not yet in the session (see `replace`).
    public struct PageReplacement: Sendable {
        fileprivate let converted: MarkdownStage.ConvertedPage
        fileprivate let finished: [MarkdownStage.FinishedPage]
        /// The page's input before the edit, whose memo entry goes.
        fileprivate let replacedInput: ConversionInput

        /// The pages it replaces the body of: the edited page and its borrowed copies.
        public var pages: [Int] { finished.map(\.index) }

        /// Its problems: each body's, and the page's reading level's.
        public var diagnostics: [Diagnostic] {
            finished.flatMap(\.diagnostics) + (converted.readingDiagnostic.map { [$0] } ?? [])
        }
    }

    /// Page `index`'s body as `page` now has it, converted and finished for the
    /// page and for `copies` (its borrowed copies, as they now are); nil if the edit
    /// changed what other pages and files show of it (its headings, explainer
    /// blocks, block fences, pictures or file links), or its explainer blocks had problems.
    public func replacement(of index: Int, by page: PageNode, copies: [EditedPage]) -> PageReplacement? {
        let converted = context.convert(index, page: page, graph: graph, memo: markdown.memo)
        // The outline holds the page's block fences: while they are as they were, what the block stage
        // found of the page (names, required blocks, the blocks' headings in the search index) holds,
        // and `finish` places the blocks and `convert` scores the page's reading level with their text.
        guard converted.outline == markdown.outline(of: index),
            !markdown.hasEmbedProblems(in: page.source.file)
        else { return nil }
        let finished = ([EditedPage(index: index, page: page)] + copies).map {
            context.finish($0.index, page: $0.page, from: converted)
        }
        return PageReplacement(
            converted: converted, finished: finished,
            replacedInput: context.options.conversionInput(graph.pages[index]))
    }

    /// The problems the pages of `replacement` have now, which it replaces.
    public func diagnostics(replacedBy replacement: PageReplacement) -> [Diagnostic] {
        replacement.pages.flatMap { markdown.diagnostics(of: $0) }
    }

    /// Puts a replacement's bodies in place of its pages' bodies: rendering
    /// one of them then shows its edit.
    public mutating func replace(_ replacement: PageReplacement) {
        markdown.store(replacement.converted, replacing: replacement.replacedInput)
        for page in replacement.finished { markdown.store(page) }
    }
}
