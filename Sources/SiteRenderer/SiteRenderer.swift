import Foundation
import Mustache
import SiteModel
import SiteResolver

public struct RenderSummary: Sendable {
    public var filesWritten: Int { outputPaths.count }
    public var warnings: [Diagnostic]
    public var pageCounts: [(locale: String, pages: Int)]
    /// Pages whose template was rendered this time (the others matched the memo).
    public var pagesRendered: Int
    /// Every file of the output folder, relative to it.
    public var outputPaths: [String]
}


/// Stage 3: Markdown and templates → every output file, written to `sink` as
/// each is rendered. Every content error is found before the first write.
public enum SiteRenderer {
    /// - Parameters:
    ///   - today: for the content report's review column (nil: no overdue marks).
    ///   - memo: what an earlier build left in the output; a page whose key it
    ///     holds is neither rendered nor written (pass one only with a sink
    ///     that keeps the earlier files).
    public static func render(_ graph: SiteGraph, theme: Theme, into sink: some OutputSink, today: CalendarDate? = nil, memo: RenderMemo = RenderMemo()) throws(BuildFailure) -> RenderSummary {
        try renderKeepingSession(graph, theme: theme, into: sink, today: today, memo: memo).summary
    }

    /// `render`, and what it computed, for `update` to patch later.
    public static func renderKeepingSession(
        _ graph: SiteGraph, theme: Theme, into sink: some OutputSink, today: CalendarDate? = nil, memo: RenderMemo = RenderMemo()
    ) throws(BuildFailure) -> (summary: RenderSummary, session: RenderSession) {
        let explainers = ExplainerStage(graph: graph)
        let usedStrings = theme.usedStrings.merging(MarkdownStage.usedStrings) { template, _ in template }
            .merging(PageContext.usedStrings) { template, _ in template }
            .merging(explainers.usedStrings(graph)) { template, _ in template }
        let strings = LocaleStrings(graph: graph, usedStrings: usedStrings)
        let markdown = MarkdownStage.run(graph, strings: strings, explainers: explainers, memo: memo.conversions)
        let diagnostics = explainers.diagnostics + strings.diagnostics + markdown.diagnostics
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }

        let assetURLs = Dictionary(uniqueKeysWithValues: theme.assets.map { ($0.key, graph.config.basePath + $0.outputPath) })
        let library = theme.library
        let context = PageContext(graph: graph, strings: strings, assets: assetURLs, cachedTemplates: theme.cachedTemplates) { name, values in
            render(library, values, name)
        }
        let headings = markdown.converted.map(\.headings)
        let searchIndexes = graph.locales.map { locale in
            let data = SearchIndex.json(locale: locale.tag, graph: graph, headings: headings)
            return (locale: locale.tag, path: SearchIndex.path(locale: locale.tag, contents: data), data: data)
        }
        var paths = graph.pages.map(\.outputPath) + graph.redirects.map(\.outputPath) + theme.assets.map(\.outputPath)
        paths += searchIndexes.flatMap { ["\($0.locale)/search/index.html", $0.path] }
        paths.append(ContentReport.path)
        if let states = markdown.explainerStates { paths.append(states.path) }
        paths += ["index.html", "404.html", "sitemap.xml", "robots.txt"]
        if let failure = attempt({ try sink.prepare(paths) }) {
            throw BuildFailure(diagnostics + [.error(SourceLocation(file: "output"), failure)])
        }
        let others = TemplateJob.others(graph, context: context, searchIndexes: searchIndexes.map { ($0.locale, $0.path) })
        // A page's values are made inside the loop and dropped after it: held
        // for every page at once they would double the build's peak memory.
        let outcomes = ParallelMap.map(Array(0..<graph.pages.count + others.count)) { index -> (path: String, key: Fingerprint, rendered: Bool, failure: String?) in
            let job = index < graph.pages.count ? TemplateJob.page(index, graph: graph, context: context, markdown: markdown) : others[index - graph.pages.count]
            let key = job.key(theme: theme, context: context)
            if memo.pages[job.path] == key { return (job.path, key, false, nil) }
            return (job.path, key, true, attempt { try sink.write(job.path, render(library, job.values.all(context), job.template)) })
        }
        let failures = outcomes.map(\.failure)
        var otherFailures: [String?] = []
        for search in searchIndexes {
            otherFailures.append(attempt { try sink.write(search.path, search.data) })
        }
        let report = ContentReport.Table(graph, readingLevels: markdown.readingLevels, today: today)
        otherFailures.append(attempt { try sink.write(ContentReport.path, report.html) })
        otherFailures.append(attempt { try sink.write("sitemap.xml", Sitemap.xml(graph)) })
        otherFailures.append(attempt { try sink.write("robots.txt", Sitemap.robots(graph)) })
        otherFailures += theme.assets.map { asset in attempt { try sink.write(asset.outputPath, asset.contents) } }
        if let states = markdown.explainerStates {
            otherFailures.append(attempt { try sink.write(states.path, states.contents) })
        }
        if let failure = (failures + otherFailures).compactMap({ $0 }).first {
            throw BuildFailure(diagnostics + [.error(SourceLocation(file: "output"), failure)])
        }
        let counts = graph.locales.map { locale in (locale.tag, graph.pages.filter { $0.locale == locale.tag }.count) }
        let keys = Dictionary(outcomes.map { ($0.path, $0.key) }, uniquingKeysWith: { first, _ in first })
        let session = RenderSession(
            theme: theme, strings: strings, context: context, markdown: markdown, stageDiagnostics: explainers.diagnostics + strings.diagnostics,
            keys: keys, report: report, siteWarnings: (graph.warnings + diagnostics).sorted(), pageCounts: counts, outputPaths: paths
        )
        return (RenderSummary(warnings: diagnostics, pageCounts: counts, pagesRendered: outcomes.filter(\.rendered).count, outputPaths: paths), session)
    }

    /// Runs `body`; a thrown error becomes its description.
    static func attempt(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    static func render(_ library: MustacheLibrary, _ values: [String: Any], _ template: String) -> String {
        // Theme.load guarantees every required template exists.
        library.render(values, withTemplate: template) ?? ""
    }
}
