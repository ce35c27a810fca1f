import Foundation
import FoundationXML
import Incremental
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// Builds Tests/Fixtures/basic with the real templates and reads the HTML.
final class FixtureSiteTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func tearDown() {
        folder = nil  // removed now, not when the run ends: XCTest keeps every test case
        super.tearDown()
    }

    override func setUpWithError() throws {
        folder = TemporaryFolder()
        folder.copy(from: Repository.fixture("basic"), to: "site")
        _ = try build()
    }

    @discardableResult
    private func build(drafts: Bool = false, output: String = "out") throws -> BuildSummary {
        try SiteBuilder.build(
            BuildOptions(
                root: folder.path + "/site", output: folder.path + "/" + output, includeDrafts: drafts,
                templates: Repository.templates.path))
    }

    private func html(_ path: String) throws -> String {
        try XCTUnwrap(folder.read("out/\(path)"), "missing \(path)")
    }

    func testPagesArePublishedAtPrettyURLsPerLocale() throws {
        for path in [
            "index.html", "404.html", "en/index.html", "en/guides/index.html", "en/guides/first/index.html",
            "es/guias/primera-guia/index.html", "es/guias/segunda/index.html", "es/centro/index.html", "fr/index.html",
        ] {
            XCTAssertTrue(folder.exists("out/\(path)"), path)
        }
    }

    func testLinksResolveInTheCurrentLocale() throws {
        let first = try html("en/guides/first/index.html")
        XCTAssertTrue(first.contains("<a href=\"/docs/en/guides/second/#details\">second</a>"))
        XCTAssertTrue(first.contains("<a href=\"/docs/en/hub/\">hub</a>"))
        XCTAssertTrue(first.contains("<a href=\"#risks-benefits\">self</a>"))
        let primera = try html("es/guias/primera-guia/index.html")
        XCTAssertTrue(primera.contains("<a href=\"/docs/es/guias/segunda/\">la segunda</a>"))
        XCTAssertTrue(primera.contains("<a href=\"/docs/es/centro/\">el centro</a>"))
        let home = try html("en/index.html")
        XCTAssertTrue(home.contains("<a href=\"/docs/en/guides/second/\">the second</a>"), "topic: links")
    }

    func testEveryPageHasTheBasics() throws {
        let page = try html("es/guias/primera-guia/index.html")
        XCTAssertTrue(page.contains("<html lang=\"es\" dir=\"ltr\">"))
        XCTAssertTrue(
            page.contains("<link rel=\"canonical\" href=\"https://example.org/docs/es/guias/primera-guia/\">"))
        XCTAssertTrue(page.contains("<meta name=\"description\" content=\"La primera.\">"))
        XCTAssertTrue(page.contains("<meta property=\"og:title\" content=\"Primera guía\">"))
        XCTAssertTrue(page.contains("<a class=\"skip-link\" href=\"#main\">"))
        XCTAssertEqual(page.components(separatedBy: "<h1").count - 1, 1, "one h1")
        XCTAssertTrue(page.contains("class=\"disclaimer\""))
        XCTAssertTrue(
            page.contains("<a href=\"/docs/en/guides/first/\" lang=\"en\" hreflang=\"en\" dir=\"ltr\">English</a>"),
            "switcher links the same page")
        XCTAssertTrue(page.contains("<a href=\"/docs/es/\">Inicio</a>"), "breadcrumbs start at the locale's home")
    }

    func testTextFromContentAndStringsIsEscaped() throws {
        let first = try html("en/guides/first/index.html")
        XCTAssertFalse(first.contains("<script>"), "no script element from titles, strings or Markdown")
        XCTAssertTrue(first.contains("<h1>First &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; guide</h1>"))
        XCTAssertTrue(first.contains("Education only &lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(
            first.contains(
                "<title>First &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; guide · Fixture &lt;Site&gt;</title>"))
        XCTAssertTrue(first.contains("<!-- raw HTML omitted -->"))
        XCTAssertTrue(
            first.contains("Intro with {{strings.home}} and {{{raw}}} braces."),
            "content never runs through the template engine")
    }

    func testAnchorsTableOfContentsAndGFM() throws {
        let first = try html("en/guides/first/index.html")
        XCTAssertTrue(first.contains("<h2 id=\"risks-benefits-1\">Risks &amp; benefits</h2>"))
        XCTAssertTrue(first.contains("<h2 id=\"ñandú-café\">Ñandú café</h2>"))
        XCTAssertTrue(first.contains("<li><a href=\"#ñandú-café\">Ñandú café</a></li>"), "table of contents")
        XCTAssertTrue(first.contains("<del>2</del>"))
        XCTAssertTrue(first.contains("<h2>References</h2>"), "footnotes get a localised heading")
    }

    func testDraftsAreExcludedUnlessAsked() throws {
        XCTAssertFalse(folder.exists("out/en/draft/index.html"))
        try build(drafts: true)
        XCTAssertTrue(folder.exists("out/en/draft/index.html"))
    }

    func testAliasesRedirect() throws {
        for path in ["en/old-first/index.html", "legacy/first/index.html"] {
            let page = try html(path)
            XCTAssertTrue(
                page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/docs/en/guides/first/\">"), path)
            XCTAssertTrue(
                page.contains("<link rel=\"canonical\" href=\"https://example.org/docs/en/guides/first/\">"), path)
        }
    }

    func testRootPagePicksTheDefaultLocaleWithoutJavaScript() throws {
        let root = try html("index.html")
        XCTAssertTrue(root.contains("<meta http-equiv=\"refresh\" content=\"0; url=/docs/en/\">"))
        XCTAssertTrue(root.contains("<a href=\"/docs/es/\" lang=\"es\" hreflang=\"es\">Español</a>"))
    }

    func testSitemapIndexListsEachLocalesSitemap() throws {
        let index = try html("sitemap.xml")
        XCTAssertTrue(index.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex "), index)
        let locations = index.components(separatedBy: "<loc>").dropFirst().map { $0.prefix { $0 != "<" } }
        XCTAssertEqual(
            locations, ["https://example.org/docs/en/sitemap.xml", "https://example.org/docs/es/sitemap.xml"])
        XCTAssertNoThrow(try XMLDocument(xmlString: index))
    }

    func testSitemapListsPagesWithTheirTranslations() throws {
        let sitemap = try html("es/sitemap.xml")
        XCTAssertTrue(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "))
        XCTAssertFalse(sitemap.contains("/docs/en/guides/first/</loc>"), "each locale lists its own pages")
        XCTAssertTrue(
            sitemap.contains(
                "<loc>https://example.org/docs/es/guias/primera-guia/</loc>\n    <xhtml:link rel=\"alternate\" "
                    + "hreflang=\"en\" href=\"https://example.org/docs/en/guides/first/\"/>\n    <xhtml:link "
                    + "rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/docs/es/guias/primera-guia/\"/>"
            ), sitemap)
        XCTAssertFalse(sitemap.contains("old-first"), "redirects are not pages")
        XCTAssertNoThrow(try XMLDocument(xmlString: sitemap))
        XCTAssertEqual(
            try html("robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://example.org/docs/sitemap.xml\n")
    }

    func testHreflangAlternatesAreReciprocalAcrossTheSite() throws {
        let root = folder.path + "/out/"
        var alternates: [String: Set<String>] = [:]  // page URL → alternate URLs
        for path in try FileManager.default.subpathsOfDirectory(atPath: root) where path.hasSuffix("index.html") {
            let page = try html(path)
            guard let canonical = Self.attribute("href", in: page, after: "<link rel=\"canonical\"") else { continue }
            var links = Set<String>()
            var rest = page[...]
            while let start = rest.range(of: "<link rel=\"alternate\" hreflang=\"") {
                let tag = rest[start.lowerBound...].prefix { $0 != ">" }
                if !tag.contains("x-default"), let href = Self.attribute("href", in: String(tag), after: "<link") {
                    links.insert(href)
                }
                rest = rest[start.upperBound...]
            }
            if !links.isEmpty { alternates[canonical] = links }
        }
        XCTAssertFalse(alternates.isEmpty)
        for (page, links) in alternates {
            XCTAssertTrue(links.contains(page), "\(page) lists itself")
            for other in links { XCTAssertEqual(alternates[other], links, "\(page) ↔ \(other)") }
        }
    }

    private static func attribute(_ name: String, in text: String, after marker: String) -> String? {
        guard let start = text.range(of: marker), let attribute = text[start.upperBound...].range(of: "\(name)=\"")
        else { return nil }
        return String(text[attribute.upperBound...].prefix { $0 != "\"" })
    }

    func testBuildsAreDeterministic() throws {
        try build(output: "again")
        let first = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/out").sorted()
        let second = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/again").sorted()
        XCTAssertEqual(first, second)
        for path in first {
            let a = FileManager.default.contents(atPath: folder.path + "/out/" + path)
            let b = FileManager.default.contents(atPath: folder.path + "/again/" + path)
            XCTAssertEqual(a, b, path)
        }
    }

    func testMissingStringsWarnAndFallBack() throws {
        let report = try build()
        let messages = report.warnings.map(\.description)
        XCTAssertTrue(
            messages.contains(
                "\(folder.path)/site/Content/es/locale.yml: warning: strings: 'urgentCare' (used by "
                    + "\(Repository.templates.path)/cached/footer.mustache) is missing; showing the en text"
            ), "\(messages)")
        XCTAssertTrue(try html("es/index.html").contains("Urgent: seek care."))
    }
}
