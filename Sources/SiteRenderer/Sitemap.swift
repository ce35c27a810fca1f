import SiteModel
import SiteResolver

/// `sitemap.xml` with each page's translations as `xhtml:link` alternates, and
/// `robots.txt` pointing to it. Written by code, not templates: they are for
/// crawlers, and their format is fixed.
enum Sitemap {
    static func xml(_ graph: SiteGraph) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">",
        ]
        let absolute = graph.pages.map { escape(graph.config.origin + $0.url) }
        for index in graph.pages.indices.sorted(by: { graph.pages[$0].url < graph.pages[$1].url }) {
            let page = graph.pages[index]
            lines.append("  <url>")
            lines.append("    <loc>\(absolute[index])</loc>")
            if page.translations.count > 1 {
                for other in page.translations {
                    lines.append("    <xhtml:link rel=\"alternate\" hreflang=\"\(graph.pages[other].locale)\" href=\"\(absolute[other])\"/>")
                }
            }
            lines.append("  </url>")
        }
        lines.append("</urlset>\n")
        return lines.joined(separator: "\n")
    }

    static func robots(_ graph: SiteGraph) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(graph.config.baseURL)sitemap.xml\n"
    }

    /// Locale tags are ASCII letters, digits and '-' (checked when loading), so only URLs need this.
    private static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
