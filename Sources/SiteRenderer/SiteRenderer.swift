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

/// What one render computed, kept by a long-running process (the preview
/// server) so that an edit to page bodies redoes only the pages that show
/// them (see `SiteRenderer.update`).
public struct RenderSession: Sendable {
    let theme: Theme
    let strings: LocaleStrings
    var context: PageContext
    var markdown: MarkdownStage.Result
    /// The explainer presets' and the locale strings' problems.
    let stageDiagnostics: [Diagnostic]
    var keys: [String: Fingerprint]
    var report: ContentReport.Table
    /// Every warning of the build, the graph's and the render's, sorted (a
    /// body edit keeps it so, for the build's report).
    public internal(set) var siteWarnings: [Diagnostic]
    public let pageCounts: [(locale: String, pages: Int)]
    /// Every file of the output folder, relative to it.
    public let outputPaths: [String]

    /// The graph the session rendered.
    public var graph: SiteGraph { context.graph }

    /// What the next build can reuse.
    public var memo: RenderMemo { RenderMemo(pages: keys, conversions: markdown.conversions) }
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
        let searchIndexes = graph.locales.map { locale in
            let data = SearchIndex.json(locale: locale.tag, graph: graph, headings: markdown.headings)
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

    /// Renders again only what an edit to page bodies affects: the edited
    /// pages, their borrowed copies, the translations whose status moved, and
    /// the content report. Writes those into `sink`, which must hold the
    /// session's output, and updates `session` in place.
    /// - Returns: how many pages were rendered; nil if the edit changed a
    ///   page's headings or explainer blocks, which other pages and files
    ///   show: a full render is needed. Nil, and a thrown content error,
    ///   leave `session` as it was.
    public static func update(_ session: inout RenderSession, edit: BodyEdit, into sink: some OutputSink) throws(BuildFailure) -> Int? {
        guard let patch = MarkdownStage.prepare(session.markdown, edit: edit, graph: session.graph, strings: session.strings) else { return nil }
        // The session's build had no errors: any now are the edit's.
        let changes = MarkdownStage.changes(in: session.markdown, with: patch)
        if changes.added.hasErrors { throw BuildFailure(session.stageDiagnostics + MarkdownStage.diagnostics(of: session.markdown, with: patch)) }
        // From here on the session describes the edited site.
        session.siteWarnings.replace(changes.removed + edit.removedWarnings, with: changes.added + edit.addedWarnings)
        session.context.apply(edit)
        MarkdownStage.apply(patch, to: &session.markdown)
        let affected = edit.affected
        session.report.update(pages: affected, graph: session.graph, readingLevels: session.markdown.readingLevels)
        let jobs = affected.map { TemplateJob.page($0, graph: session.graph, context: session.context, markdown: session.markdown) }
        let keyed = jobs.map { (job: $0, key: $0.key(theme: session.theme, context: session.context)) }.filter { session.keys[$0.job.path] != $0.key }
        let library = session.theme.library
        var failures: [String?] = []
        if let failure = attempt({ try sink.prepare(keyed.map(\.job.path) + [ContentReport.path]) }) {
            failures.append(failure)
        } else {
            failures = keyed.map { item in attempt { try sink.write(item.job.path, render(library, item.job.values.all(session.context), item.job.template)) } }
            failures.append(attempt { try sink.write(ContentReport.path, session.report.html) })
        }
        if let failure = failures.compactMap({ $0 }).first {
            throw BuildFailure(session.siteWarnings + [.error(SourceLocation(file: "output"), failure)])
        }
        for item in keyed { session.keys[item.job.path] = item.key }
        return keyed.count
    }

    /// Runs `body`; a thrown error becomes its description.
    private static func attempt(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    private static func render(_ library: MustacheLibrary, _ values: [String: Any], _ template: String) -> String {
        // Theme.load guarantees every required template exists.
        library.render(values, withTemplate: template) ?? ""
    }
}

private extension Array where Element == Diagnostic {
    /// In this sorted list, `removed` taken out (one of each) and `added` put
    /// in their places: a re-sort of thousands of warnings on every save
    /// would cost the preview more than the edit.
    mutating func replace(_ removed: [Diagnostic], with added: [Diagnostic]) {
        for diagnostic in removed {
            // Order ties (same place and message, another severity) are passed over.
            var position = insertionPoint(of: diagnostic)
            while position < count, self[position] != diagnostic, !(diagnostic < self[position]) { position += 1 }
            if position < count, self[position] == diagnostic { remove(at: position) }
        }
        for diagnostic in added { insert(diagnostic, at: insertionPoint(of: diagnostic)) }
    }

    /// The first position whose diagnostic is not below `diagnostic`.
    private func insertionPoint(of diagnostic: Diagnostic) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < diagnostic { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
