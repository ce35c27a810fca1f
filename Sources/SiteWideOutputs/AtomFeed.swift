import CommonMark
import SiteModel
public import SiteResolver
import SiteSupport

/// Each locale's Atom feed (`<locale>/feed.xml`, RFC 4287): its topic pages that have a date,
/// newest first. A page's date is the latest of its front matter's `published`, `updated` and
/// `reviewed` (`FrontMatter.lastChanged`), never a file time, so a build is deterministic. Written
/// by code, not a template: the format is fixed and every text is escaped here.
public enum AtomFeed {
    /// Entries a feed keeps: readers' feed software shows the newest.
    public static let limit = 50

    public static func path(locale: String) -> String { "\(locale)/feed.xml" }

    public static func url(locale: String, _ graph: SiteGraph) -> String {
        graph.config.baseURL + path(locale: locale)
    }

    public static func xml(locale tag: String, graph: SiteGraph) -> String {
        let base = graph.config.origin
        // Pages are read in place: `let page = graph.pages[index]` copied every node of the site.
        let entries = graph.pages.withUnsafeBufferPointer { pages in
            pages.indices.compactMap { index -> (page: Int, date: CalendarDate)? in
                guard pages[index].locale == tag, !pages[index].isFallback, pages[index].isPublished,
                    pages[index].source.kind == .topic, !pages[index].source.isSynthesized,
                    let date = pages[index].source.frontMatter.lastChanged
                else { return nil }
                return (index, date)
            }
            .sorted { ($0.date, pages[$1.page].url) > ($1.date, pages[$0.page].url) }
            .prefix(limit)
            .map { (page: pages[$0.page], date: $0.date) }
        }
        let home = graph.pagesByID[tag]?[PageNode.homeID].map { graph.pages[$0].url } ?? graph.config.basePath
        let escape = HTMLEscape.text
        // With no dated page, a fixed date: the feed stays the same from build to build.
        let updated = entries.first.map { timestamp($0.date) } ?? "2000-01-01T00:00:00Z"
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(tag))\">",
            "  <id>\(escape(base + home))</id>",
            "  <title>\(escape(graph.config.title))</title>",
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(self.url(locale: tag, graph)))\"/>",
            "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(base + home))\"/>",
            "  <updated>\(updated)</updated>",
            "  <author><name>\(escape(graph.config.title))</name></author>",
        ]
        for (page, date) in entries {
            let url = escape(base + page.url)
            lines += [
                "  <entry>",
                "    <id>\(url)</id>",
                "    <title>\(escape(page.title))</title>",
                "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>",
                "    <updated>\(timestamp(date))</updated>",
            ]
            if let published = page.source.frontMatter.published {
                lines.append("    <published>\(timestamp(published))</published>")
            }
            lines += ["    <summary>\(escape(page.source.frontMatter.description))</summary>", "  </entry>"]
        }
        lines.append("</feed>\n")
        return lines.joined(separator: "\n")
    }

    /// A day as an RFC 3339 time, at midnight UTC.
    private static func timestamp(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }
}
