public import SiteModel
public import SiteResolver
import SiteWideOutputs

/// What a render produced: the session it rendered every page through, the
/// content report and the build's warnings. A clean build drops it; a
/// long-running process keeps it as part of its last build, and renders
/// single pages again through its session (see the `Incremental` module).
public struct RenderedSite: Sendable {
    /// What rendering a page takes, kept to render edited pages again.
    public var session: RenderSession
    /// The explainer presets' and the locale strings' problems.
    public let stageDiagnostics: [Diagnostic]
    var report: ContentReport.Table
    /// Every warning of the build, the graph's and the render's, sorted.
    public var siteWarnings: [Diagnostic]
    public let pageCounts: [PageCount]
    /// Every file of the output folder, relative to it.
    public let outputPaths: [String]

    /// The graph the site was rendered from.
    public var graph: SiteGraph { session.graph }

    /// Writes pages `indices` (published ones) and the content report, its
    /// rows for those pages made again, into `sink`, which holds the rest of
    /// the output.
    /// - Returns: each file's write, the pages' first.
    public mutating func write(pages indices: [Int], into sink: some OutputSink) -> [FileWrite] {
        let pages = indices.filter { graph.pages[$0].isPublished }
        report.update(pages: pages, graph: graph, readingLevels: session.markdown.readingLevels)
        let paths = pages.flatMap { session.outputPaths($0) }
        if let failure = SiteRenderer.attempt({ try sink.prepare(paths + [ContentReport.path]) }) {
            return [FileWrite(path: "", failure: failure)]
        }
        let report = OutputFile(path: ContentReport.path, text: report.html)
        return pages.flatMap { session.write($0, into: sink) } + [
            report.write(into: sink)
        ]
    }
}
