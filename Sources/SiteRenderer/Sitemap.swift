import SiteModel
import SiteResolver

/// `sitemap.xml` with each page's translations as `xhtml:link` alternates, and
/// `robots.txt` pointing to it. Written by code, not templates: they are for
/// crawlers, and their format is fixed.
enum Sitemap {
    static func xml(_ graph: SiteGraph) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for page in graph.pages.sorted(by: { $0.url < $1.url }) {
            xml += "  <url>\n    <loc>\(escape(graph.config.origin + page.url))</loc>\n"
            if page.translations.count > 1 {
                for index in page.translations {
                    let translation = graph.pages[index]
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(escape(translation.locale))\" href=\"\(escape(graph.config.origin + translation.url))\"/>\n"
                }
            }
            xml += "  </url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(_ graph: SiteGraph) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(graph.config.baseURL)sitemap.xml\n"
    }

    private static func escape(_ text: String) -> String {
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
