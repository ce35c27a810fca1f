import Foundation
import SiteModel
import SiteResolver
import SiteWideOutputs
import TestSupport
import XCTest

final class ContentReportPartsTests: XCTestCase {
    /// 60 English topics, every third translated into Spanish, and a home page in each.
    private func graph() throws -> SiteGraph {
        var pages = [InMemorySite.page("_index.md", title: "Home"), InMemorySite.page("_index.md", locale: "es")]
        for number in 1...60 {
            let name = String(format: "topic-%02d.md", number)
            pages.append(InMemorySite.page(name, title: "Topic \(number)"))
            if number % 3 == 0 { pages.append(InMemorySite.page(name, locale: "es", title: "Tema \(number)")) }
        }
        return try InMemorySite.graph(pages)
    }

    private func table(_ graph: SiteGraph, partBytes: Int) -> ContentReport.Table {
        ContentReport.Table(
            graph, readingLevels: graph.pages.map { _ in nil }, today: nil, partBytes: partBytes)
    }

    private func text(_ file: OutputFile) -> String { String(decoding: file.contents, as: UTF8.self) }

    /// The output path `href`, relative to the file at `path`, leads to.
    private func resolve(_ href: String, from path: String) -> String {
        var folders = path.split(separator: "/").dropLast().map(String.init)
        for step in href.split(separator: "/", omittingEmptySubsequences: true) {
            switch step {
            case ".": continue
            case "..": folders.removeLast()
            default: folders.append(String(step))
            }
        }
        return (folders + (href.hasSuffix("/") ? ["index.html"] : [])).joined(separator: "/")
    }

    private func hrefs(in html: String, after marker: String) -> [String] {
        guard let start = html.range(of: marker),
            let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex)
        else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "href=\"").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) }
    }

    func testALongTableIsSplitIntoPagesWithinTheBudget() throws {
        let files = table(try graph(), partBytes: 8_000).files
        XCTAssertGreaterThan(files.count, 2)
        XCTAssertEqual(files.map(\.path), files.indices.map { ContentReport.path(part: $0 + 1) })
        XCTAssertEqual(files[0].path, "content-report/index.html")
        XCTAssertEqual(files[1].path, "content-report/page/2/index.html")
        for file in files {
            XCTAssertLessThanOrEqual(file.contents.count, 8_000, file.path)
        }
        let rows = files.flatMap { text($0).components(separatedBy: "<th scope=\"row\"><code>").dropFirst() }
            .map { String($0.prefix { $0 != "<" }) }
        let ids = ["home"] + (1...60).map { String(format: "topic-%02d", $0) }
        XCTAssertEqual(rows, ids.sorted(), "each id once, in order")
        XCTAssertTrue(text(files[0]).contains("<ul class=\"coverage\">"))
        XCTAssertFalse(text(files[1]).contains("<ul class=\"coverage\">"), "the coverage is on the first page")
        XCTAssertTrue(text(files[0]).contains("21 of 61 (34%)"))
    }

    func testEachReportPageLinksToTheOthersAndItsStyleSheet() throws {
        let files = table(try graph(), partBytes: 8_000).files
        let paths = files.map(\.path)
        for (offset, file) in files.enumerated() {
            let html = text(file)
            let number = offset + 1
            XCTAssertTrue(html.contains("<title>Content report · page \(number) of \(files.count)</title>"), file.path)
            let style = try XCTUnwrap(hrefs(in: html + "</nav>", after: "<link rel=\"stylesheet\"").first)
            XCTAssertEqual(resolve(style, from: file.path), ContentReport.stylePath, file.path)
            XCTAssertEqual(html.components(separatedBy: "<nav aria-label=\"Report pages\">").count, 2, file.path)
            let links = hrefs(in: html, after: "<nav aria-label=\"Report pages\">")
            let targets = links.map { resolve($0, from: file.path) }
            XCTAssertEqual(Set(targets), Set(paths), file.path)
            XCTAssertTrue(html.contains("\">\(number)</a>"), file.path)
            let current = try XCTUnwrap(html.range(of: " aria-current=\"page\">"), file.path)
            XCTAssertTrue(html[current.upperBound...].hasPrefix("\(number)</a>"), file.path)
            XCTAssertEqual(html.contains("rel=\"prev\">Previous</a>"), number > 1, file.path)
            XCTAssertEqual(html.contains("rel=\"next\">Next</a>"), number < files.count, file.path)
        }
    }

    func testAnUpdateNamesThePageOfItsRowAndKeepsTheFiles() throws {
        let graph = try graph()
        var table = table(graph, partBytes: 8_000)
        let before = table.files.map(\.path)
        let last = try XCTUnwrap(graph.pages.firstIndex { $0.url == "/en/topic-60/" })
        let parts = table.update(pages: [last], graph: graph, readingLevels: graph.pages.map { _ in nil })
        XCTAssertEqual(parts, [before.count])
        XCTAssertEqual(table.files.map(\.path), before)
    }

    func testAShortTableIsOnePageWithoutNavigation() throws {
        let files = table(try graph(), partBytes: ContentReport.partBytes).files
        XCTAssertEqual(files.map(\.path), ["content-report/index.html"])
        let html = text(files[0])
        XCTAssertTrue(html.contains("<title>Content report</title>\n<link rel=\"stylesheet\" href=\"report.css\">"))
        XCTAssertFalse(html.contains("<nav"))
    }
}
