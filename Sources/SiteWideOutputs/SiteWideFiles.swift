public import Readability
public import SiteModel
public import SiteResolver

/// Every file about the whole site a build writes, each made once from the
/// graph and the pages' converted Markdown: the search indexes, the content
/// report, the sitemap, `robots.txt` and the feeds.
public struct SiteWideFiles: Sendable {
    /// Each locale's search index, where its search page finds it.
    public let searchIndexes: [SearchIndexFile]
    /// The content report's rows, kept so that an edit makes only its pages' rows again.
    public let report: ContentReport.Table
    /// The files, each listed once, in the order they are written.
    public let files: [OutputFile]

    /// - Parameters:
    ///   - search: the search indexes, made before (they have a timing line of their own).
    ///   - readingLevels: each page's words and level (nil: borrowed or not scored).
    ///   - today: for the content report's review column (nil: no overdue marks).
    public init(_ graph: SiteGraph, search: SearchIndexes, readingLevels: [ProseStats?], today: CalendarDate?) {
        // The sitemaps and feeds are made beside the report: each reads every page, one core alone.
        let sitemaps = BackgroundWork { Sitemap.files(graph) }
        let feeds = BackgroundWork {
            graph.locales.map {
                OutputFile(path: AtomFeed.path(locale: $0.tag), text: AtomFeed.xml(locale: $0.tag, graph: graph))
            }
        }
        searchIndexes = search.metaPaths
        report = ContentReport.Table(graph, readingLevels: readingLevels, today: today)
        files =
            search.files + report.files + [
                OutputFile(path: ContentReport.stylePath, text: ContentReport.style),
                OutputFile(path: Sitemap.robotsPath, text: Sitemap.robots(graph)),
            ] + sitemaps.result() + feeds.result()
    }
}
