import SiteModel
import SiteRenderer
import SiteResolver
import TestSupport
import XCTest

final class RenderSessionTests: XCTestCase {
    private func render(_ graph: SiteGraph, into sink: RecordingSink) throws -> RenderedSite {
        try SiteRenderer.renderSite(
            graph, theme: RenderFixture.theme(for: graph), into: sink, pictures: RenderFixture.pictures
        ).site
    }

    func testAPageRendersThroughTheSession() throws {
        let graph = try RenderFixture.graph()
        let sink = RecordingSink()
        let site = try render(graph, into: sink)
        let tens = RenderFixture.index(of: "/en/tens/", in: graph)
        let html = String(decoding: site.session.render(tens), as: UTF8.self)
        XCTAssertTrue(html.hasPrefix("<h1>TENS</h1><p>Some <strong>text</strong> about TENS."), html)
        XCTAssertTrue(html.contains("href=\"/en/pads/\""), html)
        XCTAssertEqual(sink.text("en/tens/index.html"), html)
    }

    func testReplaceRendersOnlyThatPageAgainWithItsEdit() throws {
        let graph = try RenderFixture.graph()
        var site = try render(graph, into: RecordingSink())
        let tens = RenderFixture.index(of: "/en/tens/", in: graph)
        let pads = RenderFixture.index(of: "/en/pads/", in: graph)
        let padsBefore = site.session.render(pads)
        var edited = graph.pages[tens]
        edited.source.body = "Edited **words** about TENS. See [the pads](pads.md).\n"

        let replacement = try XCTUnwrap(site.session.replacement(of: tens, by: edited, copies: []))
        XCTAssertEqual(replacement.pages, [tens])
        XCTAssertEqual(replacement.diagnostics, [])
        site.session.changePages { $0.pages[tens] = edited }
        site.session.replace(replacement)

        let html = String(decoding: site.session.render(tens), as: UTF8.self)
        XCTAssertTrue(html.contains("Edited <strong>words</strong>"), html)
        XCTAssertFalse(html.contains("Some <strong>text</strong>"), html)
        XCTAssertEqual(site.session.render(pads), padsBefore)
        let sink = RecordingSink()
        let written = site.write(pages: [tens], into: sink)
        XCTAssertEqual(written.map(\.path), ["en/tens/index.html", "content-report/index.html"])
        XCTAssertEqual(written.filter(\.changed).count, 2)
        XCTAssertTrue(written.allSatisfy { $0.failure == nil })
        XCTAssertEqual(Set(sink.writes.keys), ["en/tens/index.html", "content-report/index.html"])
        XCTAssertEqual(sink.text("en/tens/index.html"), html)
    }

    func testAnEditThatChangesHeadingsIsNotAReplacement() throws {
        let graph = try RenderFixture.graph()
        let site = try render(graph, into: RecordingSink())
        let tens = RenderFixture.index(of: "/en/tens/", in: graph)
        var edited = graph.pages[tens]
        edited.source.body += "\n## A new heading\n"
        XCTAssertNil(site.session.replacement(of: tens, by: edited, copies: []))
    }

    func testEveryFileIsPreparedOnceAndWrittenOnce() throws {
        let graph = try RenderFixture.graph()
        let sink = RecordingSink()
        let site = try render(graph, into: sink)
        XCTAssertEqual(sink.prepared.count, 1)
        let prepared = try XCTUnwrap(sink.prepared.first)
        XCTAssertEqual(prepared.count, Set(prepared).count, "a path prepared twice")
        XCTAssertEqual(Set(prepared), Set(sink.writes.keys))
        XCTAssertEqual(Set(site.outputPaths), Set(prepared))
        XCTAssertEqual(sink.writes.values.filter { $0 != 1 }, [], "a file written more than once")
        let siteWide = [
            "sitemap.xml", "robots.txt", "en/feed.xml", "es/feed.xml", "content-report/index.html",
            "content-report/report.css", "assets/style.1234abcd.css",
        ]
        for path in siteWide { XCTAssertEqual(sink.writes[path], 1, path) }
        XCTAssertEqual(prepared.filter { $0.hasPrefix("assets/search/") && $0.contains("/meta.") }.count, 2)
    }

    func testAContentErrorStopsTheBuildBeforeAnythingIsWritten() throws {
        let graph = try RenderFixture.graph(topicBody: "See [nowhere](no-such-page.md).\n")
        let sink = RecordingSink()
        XCTAssertThrowsError(try render(graph, into: sink)) { error in
            let failure = error as? BuildFailure
            XCTAssertTrue(
                failure?.errors.contains { $0.location.file == "Content/en/tens.md" } ?? false, "\(error)")
        }
        XCTAssertEqual(sink.prepared, [])
        XCTAssertEqual(sink.writes, [:])
    }
}
