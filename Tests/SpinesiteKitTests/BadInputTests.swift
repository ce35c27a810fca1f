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
        site.write(
            "Content/en/pad.png",
            data: try Data(contentsOf: Repository.fixture("Pictures/Content/en/therapies/images/tens-pads.png")))
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

/// Pictures that cannot be published: each a clear error naming the file, exit 1, `Site/` unchanged.
final class BadPictureTests: XCTestCase {
    private func site(_ body: String, files: [String: Data] = [:]) throws -> TemporaryFolder {
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS")])
        site.copy(from: Repository.templates, to: "Templates")
        _ = try SiteBuilder.build(BuildOptions(root: site.path))
        XCTAssertTrue(site.exists("Site/en/tens/index.html"))
        site.write("Content/en/pnt.md", MinimalSite.page(title: "PNT", body: body))
        for (path, data) in files { site.write("Content/en/\(path)", data: data) }
        return site
    }

    private func input(_ name: String) throws -> Data {
        try Data(contentsOf: Repository.fixture("PictureInputs/\(name)"))
    }

    /// The build's errors, paths relative to the site, after checking that it failed and changed nothing.
    private func errors(_ site: TemporaryFolder, file: StaticString = #filePath, line: UInt = #line) throws
        -> [String]
    {
        let before = try XCTUnwrap(site.read("Site/en/tens/index.html"))
        let result = try SpinesiteCommand.run(["build"], in: site.url)
        XCTAssertEqual(result.status, 1, "the build fails", file: file, line: line)
        XCTAssertEqual(site.read("Site/en/tens/index.html"), before, "Site/ unchanged", file: file, line: line)
        XCTAssertFalse(site.exists("Site/en/pnt"), file: file, line: line)
        return result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
    }

    func testAMissingPictureIsAnErrorAtItsLineWithASuggestion() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = try site(
            "Intro.\n\n![Pads on the back](images/tens-pad.png)",
            files: ["images/tens-pads.png": try input("clinic-photo.jpg")])
        XCTAssertEqual(
            try errors(site),
            [
                "Content/en/pnt.md:8:1: error: no file 'images/tens-pad.png' in Content/en/ (did you mean "
                    + "'images/tens-pads.png'?)"
            ])
    }

    func testFilesThatAreNoPictureTruncatedOrABombAreRefusedNamingTheFile() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let cases: [(String, String)] = [
            ("not-a-picture.png", "is not a JPEG, PNG or WebP picture"),
            ("truncated.png", "cannot be decoded (truncated or damaged?)"),
            ("truncated.jpg", "cannot be decoded (truncated or damaged?)"),
            ("bomb.png", "declares 30000 × 30000 pixels, more than the limit of 50000000"),
        ]
        for (name, message) in cases {
            let site = try site("![A picture](images/\(name))", files: ["images/\(name)": try input(name)])
            let found = try errors(site)
            XCTAssertEqual(found.count, 1, "\(name): \(found)")
            XCTAssertTrue(
                found.first?.hasPrefix("Content/en/images/\(name): error: picture \(message)") == true,
                "\(name): \(found)")
        }
    }

    func testAPixelLimitInSiteYmlCanBeRaised() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = try site("![A picture](images/bomb.png)", files: ["images/bomb.png": try input("bomb.png")])
        site.write("Content/site.yml", MinimalSite.siteYAML + "maxPictureMegapixels: 1000\n")
        let found = try errors(site)
        XCTAssertTrue(
            found.first?.hasPrefix("Content/en/images/bomb.png: error: picture cannot be decoded") == true,
            "past the raised limit, the truncated data is still refused: \(found)")
    }

    func testPathsOutOfContentAndLinksToOutsideFilesAreRefused() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let climbing = try site("![Secrets](../../../etc/passwd)")
        XCTAssertEqual(
            try errors(climbing),
            [
                "Content/en/pnt.md:6:1: error: '../../../etc/passwd' leads outside the content folder; name a file "
                    + "beside the page or in Content/files/ ('/files/diary.pdf')"
            ])
        let linked = try site("![Secrets](images/leak.png)")
        try FileManager.default.createDirectory(
            atPath: linked.path + "/Content/en/images", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: linked.path + "/Content/en/images/leak.png", withDestinationPath: "/etc/passwd")
        let found = try errors(linked)
        XCTAssertTrue(found.contains { $0.hasPrefix("Content/en/images/leak.png: error: ") }, "\(found)")
    }

    func testAnSVGWithScriptIsAnErrorAtItsLine() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<title>Gate</title>\n<script>alert(1)</script>\n</svg>\n"
        let site = try site("![The gate](gate.svg)", files: ["gate.svg": Data(svg.utf8)])
        XCTAssertEqual(
            try errors(site),
            ["Content/en/gate.svg:3:8: error: SVG holds a <script> element; SVG pictures may not run code"])
    }

    func testAnSVGInUTF16OrLoadingAStylesheetIsAnErrorNamingTheFile() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<title>Gate</title>\n<style><![CDATA[@import url(x.css);]]>"
            + "</style>\n</svg>\n"
        let site = try site(
            "![The gate](gate.svg) ![The pads](pads.svg)",
            files: [
                "gate.svg": Data(svg.utf8), "pads.svg": Data([0xFF, 0xFE]) + svg.data(using: .utf16LittleEndian)!,
            ])
        XCTAssertEqual(
            try errors(site),
            [
                "Content/en/gate.svg:3:7: error: SVG has a stylesheet that refers outside the picture (@import); SVG "
                    + "pictures must hold everything they show",
                "Content/en/pads.svg:1:1: error: SVG is saved as UTF-16LE; save it as UTF-8",
            ])
    }
}
