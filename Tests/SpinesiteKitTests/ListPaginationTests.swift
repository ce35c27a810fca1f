import Foundation
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// Long lists over numbered pages (`listPageSize`) and the home page's first topics of each section
/// (`homeListSize`), built with the real templates into a small site with small sizes.
final class ListPaginationTests: XCTestCase {
    var site: TemporaryFolder!

    override func tearDown() {
        site = nil
        super.tearDown()
    }

    /// `many/` holds 7 topics (pages of 3, 3 and 1), `exact/` 6 (exactly two pages), `empty/` none;
    /// Spanish (`fallbackPages: false`) translates two of `many/` and adds two of its own, so its
    /// list of 9 takes three pages, and `exact/`'s English list has no page 3.
    override func setUpWithError() throws {
        site = MinimalSite.make(["_index.md": MinimalSite.page(title: "Home")])
        site.write("Content/site.yml", MinimalSite.siteYAML + "locales: [en, es]\nlistPageSize: 3\nhomeListSize: 2\n")
        site.copy(from: Repository.templates, to: "Templates")
        let spanish = try String(
            contentsOf: Repository.root.appendingPathComponent("Content/es/locale.yml"), encoding: .utf8)
        site.write(
            "Content/es/locale.yml",
            spanish.replacingOccurrences(of: "\nstrings:", with: "\nfallbackPages: false\nstrings:"))
        site.write("Content/es/_index.md", MinimalSite.page(title: "Inicio"))
        for (folder, title, count) in [("many", "Many", 7), ("exact", "Exact", 6), ("empty", "Empty", 0)] {
            site.write("Content/en/\(folder)/_index.md", MinimalSite.page(title: title, body: "\(title) intro."))
            for number in stride(from: 1, through: count, by: 1) {
                site.write("Content/en/\(folder)/t\(number).md", MinimalSite.page(title: "\(title) topic \(number)"))
            }
        }
        site.write("Content/es/exact/_index.md", MinimalSite.page(title: "Exacta"))
        for name in ["t1", "t2", "s1", "s2"] {
            site.write("Content/es/exact/\(name).md", MinimalSite.page(title: "Exacta tema \(name)"))
        }
        _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
    }

    private func page(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(site.read("Site/\(path)index.html"), "Site/\(path)index.html", file: file, line: line)
    }

    /// The titles of the topics a list page links to, in order.
    private func listed(_ html: String, _ title: String) -> [String] {
        let list = html.components(separatedBy: "<ul class=\"topic-list\">").dropFirst().first ?? ""
        return list.components(separatedBy: "</ul>")[0].components(separatedBy: ">\(title) topic ").dropFirst()
            .map { String($0.prefix { $0 != "<" }) }
    }

    func testASectionListGoesOnOverNumberedPagesWithItsLastPageShort() throws {
        let first = try page("en/many/")
        XCTAssertEqual(listed(first, "Many"), ["1", "2", "3"])
        XCTAssertEqual(listed(try page("en/many/page/2/"), "Many"), ["4", "5", "6"])
        let last = try page("en/many/page/3/")
        XCTAssertEqual(listed(last, "Many"), ["7"])
        XCTAssertFalse(site.exists("Site/en/many/page/4/index.html"))
        XCTAssertFalse(site.exists("Site/en/many/page/1/index.html"), "page 1 is the section's own URL")

        XCTAssertTrue(first.contains("<title>Many · Page 1 of 3 · Test site</title>"), first)
        XCTAssertTrue(first.contains("<nav class=\"pagination\" aria-label=\"Pages of this list\">"), first)
        XCTAssertTrue(first.contains("<a href=\"/en/many/\" aria-label=\"Page 1\" aria-current=\"page\">1</a>"))
        XCTAssertTrue(first.contains("<a href=\"/en/many/page/3/\" aria-label=\"Page 3\">3</a>"))
        XCTAssertTrue(first.contains("<a href=\"/en/many/page/2/\" rel=\"next\">Next page</a>"))
        XCTAssertFalse(first.contains("rel=\"prev\""))
        XCTAssertTrue(first.contains("<link rel=\"next\" href=\"/en/many/page/2/\">"))
        XCTAssertTrue(first.contains("Many intro."), "page 1 shows the section's text")

        XCTAssertTrue(last.contains("<title>Many · Page 3 of 3 · Test site</title>"), last)
        XCTAssertTrue(last.contains("<link rel=\"canonical\" href=\"https://example.org/en/many/page/3/\">"))
        XCTAssertTrue(last.contains("<a href=\"/en/many/page/2/\" rel=\"prev\">Previous page</a>"))
        XCTAssertTrue(last.contains("<a href=\"/en/many/page/3/\" aria-label=\"Page 3\" aria-current=\"page\">3</a>"))
        XCTAssertFalse(last.contains("rel=\"next\""))
        XCTAssertFalse(last.contains("Many intro."), "later pages list, under the title, without the text")
        XCTAssertTrue(last.contains("<h1>Many</h1>"))
    }

    func testAnExactMultipleFillsItsPagesAndAnEmptySectionHasOne() throws {
        XCTAssertEqual(listed(try page("en/exact/"), "Exact"), ["1", "2", "3"])
        XCTAssertEqual(listed(try page("en/exact/page/2/"), "Exact"), ["4", "5", "6"])
        XCTAssertFalse(site.exists("Site/en/exact/page/3/index.html"))
        let empty = try page("en/empty/")
        XCTAssertFalse(empty.contains("class=\"pagination\""), empty)
        XCTAssertTrue(empty.contains("<title>Empty · Test site</title>"), empty)
        XCTAssertFalse(site.exists("Site/en/empty/page/2/index.html"))
    }

    func testLaterPagesPointAtTheSamePageOfEachTranslationThatHasIt() throws {
        // Spanish lists 8 in exact/: its two, two of its own and four English originals (3 pages).
        let spanishLast = try page("es/exact/page/3/")
        XCTAssertTrue(spanishLast.contains("<title>Exacta · Página 3 de 3 · Test site</title>"), spanishLast)
        XCTAssertFalse(spanishLast.contains("hreflang=\"en\" href"), "English has no page 3")
        XCTAssertTrue(spanishLast.contains("href=\"/en/exact/\" lang=\"en\""), "the switcher leads to page 1")
        let english = try page("en/exact/page/2/")
        XCTAssertTrue(
            english.contains("<link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/exact/page/2/\">"),
            english)
        XCTAssertTrue(
            english.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/exact/page/2/\">"))
        XCTAssertTrue(english.contains("<link rel=\"canonical\" href=\"https://example.org/en/exact/page/2/\">"))
        XCTAssertTrue(try page("es/exact/").contains("aria-label=\"Páginas de esta lista\""))
    }

    func testTheHomePageShowsEachSectionsFirstTopicsAndLinksToTheRest() throws {
        let home = try page("en/")
        XCTAssertTrue(home.contains("<p class=\"see-all\"><a href=\"/en/many/\">See all 7 topics</a></p>"), home)
        XCTAssertTrue(home.contains(">Many topic 2<"))
        XCTAssertFalse(home.contains(">Many topic 3<"), "two topics a section on the home page")
        XCTAssertFalse(home.contains("class=\"pagination\""), "no top-level topics to page through")
        let search = try page("en/search/")
        XCTAssertTrue(search.contains("<a href=\"/en/exact/\">See all 6 topics</a>"), search)
        XCTAssertFalse(search.contains(">Exact topic 3<"))
        XCTAssertTrue(try page("es/").contains("<a href=\"/es/exact/\">Ver los 8 temas</a>"))
    }

    func testAPageAtTheURLOfAListPageIsAnErrorNamingBoth() {
        site.write("Content/en/many/page/2.md", MinimalSite.page(title: "Two"))
        XCTAssertThrowsError(try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))) {
            let errors = ($0 as? BuildFailure)?.errors.map(\.description) ?? []
            let clash = "error: this page's output path 'en/many/page/2/index.html' is also the page"
            XCTAssertEqual(
                errors.map { $0.replacingOccurrences(of: self.site.path + "/", with: "") },
                [
                    "Content/en/many/_index.md:1:1: \(clash) Content/en/many/page/2.md; give the page another slug, "
                        + "or the alias another path",
                    "Content/en/many/page/2.md:1:1: \(clash) Content/en/many/_index.md; give the page another slug, "
                        + "or the alias another path",
                ])
        }
    }

    func testListPageSizeIsAWholeNumberInRange() {
        site.write("Content/site.yml", MinimalSite.siteYAML + "locales: [en, es]\nlistPageSize: 0\n")
        XCTAssertThrowsError(try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))) {
            let errors = ($0 as? BuildFailure)?.errors.map(\.description) ?? []
            let message = "error: site.yml: 'listPageSize' is a whole number from 1 to 1000"
            XCTAssertEqual(errors, ["\(self.site.path)/Content/site.yml:5:1: \(message)"])
        }
    }
}
