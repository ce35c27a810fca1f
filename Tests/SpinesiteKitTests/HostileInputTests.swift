import Foundation
import PageFuzzing
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// Hostile and broken input, through the real command line: each case ends
/// in a clear `file:line` error and a non-zero exit with the previous `Site/`
/// byte for byte as it was, or in a safe site.
final class HostileInputTests: XCTestCase {
    /// A site already built once, so that a failed build has something to lose.
    private func builtSite(_ pages: [String: String] = [:]) throws -> TemporaryFolder {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS", body: "## Risks\n\nText.")])
        site.copy(from: Repository.templates, to: "Templates")
        let first = try SpinesiteCommand.run(["build", "--quiet"], in: site.url)
        XCTAssertEqual(first.status, 0, first.stderr)
        for (path, text) in pages { site.write("Content/en/\(path)", text) }
        return site
    }

    /// Every file under `Site/` with its bytes.
    private func snapshot(_ site: TemporaryFolder) -> [String: Data] {
        let root = site.url.appendingPathComponent("Site")
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if let data = try? Data(contentsOf: url), !url.hasDirectoryPath {
                files[String(url.path.dropFirst(root.path.count))] = data
            }
        }
        return files
    }

    /// Runs `spinesite build` after `change`; expects failure with `errors`
    /// (each a prefix of one stderr line) and the old output untouched.
    private func assertRefused(
        _ site: TemporaryFolder, errors: [String], user: String? = nil, arguments: [String] = ["build"],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let before = snapshot(site)
        XCTAssertFalse(before.isEmpty, file: file, line: line)
        let result = try SpinesiteCommand.run(arguments, in: site.url, user: user)
        XCTAssertEqual(result.status, 1, result.stderr, file: file, line: line)
        let lines = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
            .map { $0.replacingOccurrences(of: site.path + "/", with: "") }
        XCTAssertEqual(lines.count, errors.count, result.stderr, file: file, line: line)
        for (got, expected) in zip(lines, errors) {
            XCTAssertTrue(got.hasPrefix(expected), "\(got)\ndoes not start with\n\(expected)", file: file, line: line)
        }
        XCTAssertTrue(snapshot(site) == before, "Site/ changed", file: file, line: line)
    }

    func testMarkupAndScriptURLsInEveryFieldStayText() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = TemporaryFolder()
        site.copy(from: Repository.fixture("Hostile/Content"), to: "Content")
        site.copy(from: Repository.templates, to: "Templates")
        let result = try SpinesiteCommand.run(["build"], in: site.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        var pages = 0
        for (path, data) in snapshot(site) where path.hasSuffix(".html") {
            pages += 1
            let html = String(decoding: data, as: UTF8.self)
            let problems = UnsafeMarkup.problems(in: html) { attributes in
                attributes["type"] == "application/ld+json" || attributes["src"]?.hasPrefix("/assets/") == true
            }
            XCTAssertEqual(problems, [], path)
            XCTAssertFalse(html.contains("alert(5)") && html.contains("href=\"javascript"), path)
        }
        XCTAssertGreaterThanOrEqual(pages, 6)
        let topic = try XCTUnwrap(site.read("Site/en/xss/index.html"))
        XCTAssertTrue(
            topic.contains(
                "<h1>Title &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"),
            "the title is shown, as text")
        XCTAssertTrue(topic.contains("\\u003cscript\\u003ealert(1)"), "JSON-LD escapes '<'")
    }

    func testSlugWithMarkupIsAnError() throws {
        let site = try builtSite(["bad.md": MinimalSite.page(extra: "slug: \"x<script>\"\n")])
        try assertRefused(
            site, errors: ["Content/en/bad.md:4:7: error: front matter: 'slug' 'x<script>' may only hold"])
    }

    func testReferenceURLWithMarkupIsAnError() throws {
        let references =
            "references:\n  smith:\n    title: \"T\"\n    authors: \"A\"\n    url: "
            + "'https://example.org/\"><script>alert(1)</script>'\n"
        let site = try builtSite(["cited.md": MinimalSite.page(extra: references, body: "Text [@smith].")])
        try assertRefused(
            site,
            errors: [
                "Content/en/cited.md:8:10: error: front matter: references: 'smith': url "
                    + "'https://example.org/\"><script>alert(1)</script>' is not a valid URL"
            ])
    }

    func testYAMLAliasBombIsRefusedQuickly() throws {
        var levels = "title: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            levels +=
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        let site = try builtSite(["bomb.md": "---\n\(levels)---\n\nText.\n"])
        let started = Date()
        try assertRefused(
            site,
            errors: [
                "Content/en/bomb.md:2:1: error: front matter: its aliases ('*name') expand to more than 10000 "
                    + "values, past the alias budget"
            ])
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "9^9 values were never built")
    }

    /// Debian's libyaml has no nesting limit and the composer recurses once per level: a page of
    /// nothing but `[` is refused at the level past the limit, never followed down.
    func testDeeplyNestedFrontMatterIsRefusedNotFollowed() throws {
        let site = try builtSite([
            "deep.md": "---\ntitle: " + String(repeating: "[", count: 100_000) + "\n---\n\nText.\n"
        ])
        try assertRefused(
            site,
            errors: [
                "Content/en/deep.md:2:263: error: front matter: lists and mappings are nested more than 256 deep; "
                    + "write them flatter"
            ])
    }

    /// A table past the budget is refused before cmark-gfm parses it (1,000 columns × 200 rows take
    /// cmark-gfm 2 s), at its delimiter row, naming the budget and the setting that raises it.
    func testAHugeTableIsRefusedBeforeItIsParsedAndItsBudgetNamesItsSetting() throws {
        func table(columns: Int, rows: Int) -> String {
            let row = "|" + Array(repeating: "cell", count: columns).joined(separator: "|") + "|"
            let delimiter = "|" + Array(repeating: "---", count: columns).joined(separator: "|") + "|"
            return ([row, delimiter] + Array(repeating: row, count: rows)).joined(separator: "\n")
        }
        let site = try builtSite([
            "wide.md": MinimalSite.page(title: "Wide", body: "Intro.\n\n" + table(columns: 1000, rows: 200)),
            // Inline code that looks like a fence hides nothing: cmark-gfm parses the table after it. Nor
            // does a fence in a block quote that ends before the table.
            "hidden.md": MinimalSite.page(title: "Hidden", body: "```x```\n\n" + table(columns: 200, rows: 2)),
            "quoted.md": MinimalSite.page(
                title: "Quoted", body: "> ~~~\n\n" + table(columns: 200, rows: 2) + "\n\n> ~~~"),
            "long.md": MinimalSite.page(
                title: "Long",
                body: table(columns: 10, rows: 1200).split(separator: "\n").map { "> \($0)" }.joined(separator: "\n")),
        ])
        try assertRefused(
            site,
            errors: [
                "Content/en/hidden.md:9:1: error: this table has 3 rows × 200 columns; a table may have at most "
                    + "100 columns",
                "Content/en/long.md:7:1: error: this table has 1201 rows × 10 columns, 12010 cells; a table may "
                    + "have at most 10000 cells, the cell budget ('maxTableCells' in site.yml raises it)",
                "Content/en/quoted.md:9:1: error: this table has 3 rows × 200 columns; a table may have at most "
                    + "100 columns",
                "Content/en/wide.md:9:1: error: this table has 201 rows × 1000 columns; a table may have at most "
                    + "100 columns, the column budget ('maxTableColumns' in site.yml raises it)",
            ])
        site.write("Content/site.yml", MinimalSite.siteYAML + "maxTableCells: 20000\nmaxTableColumns: 1000\n")
        site.write("Content/en/wide.md", MinimalSite.page(title: "Wide", body: table(columns: 150, rows: 20)))
        // A table inside fenced code is text, not measured (``` and ~~~ fences, in a block quote too).
        site.write(
            "Content/en/code.md",
            MinimalSite.page(
                title: "Code",
                body: "````md\n\(table(columns: 2000, rows: 2))\n````\n\n> ~~~\n"
                    + table(columns: 2000, rows: 1).split(separator: "\n").map { "> \($0)\n" }.joined() + "> ~~~"))
        let built = try SpinesiteCommand.run(["build"], in: site.url)
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertEqual(site.read("Site/en/long/index.html")?.components(separatedBy: "<tr>").count, 1202)
    }

    /// A page or alias on a path spinesite writes itself is an error naming both, never lost.
    func testPagesAndAliasesCannotClaimWhatSpinesiteWrites() throws {
        func aliased(_ title: String, _ alias: String) -> String {
            MinimalSite.page(title: title, extra: "aliases:\n  - \(alias)\n")
        }
        let site = try builtSite([
            "search.md": MinimalSite.page(title: "Search"),
            "report.md": aliased("Report", "/content-report/"),
            "icon.md": aliased("Icon", "/favicon.ico"),
            "script.md": aliased("Script", "/assets/search.js"),
        ])
        let advice = "; give the page another slug, or the alias another path"
        try assertRefused(
            site,
            errors: [
                "Content/en/icon.md:5:5: error: this alias's output path 'favicon.ico/index.html' is inside "
                    + "'favicon.ico', which is the site icon" + advice,
                "Content/en/report.md:5:5: error: this alias's output path 'content-report/index.html' is also the "
                    + "content report" + advice,
                "Content/en/script.md:5:5: error: this alias's output path 'assets/search.js/index.html' is inside "
                    + "'assets/', which holds the theme's assets (Templates/assets/)" + advice,
                "Content/en/search.md:1:1: error: this page's output path 'en/search/index.html' is also the search "
                    + "page of 'en'" + advice,
            ])
    }

    func testFiftyMegabytePageIsRefusedWithoutBeingRead() throws {
        let site = try builtSite()
        let handle = try XCTUnwrap(
            FileHandle(forWritingAtPath: site.write("Content/en/huge.md", MinimalSite.page(title: "Huge")).path))
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        try assertRefused(site, errors: ["Content/en/huge.md: error: page is 50 MB; pages may be at most 10 MB"])
    }

    func testTenThousandFilesInOneFolderBuild() throws {
        let site = try builtSite()
        for number in 0..<10_000 {
            site.write(
                "Content/en/many/page-\(number).md",
                "---\ntitle: \"Page \(number)\"\ndescription: \"d\"\n---\n\nText \(number).\n")
        }
        let result = try SpinesiteCommand.run(["build", "--quiet"], in: site.url)
        XCTAssertEqual(result.status, 0, String(result.stderr.prefix(2000)))
        XCTAssertTrue(site.exists("Site/en/many/page-9999/index.html"))
        // The folder's section lists every page, 50 to a page of its list (listPageSize), none of them large.
        var listed = 0
        for number in 1...200 {
            let path = number == 1 ? "Site/en/many/index.html" : "Site/en/many/page/\(number)/index.html"
            let list = try XCTUnwrap(site.read(path), path)
            XCTAssertLessThan(list.utf8.count, 50_000, path)
            listed += list.components(separatedBy: "<a href=\"/en/many/page-").count - 1
        }
        XCTAssertEqual(listed, 10_000)
        XCTAssertFalse(site.exists("Site/en/many/page/201/index.html"))
    }

    func testTenThousandLevelsOfNestingBuild() throws {
        let quotes = String(repeating: ">", count: 10_000) + " deep quote\n"
        let lists = String(repeating: "- ", count: 10_000) + "deep item\n"
        let site = try builtSite(["deep.md": MinimalSite.page(title: "Deep", body: quotes + "\nText.\n\n" + lists)])
        let result = try SpinesiteCommand.run(["build", "--quiet"], in: site.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let page = try XCTUnwrap(site.read("Site/en/deep/index.html"))
        XCTAssertTrue(page.contains("deep quote") && page.contains("deep item"))
        XCTAssertGreaterThanOrEqual(page.components(separatedBy: "<blockquote>").count - 1, 10_000)
    }

    func testInvalidUTF8IsAnErrorAtItsPosition() throws {
        let site = try builtSite()
        // "crónico" saved as Latin-1: ó is the single byte 0xF3.
        let text = MinimalSite.page(title: "Dolor", body: "Good line.\n\nEl dolor lumbar cr*nico.")
        site.write("Content/en/latin1.md", data: Data(text.utf8.map { $0 == UInt8(ascii: "*") ? 0xF3 : $0 }))
        try assertRefused(
            site, errors: ["Content/en/latin1.md:8:19: error: file is not valid UTF-8; save it as UTF-8"])
    }

    func testNULByteIsAnError() throws {
        let site = try builtSite(["nul.md": MinimalSite.page(body: "Before\u{0}after.")])
        try assertRefused(site, errors: ["Content/en/nul.md:6:7: error: file contains a NUL byte; is it a text file?"])
    }

    func testCRLFAndBOMJustWork() throws {
        let crlf = MinimalSite.page(title: "Windows", body: "## Line ends\r\n\r\nText with [a link](bom.md).")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let site = try builtSite(["crlf.md": crlf])
        site.write("Content/en/bom.md", data: Data([0xEF, 0xBB, 0xBF]) + Data(MinimalSite.page(title: "Marked").utf8))
        let result = try SpinesiteCommand.run(["build", "--quiet"], in: site.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let windows = try XCTUnwrap(site.read("Site/en/crlf/index.html"))
        XCTAssertTrue(windows.contains("<h1>Windows</h1>") && windows.contains("<h2 id=\"line-ends\">Line ends</h2>"))
        XCTAssertTrue(windows.contains("<a href=\"/en/bom/\">a link</a>"))
        XCTAssertFalse(windows.contains("\r"))
        XCTAssertTrue(try XCTUnwrap(site.read("Site/en/bom/index.html")).contains("<h1>Marked</h1>"))
    }

    func testSymlinkLoopIsAnErrorNotAHang() throws {
        let site = try builtSite()
        try FileManager.default.createSymbolicLink(
            atPath: site.path + "/Content/en/loop.md", withDestinationPath: "loop.md")
        try assertRefused(
            site, errors: ["Content/en/loop.md: error: symbolic link cannot be resolved (broken, or a loop)"])
    }

    /// Files deleted and rewritten while builds run: each build either
    /// succeeds or fails naming only those files, and a failed build leaves
    /// the output exactly as the build before it left it. (A race by nature:
    /// which of the two happens varies; neither may crash or half-write.)
    func testFilesThatDisappearDuringTheBuildFailCleanly() throws {
        let site = try builtSite()
        let names = (0..<100).map { "Content/en/churn/page-\($0).md" }
        let text = MinimalSite.page(title: "Churn")
        for name in names { site.write(name, text) }
        let churning = ChurnFlag()
        let churner = Thread {
            while churning.isOn {
                for name in names {
                    try? FileManager.default.removeItem(atPath: site.path + "/" + name)
                    site.write(name, text)
                }
            }
        }
        churner.start()
        var failures = 0
        for _ in 0..<15 {
            let before = snapshot(site)
            do {
                _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
                XCTAssertTrue(site.exists("Site/en/tens/index.html"), "a whole site was written")
            } catch {
                failures += 1
                for diagnostic in error.errors {
                    XCTAssertTrue(
                        diagnostic.description.hasPrefix(site.path + "/Content/en/churn/page-"), diagnostic.description
                    )
                }
                XCTAssertTrue(snapshot(site) == before, "a failed build changed Site/")
            }
        }
        churning.isOn = false
        while !churner.isFinished { usleep(1000) }
        print("HostileInputTests: \(failures) of 15 builds met a vanishing file")
    }

    func testUnwritableOutputFolderKeepsTheOldSite() throws {
        let site = try builtSite(["pnt.md": MinimalSite.page(title: "PNT")])
        // As root, permissions are not enforced: build as `nobody` instead, who
        // can read the project (0755/0644) but not write in it.
        let user = getuid() == 0 ? "nobody" : nil
        if user == nil { chmod(site.path, 0o555) }
        defer { chmod(site.path, 0o755) }
        // An incremental build writes in place, a clean one beside the output folder: both are refused.
        try assertRefused(site, errors: ["Site/en/pnt: error: cannot create folder: Permission denied"], user: user)
        try assertRefused(
            site, errors: ["Site: error: cannot create the staging folder"], user: user,
            arguments: ["build", "--clean"])
    }
}

/// Tells the churning thread when to stop.
private final class ChurnFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var on = true
    var isOn: Bool {
        get { lock.withLock { on } }
        set { lock.withLock { on = newValue } }
    }
}
