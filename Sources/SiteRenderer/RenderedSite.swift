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
    /// The search indexes, kept so that an edit indexes only its pages again.
    var search: SearchIndexes
    /// Every warning of the build, the graph's and the render's, sorted.
    public var siteWarnings: [Diagnostic]
    public let pageCounts: [PageCount]
    /// Every file of the output folder, relative to it.
    public private(set) var outputPaths: [String]
    /// The files the last `write` removed (search index files an edit replaced).
    public private(set) var removedPaths: [String] = []

    /// The graph the site was rendered from.
    public var graph: SiteGraph { session.graph }

    /// Writes pages `indices` (published ones), the search index files and search pages an edit
    /// of `edited` changes, and the content report pages holding those pages' rows, the rows made
    /// again, into `sink`, which holds the rest of the output.
    /// - Returns: each file's write, the pages' first, the content report's last.
    public mutating func write(pages indices: [Int], edited: [Int] = [], into sink: some OutputSink) -> [FileWrite] {
        let pages = indices.filter { graph.pages[$0].isPublished }
        let parts = report.update(pages: pages, graph: graph, readingLevels: session.markdown.readingLevels)
        let metaBefore = search.metaPaths
        let markdown = session.markdown
        let index = search.replace(
            pages: edited, in: graph, headings: markdown.searchHeadings(of:), bodyText: markdown.searchText)
        let indexFiles = index.written
        removedPaths = index.removed.sorted()
        if !index.removed.isEmpty {
            // In place, and hashing only the index's paths: the site has tens of thousands.
            let folder = SearchIndexes.folder.utf8
            outputPaths.removeAll { $0.utf8.starts(with: folder) && index.removed.contains($0) }
        }
        outputPaths += index.added.sorted()
        let changedMeta = search.metaPaths.filter { meta in !metaBefore.contains { $0.path == meta.path } }
        let searchPages = session.searchPages(changedMeta)
        let paths = pages.flatMap { session.outputPaths($0) } + indexFiles.map(\.path) + searchPages.map(\.path)
        if let failure = SiteRenderer.attempt({ try sink.prepare(paths + parts.map(ContentReport.path(part:))) }) {
            return [FileWrite(path: "", failure: failure)]
        }
        let report = self.report
        for path in removedPaths { sink.remove(path) }
        return pages.flatMap { session.write($0, into: sink) } + indexFiles.map { $0.write(into: sink) }
            + searchPages.map { $0.write(theme: session.theme, into: sink) }
            + parts.map { report.file(part: $0).write(into: sink) }
    }
}
