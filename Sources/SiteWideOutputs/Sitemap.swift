import CommonMark
public import SiteModel
public import SiteResolver
import SiteSupport

/// The sitemaps: `sitemap.xml` is a sitemap index that lists one sitemap per
/// locale (`<tag>/sitemap.xml`, each page with its translations as
/// `xhtml:link` alternates), split into `<tag>/sitemap-2.xml`… past the
/// protocol's limits; `robots.txt` names the index. Written by code, not
/// templates: they are for crawlers, and their format is fixed. Locale tags
/// need no escaping: they are checked to be letters, digits and `-` when loading.
public enum Sitemap {
    public static let path = "sitemap.xml"
    public static let robotsPath = "robots.txt"

    /// The sitemap protocol's limits for one file: 50,000 URLs and 50 MiB uncompressed.
    public struct Limits: Sendable {
        public var urls: Int
        public var bytes: Int

        public init(urls: Int, bytes: Int) {
            self.urls = urls
            self.bytes = bytes
        }

        public static let sitemapProtocol = Limits(urls: 50_000, bytes: 52_428_800)
    }

    /// The index and every locale's sitemaps.
    public static func files(_ graph: SiteGraph, limits: Limits = .sitemapProtocol) -> [OutputFile] {
        // Pages are read in place: `graph.pages[index].url` copies the whole node, and sorting
        // 25,000 pages by URL did that about 750,000 times.
        let origin = graph.config.origin  // computed, with a search in the base URL
        // Borrowed pages are not listed, nor anyone's alternates: their canonical URL is the
        // original's. At 40 locales they are five nodes in six, so they get no URL here, and each
        // locale's pages are found in one pass, not by a pass over every node per locale.
        let (absolute, listedByLocale) = graph.pages.withUnsafeBufferPointer { pages in
            let absolute = pages.indices.map { pages[$0].isFallback ? "" : HTMLEscape.text(origin + pages[$0].url) }
            let listed = Dictionary(grouping: pages.indices.filter { !pages[$0].isFallback }) { pages[$0].locale }
            return (absolute, listed)
        }
        // Each locale's sitemaps on a core of its own: a site in 40 locales lists each page's
        // translations in every one.
        let locales = ParallelMap.map(graph.locales.map(\.tag)) { tag in
            graph.pages.withUnsafeBufferPointer { pages in
                sitemaps(
                    locale: tag, listed: listedByLocale[tag] ?? [], graph: graph, pages: pages, absolute: absolute,
                    limits: limits)
            }
        }
        let entries = locales.flatMap { $0.map(\.entry) }
        return [OutputFile(path: path, text: index(entries.joined()))] + locales.flatMap { $0.map(\.file) }
    }

    /// Locale `tag`'s sitemaps, each with its entry in the index: its pages `listed` (none borrowed).
    private static func sitemaps(
        locale tag: String, listed: [Int], graph: SiteGraph, pages: UnsafeBufferPointer<PageNode>,
        absolute: [String], limits: Limits
    ) -> [(file: OutputFile, entry: String)] {
        let listed = listed.sorted { pages[$0].url < pages[$1].url }
        let urls = listed.map { url(of: $0, graph: graph, pages: pages, absolute: absolute) }
        return split(urls, limits: limits).enumerated().map { number, part in
            let path = "\(tag)/sitemap\(number == 0 ? "" : "-\(number + 1)").xml"
            let dates = listed[part.startIndex..<part.endIndex].compactMap { pages[$0].source.frontMatter.lastChanged }
            return (
                OutputFile(path: path, text: urlset(part.joined())),
                indexEntry(HTMLEscape.text(graph.config.baseURL + path), lastChanged: dates.max())
            )
        }
    }

    public static func robots(_ graph: SiteGraph) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(graph.config.baseURL)\(path)\n"
    }

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private static let protocolNamespace = "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""

    private static func urlset(_ body: String) -> String {
        header + "<urlset \(protocolNamespace) xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" + body + "</urlset>\n"
    }

    private static func index(_ body: String) -> String {
        header + "<sitemapindex \(protocolNamespace)>\n" + body + "</sitemapindex>\n"
    }

    /// Consecutive runs of `urls`, each within the limits with its header and footer.
    static func split(_ urls: [String], limits: Limits) -> [ArraySlice<String>] {
        let frame = urlset("").utf8.count
        var parts: [ArraySlice<String>] = []
        var start = 0
        var bytes = frame
        for (index, url) in urls.enumerated() {
            let size = url.utf8.count
            if index > start && (index - start == limits.urls || bytes + size > limits.bytes) {
                parts.append(urls[start..<index])
                start = index
                bytes = frame
            }
            bytes += size
        }
        if start < urls.count { parts.append(urls[start...]) }
        return parts
    }

    private static func url(
        of index: Int, graph: SiteGraph, pages: UnsafeBufferPointer<PageNode>, absolute: [String]
    ) -> String {
        // Bytes appended into storage reserved once, made a string at the end: appended to a
        // `String`, each piece cost several hundred instructions, 24,000 an entry at 40 locales.
        let translations = graph.realTranslations(of: index)
        var lines: [UInt8] = []
        lines.reserveCapacity(
            128 + (translations.count > 1 ? translations.count * (80 + absolute[index].utf8.count) : 0))
        lines.append("  <url>\n    <loc>")
        lines.append(utf8Of: absolute[index])
        lines.append("</loc>\n")
        // From the front matter's dates, never file times: builds stay deterministic.
        if let changed = pages[index].source.frontMatter.lastChanged {
            lines.append(utf8Of: "    <lastmod>\(changed)</lastmod>\n")
        }
        if translations.count > 1 {
            for other in translations {
                lines.append("    <xhtml:link rel=\"alternate\" hreflang=\"")
                lines.append(utf8Of: pages[other].locale)
                lines.append("\" href=\"")
                lines.append(utf8Of: absolute[other])
                lines.append("\"/>\n")
            }
        }
        lines.append("  </url>\n")
        return String(decoding: lines, as: UTF8.self)
    }

    private static func indexEntry(_ location: String, lastChanged: CalendarDate?) -> String {
        "  <sitemap>\n    <loc>\(location)</loc>\n"
            + (lastChanged.map { "    <lastmod>\($0)</lastmod>\n" } ?? "") + "  </sitemap>\n"
    }
}
