import Foundation
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// Broken content: each case gives a clear file:line error and leaves the
/// previous output untouched.
final class BadInputTests: XCTestCase {
    private func failingBuild(_ site: TemporaryFolder, file: StaticString = #filePath, line: UInt = #line) -> [String]
    {
        let options = BuildOptions(root: site.path, output: site.path + "/Site")
        do {
            _ = try SiteBuilder.build(options)
            XCTFail("build succeeded", file: file, line: line)
            return []
        } catch {
            return error.errors.map { $0.description.replacingOccurrences(of: site.path + "/", with: "") }
        }
    }

    private func siteWithPreviousOutput(_ pages: [String: String]) throws -> TemporaryFolder {
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS", body: "## Risks\n\nText.")])
        site.copy(from: Repository.templates, to: "Templates")
        _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
        XCTAssertTrue(site.exists("Site/en/tens/index.html"))
        for (path, text) in pages { site.write("Content/en/\(path)", text) }
        return site
    }

    func testBrokenLinkFailsWithSuggestionAndKeepsTheOldSite() throws {
        let site = try siteWithPreviousOutput([
            "pnt.md": MinimalSite.page(
                title: "PNT", body: "Intro.\n\nCompare [TENS](tenz.md) and [risks](tens.md#risk).")
        ])
        XCTAssertEqual(
            failingBuild(site),
            [
                "Content/en/pnt.md:8:9: error: link to 'tenz.md' does not resolve (did you mean 'tens.md'?)",
                "Content/en/pnt.md:8:29: error: link to 'tens.md#risk' does not resolve (did you mean "
                    + "'tens.md#risks'?)",
            ])
        XCTAssertTrue(site.exists("Site/en/tens/index.html"), "previous output intact")
        XCTAssertFalse(site.exists("Site/en/pnt/index.html"))
    }

    /// An error in one page does not hide those of another, nor those of a later stage.
    func testErrorsFromEveryFileAndEveryStageAreReportedAtOnce() throws {
        let site = try siteWithPreviousOutput([
            "a.md": "---\ndescription: \"x\"\n---\n",
            "b.md": MinimalSite.page(extra: "id: tens\n"),
            "c.md": MinimalSite.page(
                extra: "related: [nope]\n", body: "See [one](a.md#x), [two](tenz.md) and [three](topic:pnss)."),
        ])
        XCTAssertEqual(
            failingBuild(site),
            [
                "Content/en/a.md:2:1: error: front matter: 'title' is missing",
                "Content/en/b.md:4:5: error: id 'tens' is already used by Content/en/tens.md in locale 'en'",
                "Content/en/c.md:4:11: error: related: no page has id 'nope'",
                "Content/en/c.md:7:20: error: link to 'tenz.md' does not resolve (did you mean 'tens.md'?)",
                "Content/en/c.md:7:39: error: link to 'topic:pnss' does not resolve",
            ],
            "the link to the page with errors (a.md) waits until that page loads")
        XCTAssertTrue(site.exists("Site/en/tens/index.html"), "previous output intact")
    }

    func testImagesNeedAltTextAndBodyHasNoH1() throws {
        let site = try siteWithPreviousOutput(["img.md": MinimalSite.page(body: "# Title again\n\n![](pad.png)")])
        XCTAssertEqual(
            failingBuild(site),
            [
                "Content/en/img.md:6:1: error: a level-1 heading ('# Title again') in the body: the page title is "
                    + "the page's only h1; use '##'",
                "Content/en/img.md:8:1: error: image 'pad.png' has no alt text: describe it, as in ![A TENS unit "
                    + "with two pads](tens.jpg)",
            ])
    }

    /// Rendering stays linear in page size: a page just under a 2 MB limit
    /// builds with every heading anchored.
    func testPageJustUnderTheSizeLimitBuilds() throws {
        let paragraph =
            "Electrical stimulation may ease pain for some people, and [TENS](tens.md) is one way. " + "\n\n"
        let body = String(
            repeating: "## Part\n\n" + String(repeating: paragraph, count: 40),
            count: 2 * 1024 * 1024 / (paragraph.utf8.count * 40) - 3)
        let site = try siteWithPreviousOutput(["big.md": MinimalSite.page(title: "Big", body: body)])
        site.write("Content/site.yml", MinimalSite.siteYAML + "maxPageMegabytes: 2\n")
        _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
        let page = try XCTUnwrap(site.read("Site/en/big/index.html"))
        XCTAssertGreaterThan(page.utf8.count, 2 * 1024 * 1024)
        XCTAssertTrue(page.contains("<h2 id=\"part-1\">Part</h2>"))
    }

    func testTemplateSyntaxErrorNamesTheTemplate() throws {
        let site = try siteWithPreviousOutput([:])
        site.write("Templates/topic.mustache", "{{<base}}\n{{$main}}\n{{#page}}\n{{/main}}\n{{/base}}\n")
        let errors = failingBuild(site)
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors[0].hasPrefix("Templates/topic.mustache:"), errors[0])
    }
}

final class OutputSafetyTests: XCTestCase {
    func testOutputMayNotBeOrContainTheProject() throws {
        let site = MinimalSite.make(["tens.md": MinimalSite.page()])
        site.copy(from: Repository.templates, to: "Templates")
        for output in [
            site.path, site.path + "/Content", site.path + "/Content/en/out", site.path + "/Templates",
            (site.path as NSString).deletingLastPathComponent,
        ] {
            XCTAssertThrowsError(try SiteBuilder.build(BuildOptions(root: site.path, output: output)), output) {
                error in
                XCTAssertTrue("\(error)".contains("refusing to use"), "\(error)")
            }
        }
        XCTAssertTrue(site.exists("Content/en/tens.md"), "nothing was swapped away")
        XCTAssertNoThrow(try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/public")))
    }
}
