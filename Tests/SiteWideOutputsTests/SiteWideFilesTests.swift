import CommonMark
import Foundation
import SiteModel
import SiteResolver
import SiteWideOutputs
import TestSupport
import XCTest

final class SiteWideFilesTests: XCTestCase {
    /// English: a home page and three topics, two of them dated; Spanish: a home page and a
    /// translation of one topic.
    private func graph() throws -> SiteGraph {
        try InMemorySite.graph([
            InMemorySite.page("_index.md", title: "Home"),
            InMemorySite.page("tens.md", title: "TENS & pain", published: CalendarDate(year: 2026, month: 3, day: 1)),
            InMemorySite.page("pads.md", title: "Pads", published: CalendarDate(year: 2026, month: 5, day: 2)),
            InMemorySite.page("undated.md", title: "Undated"),
            InMemorySite.page("_index.md", locale: "es", title: "Inicio"),
            InMemorySite.page("tens.md", locale: "es", title: "TENS es"),
        ])
    }

    private func files(_ graph: SiteGraph, headings: [[Heading]]? = nil) -> SiteWideFiles {
        let search = SearchIndexes(graph, headings: headings ?? graph.pages.map { _ in [] }, bodyText: { _ in [] })
        return SiteWideFiles(graph, search: search, readingLevels: graph.pages.map { _ in nil }, today: nil)
    }

    private func text(_ path: String, in files: SiteWideFiles) throws -> String {
        let file = try XCTUnwrap(files.files.first { $0.path == path }, path)
        return String(decoding: file.contents, as: UTF8.self)
    }

    func testEachFileIsListedOnce() throws {
        let files = files(try graph())
        let paths = files.files.map(\.path)
        XCTAssertEqual(paths.count, Set(paths).count)
        for path in [
            "sitemap.xml", "en/sitemap.xml", "es/sitemap.xml", "robots.txt", "en/feed.xml", "es/feed.xml",
            "content-report/index.html", "content-report/report.css",
        ] {
            XCTAssertTrue(paths.contains(path), path)
        }
        XCTAssertEqual(files.searchIndexes.map(\.locale), ["en", "es"])
        XCTAssertEqual(Set(files.searchIndexes.map(\.path)).intersection(paths).count, 2)
        XCTAssertTrue(files.searchIndexes.allSatisfy { $0.path.hasPrefix("assets/search/\($0.locale)/meta.") })
    }

    func testSitemapIndexListsOneSitemapPerLocaleWithItsLatestDate() throws {
        let index = try text("sitemap.xml", in: files(try graph()))
        XCTAssertEqual(
            index,
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap>
                <loc>https://example.org/en/sitemap.xml</loc>
                <lastmod>2026-05-02</lastmod>
              </sitemap>
              <sitemap>
                <loc>https://example.org/es/sitemap.xml</loc>
              </sitemap>
            </sitemapindex>

            """)
    }

    /// With limits of 2 URLs a file, the 4 English pages take two files and the index lists both;
    /// with a byte limit that fits one URL, each page gets a file of its own.
    func testASitemapPastTheLimitsIsSplitAndEachPartIsListed() throws {
        let graph = try graph()
        let byCount = Sitemap.files(graph, limits: Sitemap.Limits(urls: 2, bytes: 1_000_000))
        XCTAssertEqual(
            byCount.map(\.path), ["sitemap.xml", "en/sitemap.xml", "en/sitemap-2.xml", "es/sitemap.xml"])
        let index = String(decoding: byCount[0].contents, as: UTF8.self)
        XCTAssertTrue(index.contains("<loc>https://example.org/en/sitemap-2.xml</loc>"), index)
        for part in byCount.dropFirst() {
            let text = String(decoding: part.contents, as: UTF8.self)
            XCTAssertLessThanOrEqual(text.components(separatedBy: "<url>").count - 1, 2, part.path)
            XCTAssertTrue(text.hasSuffix("</urlset>\n"))
        }
        let english = byCount[1...2].map { String(decoding: $0.contents, as: UTF8.self) }.joined()
        for page in ["en/", "en/pads/", "en/tens/", "en/undated/"] {
            XCTAssertEqual(english.components(separatedBy: "<loc>https://example.org/\(page)</loc>").count, 2, page)
        }
        let oneURL = try XCTUnwrap(byCount.first { $0.path == "es/sitemap.xml" })
        let bySize = Sitemap.files(graph, limits: Sitemap.Limits(urls: 100, bytes: oneURL.contents.count - 1))
        XCTAssertEqual(bySize.filter { $0.path.hasPrefix("es/") }.map(\.path), ["es/sitemap.xml", "es/sitemap-2.xml"])
        for part in bySize where part.path.hasPrefix("es/") {
            XCTAssertLessThanOrEqual(part.contents.count, oneURL.contents.count - 1)
        }
    }

    func testSitemapListsPagesWithTheirTranslations() throws {
        let sitemap = try text("en/sitemap.xml", in: files(try graph()))
        XCTAssertTrue(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset"))
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/en/pads/</loc>\n    <lastmod>2026-05-02</lastmod>"))
        XCTAssertTrue(
            sitemap.contains(
                "<loc>https://example.org/en/tens/</loc>\n    <lastmod>2026-03-01</lastmod>\n"
                    + "    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/tens/\"/>\n"
                    + "    <xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/tens/\"/>"),
            sitemap)
        // The undated topic has no translation: no alternates.
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/en/undated/</loc>\n  </url>"), sitemap)
        XCTAssertEqual(
            try text("robots.txt", in: files(try graph())),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n")
    }

    func testFeedListsDatedTopicsNewestFirst() throws {
        let feed = try text("en/feed.xml", in: files(try graph()))
        XCTAssertTrue(feed.contains("<updated>2026-05-02T00:00:00Z</updated>\n  <author>"), feed)
        let pads = try XCTUnwrap(feed.range(of: "<title>Pads</title>"))
        let tens = try XCTUnwrap(feed.range(of: "<title>TENS &amp; pain</title>"))
        XCTAssertLessThan(pads.lowerBound, tens.lowerBound)
        XCTAssertFalse(feed.contains("Undated"))
        XCTAssertFalse(feed.contains("<title>Home</title>\n    <link"))
        let spanish = try text("es/feed.xml", in: files(try graph()))
        XCTAssertTrue(spanish.contains("<updated>2000-01-01T00:00:00Z</updated>"), "no dated page: a fixed date")
        XCTAssertFalse(spanish.contains("<entry>"))
    }

    func testContentReportHasARowPerPageIDAndCoverage() throws {
        let report = try text("content-report/index.html", in: files(try graph()))
        for id in ["home", "pads", "tens", "undated"] {
            XCTAssertTrue(report.contains("<th scope=\"row\"><code>\(id)</code></th>"), id)
        }
        XCTAssertTrue(report.contains("4 of 4 (100%)"), report)
        XCTAssertTrue(report.contains("2 of 4 (50%)"), report)
    }

    func testStructuredDataDescribesATopic() throws {
        let graph = try graph()
        let tens = graph.pages.firstIndex { $0.url == "/en/tens/" }!
        let json = StructuredData.medicalWebPage(
            tens, graph: graph, canonical: "https://example.org/en/tens/", citations: ["https://doi.org/10.1/x"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["@type"] as? String, "MedicalWebPage")
        XCTAssertEqual(object["name"] as? String, "TENS & pain")
        XCTAssertEqual(object["inLanguage"] as? String, "en")
        XCTAssertEqual(object["citation"] as? [String], ["https://doi.org/10.1/x"])
        XCTAssertEqual(object["url"] as? String, "https://example.org/en/tens/")
    }
}
