import CommonMark
import SiteModel
public import SiteResolver
import SiteSupport

/// `sitemap.xml` with each page's translations as `xhtml:link` alternates, and
/// `robots.txt` pointing to it. Written by code, not templates: they are for
/// crawlers, and their format is fixed. Locale tags need no escaping: they
/// are checked to be letters, digits and `-` when loading.
public enum Sitemap {
    public static let path = "sitemap.xml"
    public static let robotsPath = "robots.txt"

    public static func xml(_ graph: SiteGraph) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                + "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">",
        ]
        let absolute = graph.pages.map { HTMLEscape.text(graph.config.origin + $0.url) }
        // Borrowed pages are not listed: their canonical URL is the original's.
        let listed = graph.pages.indices.filter { !graph.pages[$0].isFallback }
        for index in listed.sorted(by: { graph.pages[$0].url < graph.pages[$1].url }) {
            let translations = graph.realTranslations(of: index)
            lines.append("  <url>")
            lines.append("    <loc>\(absolute[index])</loc>")
            // From the front matter's dates, never file times: builds stay deterministic.
            if let changed = graph.pages[index].source.frontMatter.lastChanged {
                lines.append("    <lastmod>\(changed)</lastmod>")
            }
            if translations.count > 1 {
                for other in translations {
                    lines.append(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"\(graph.pages[other].locale)\" "
                            + "href=\"\(absolute[other])\"/>"
                    )
                }
            }
            lines.append("  </url>")
        }
        lines.append("</urlset>\n")
        return lines.joined(separator: "\n")
    }

    public static func robots(_ graph: SiteGraph) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(graph.config.baseURL)sitemap.xml\n"
    }
}
