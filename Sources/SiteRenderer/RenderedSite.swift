public import SiteModel
public import SiteResolver
import SiteWideOutputs

/// What a render produced: the resolved site it rendered, each page's
/// Markdown and finished body, the page values, the content report and the
/// build's warnings. A clean build drops it; a long-running process keeps it
/// as part of its last build, and renders single pages again from it (see
/// the `Incremental` module). Every function here serves both.
public struct RenderedSite: Sendable {
    let theme: Theme
    let strings: LocaleStrings
    var builder: PageValueBuilder
    /// Each page's Markdown, converted and finished.
    public var markdown: MarkdownStage.Result
    /// The explainer presets' and the locale strings' problems.
    public let stageDiagnostics: [Diagnostic]
    var report: ContentReport.Table
    /// Every warning of the build, the graph's and the render's, sorted.
    public var siteWarnings: [Diagnostic]
    public let pageCounts: [PageCount]
    /// Every file of the output folder, relative to it.
    public let outputPaths: [String]

    /// The graph the site was rendered from.
    public var graph: SiteGraph { builder.graph }

    /// Changes the graph's pages in place (their sources, their translation
    /// statuses), which no value shared between pages shows.
    public mutating func changePages(_ change: (inout SiteGraph) -> Void) {
        builder.changeGraph(change)
    }

    /// Writes pages `indices` (published ones) and the content report, its
    /// rows for those pages made again, into `sink`, which holds the rest of
    /// the output.
    /// - Returns: how many pages' bytes changed, and each write's failure.
    public mutating func write(pages indices: [Int], into sink: some OutputSink) -> (
        changed: Int, failures: [(path: String, failure: (any Error)?)]
    ) {
        let pages = indices.filter { graph.pages[$0].isPublished }
        report.update(pages: pages, graph: graph, readingLevels: markdown.readingLevels)
        let jobs = pages.map { TemplateJob.page($0, graph: graph, builder: builder, markdown: markdown) }
        if let failure = SiteRenderer.attempt({ try sink.prepare(jobs.map(\.path) + [ContentReport.path]) }) {
            return (0, [("", failure)])
        }
        var changed = 0
        var failures = jobs.map { job -> (path: String, failure: (any Error)?) in
            let written = job.write(theme: theme, into: sink)
            if written.changed { changed += 1 }
            return (job.path, written.failure)
        }
        let report = OutputFile(path: ContentReport.path, text: report.html)
        failures.append((report.path, report.write(into: sink)))
        return (changed, failures)
    }
}
