import CommonMark
import Foundation
import Pictures
public import SiteModel
public import SiteResolver
import SiteSupport
import SiteWideOutputs

/// What `SiteRenderer.renderSite` made: the site, kept by a process that renders pages again later,
/// and how many pages the sink found changed.
public struct RenderResult: Sendable {
    public var site: RenderedSite
    /// Pages whose bytes changed and were written (a sink that keeps the earlier output leaves the
    /// others alone).
    public var pagesChanged: Int
}

/// Stage 3: Markdown and templates → every output file, written to `sink` as
/// each is rendered. Every content error is found before the first write.
/// Markdown converted and finished, with the explainers and strings it uses, and their problems:
/// everything the render stage checks before it writes a byte.
private struct CheckedContent {
    let explainers: ExplainerStage
    let strings: LocaleStrings
    let markdown: MarkdownStage.Result
    var context: MarkdownContext

    init(_ graph: SiteGraph, templateStrings: [String: String], memo: MarkdownMemo, pictures: PictureSettings) {
        explainers = ExplainerStage(graph: graph)
        let usedStrings = templateStrings.merging(MarkdownStage.usedStrings) { template, _ in template }
            .merging(PageValueBuilder.usedStrings) { template, _ in template }
            .merging(PageValueBuilder.listStrings(graph)) { template, _ in template }
            .merging(explainers.usedStrings(graph)) { template, _ in template }
            .merging(BlockStage.usedStrings(graph)) { template, _ in template }
        strings = LocaleStrings(graph: graph, usedStrings: usedStrings)
        let outcome = MarkdownStage.run(
            graph, strings: strings, explainers: explainers, memo: memo, pictures: pictures)
        (markdown, context) = (outcome.result, outcome.context)
    }

    var diagnostics: [Diagnostic] { explainers.diagnostics + strings.diagnostics + markdown.diagnostics }
}

public enum SiteRenderer {
    /// Renders every page into `sink`; a failure carries this stage's diagnostics alone.
    /// - Parameters:
    ///   - theme: nil when the templates have errors: the checks that need no template are made
    ///     (Markdown, links, glossary terms, citations, explainer blocks, the strings the content
    ///     uses), then the stage fails, writing nothing.
    ///   - today: for the content report's review column (nil: no overdue marks).
    ///   - memo: Markdown an earlier build converted.
    ///   - outputName: how diagnostics name the output folder (`Site`).
    ///   - checksOnly: the load and resolve stages found errors: this stage makes its checks, then
    ///     fails, writing nothing.
    ///   - progress: told each stage's name as it starts (`links`, `pages`, `writing`).
    public static func renderSite(
        _ graph: SiteGraph, theme: Theme?, into sink: some OutputSink, today: CalendarDate? = nil,
        memo: MarkdownMemo = MarkdownMemo(), outputName: String = "Site",
        checksOnly: Bool = false, pictures: PictureSettings, progress: (String) -> Void = { _ in }
    ) throws(BuildFailure) -> RenderResult {
        progress("links")
        var content = CheckedContent(
            graph, templateStrings: theme?.usedStrings ?? [:], memo: memo, pictures: pictures)
        let diagnostics = content.diagnostics
        guard let theme, !diagnostics.hasErrors, !checksOnly else { throw BuildFailure(diagnostics) }
        let pictureFiles = content.context.takePublishedFiles()
        let markdown = content.markdown

        progress("search index")
        let search = SearchIndexes(graph, headings: markdown.searchHeadings, bodyText: markdown.searchText)
        progress("pages")
        let session = RenderSession(
            graph: graph, theme: theme, strings: content.strings, markdown: markdown, context: content.context)
        let siteWide = SiteWideFiles(
            graph, search: search, readingLevels: markdown.readingLevels, today: today)
        // A locale without borrowed copies links to originals instead of publishing pages for them.
        let published = graph.pages.indices.filter { graph.pages[$0].isPublished }
        let stemmerURLs = theme.stemmerURLs(
            locales: siteWide.searchIndexes.map(\.locale), basePath: graph.config.basePath)
        let others = TemplateJob.others(
            graph, builder: session.builder, searchIndexes: siteWide.searchIndexes, stemmerURLs: stemmerURLs,
            ogImage: session.siteImage)
        let files = outputFiles(theme: theme, siteWide: siteWide, markdown: markdown, pictures: pictureFiles)
        let pagePaths = published.map { session.outputPaths($0) }
        let paths = pagePaths.flatMap { $0 } + others.map(\.path) + files.map(\.path)
        let claims = OutputClaims.of(paths, graph: graph, published: zip(published, pagePaths), others: others)
        if !claims.diagnostics.isEmpty { throw BuildFailure(diagnostics + claims.diagnostics) }
        if let failure = attempt({ try sink.prepare(paths) }) {
            throw BuildFailure(
                diagnostics + writeDiagnostics([FileWrite(path: "", failure: failure)], outputName: outputName))
        }
        // A page's values are made inside the loop and dropped after it: held
        // for every page at once they would double the build's peak memory.
        let outcomes = ParallelMap.map(Array(0..<published.count + others.count)) { index -> [FileWrite] in
            guard index >= published.count else { return session.write(published[index], into: sink) }
            return [others[index - published.count].write(theme: theme, into: sink)]
        }.flatMap { $0 }
        progress("writing")
        let writes = outcomes + ParallelMap.map(files) { $0.write(into: sink) }
        let writeErrors = writeDiagnostics(writes, outputName: outputName)
        if !writeErrors.isEmpty { throw BuildFailure(diagnostics + writeErrors) }
        let counts = publishedCounts(graph)
        let site = RenderedSite(
            session: session, stageDiagnostics: content.explainers.diagnostics + content.strings.diagnostics,
            report: siteWide.report, search: search, siteWarnings: (graph.warnings + diagnostics).sorted(),
            pageCounts: counts,
            outputPaths: paths
        )
        return RenderResult(site: site, pagesChanged: outcomes.filter(\.changed).count)
    }

    /// Each locale's published pages, counted in one pass over the pages read in place (a `filter`
    /// per locale copied every node it kept, 40 times over at 40 locales).
    private static func publishedCounts(_ graph: SiteGraph) -> [PageCount] {
        var counts: [String: Int] = [:]
        graph.pages.withUnsafeBufferPointer { pages in
            for index in pages.indices where pages[index].isPublished { counts[pages[index].locale, default: 0] += 1 }
        }
        return graph.locales.map { PageCount(locale: $0.tag, pages: counts[$0.tag] ?? 0) }
    }

    /// Every file of the output besides the template pages, each listed once: the theme's
    /// assets, the stemmers of the search pages' languages, the site-wide files, the explainers'
    /// state grid, and the pictures and files pages use.
    private static func outputFiles(
        theme: Theme, siteWide: SiteWideFiles, markdown: MarkdownStage.Result, pictures: [String: Data]
    ) -> [OutputFile] {
        var files = theme.assets.map { OutputFile(path: $0.outputPath, contents: $0.contents) }
        let stemmers = Dictionary(
            siteWide.searchIndexes.compactMap { theme.stemmer(forLocale: $0.locale) }.map { ($0.outputPath, $0) },
            uniquingKeysWith: { first, _ in first })
        files += stemmers.values.sorted { $0.outputPath < $1.outputPath }.map {
            OutputFile(path: $0.outputPath, contents: $0.contents)
        }
        files += siteWide.files
        if let states = markdown.explainerStates { files.append(states) }
        // `Templates/assets/favicon.ico` is also published at `/favicon.ico`, which browsers ask for
        // whatever a page links.
        var published = pictures
        if let icon = theme.assets.first(where: { $0.name == "favicon.ico" }) {
            published["favicon.ico"] = icon.contents
        }
        return files + published.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value) }
    }

    /// Runs `body`; returns what it threw.
    public static func attempt(_ body: () throws -> Void) -> (any Error)? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    /// One error per file or folder that could not be written, at its path in
    /// the output folder (`Site/en/tens/index.html: error: cannot write: …`), sorted.
    public static func writeDiagnostics(_ writes: [FileWrite], outputName: String) -> [Diagnostic] {
        let diagnostics = writes.compactMap { item -> Diagnostic? in
            guard let failure = item.failure else { return nil }
            if let output = failure as? OutputError { return .error(SourceLocation(file: output.path), output.reason) }
            let path = item.path.isEmpty ? outputName : "\(outputName)/\(item.path)"
            return .error(SourceLocation(file: path), "cannot write: \(failure)")
        }
        return Array(Set(diagnostics)).sorted()
    }
}
