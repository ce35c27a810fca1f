import Foundation
import Incremental
import SiteModel
import SiteWriter
import SpinesiteKit
import TestSupport
import XCTest

/// Incremental builds against clean ones, on a copy of the real site and templates.
final class IncrementalBuildTests: XCTestCase {
    var folder: TemporaryFolder!
    var root: String { folder.path + "/site" }

    override func tearDown() {
        folder = nil  // removed now, not when the run ends: XCTest keeps every test case
        super.tearDown()
    }

    override func setUpWithError() throws {
        folder = TemporaryFolder()
        folder.copy(from: Repository.root.appendingPathComponent("Content"), to: "site/Content")
        folder.copy(from: Repository.templates, to: "site/Templates")
        let first = try build()
        XCTAssertEqual(first.mode, .staging, "no record yet")
    }

    @discardableResult
    func build(today: String = "2026-06-01") throws -> BuildSummary {
        try SiteBuilder.build(BuildOptions(root: root, output: root + "/Site", today: CalendarDate(iso: today)))
    }

    /// A clean build of the same sources into `Clean/`, compared file by file with `Site/`.
    /// - Returns: the clean build's report.
    @discardableResult
    func assertMatchesCleanBuild(_ message: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> BuildSummary
    {
        let report = try SiteBuilder.build(
            BuildOptions(
                root: root, output: folder.path + "/Clean", today: CalendarDate(iso: "2026-06-01"), fromScratch: true))
        let incremental = OutputTree(root + "/Site")
        let clean = OutputTree(folder.path + "/Clean")
        XCTAssertEqual(incremental.paths, clean.paths, "same files after \(message)", file: file, line: line)
        // The marker names the site as seen from its folder, which differs between the two.
        for path in incremental.paths
        where path != OutputOwnership.markerName && incremental.contents(path) != clean.contents(path) {
            XCTFail("\(path) differs from a clean build after \(message)", file: file, line: line)
        }
        return report
    }

    /// The fences of the blocks `site.yml` requires on every therapy page, for pages added there.
    static let requiredBlockFences = [
        "safety/implanted-devices", "safety/pregnancy", "safety/skin", "safety/urgent-signs",
    ].map { "\n```block\n\($0)\n```\n" }.joined()

    func edit(_ path: String, _ change: (String) -> String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: false, encoding: .utf8)
    }

    func testNothingChangedReadsNoPageAndTouchesNoFile() throws {
        // The sources were copied just before the first build: stamps that recent are not
        // trusted, so this build looks at them again, and finds nothing to redo.
        let settling = try build()
        XCTAssertEqual(settling.pagesRendered, 0)
        XCTAssertEqual(settling.changedFiles, [])
        let before = OutputTree(root + "/Site")
        let report = try build()
        XCTAssertEqual(report.mode, .unchanged)
        XCTAssertEqual(report.pagesRendered, 0)
        XCTAssertEqual(report.totalPages, 27)
        XCTAssertFalse(report.warnings.isEmpty, "the recorded warnings are repeated")
        XCTAssertEqual(OutputTree(root + "/Site").stamps, before.stamps)
    }

    func testOneBodyEditRewritesThatPageAndTheReportOnly() throws {
        let before = OutputTree(root + "/Site")
        try edit("Content/en/therapies/electroacupuncture.md") { $0 + "\nOne more sentence for this test.\n" }
        let report = try build()
        XCTAssertEqual(report.mode, .inPlace)
        // es has its own translation; ar borrows the English page, so its copy changes too. English
        // search index files change with the text, and the English search page names the new index.
        XCTAssertTrue(report.changedFiles.contains("en/search/index.html"))
        XCTAssertTrue(report.changedFiles.contains { $0.hasPrefix("assets/search/en/f/") })
        XCTAssertFalse(report.changedFiles.contains { $0.hasPrefix("assets/search/es/") })
        XCTAssertEqual(
            report.changedFiles.filter { !$0.hasPrefix("assets/search/") && $0 != "en/search/index.html" },
            [
                "ar/therapies/electroacupuncture/index.html", "content-report/index.html",
                "en/therapies/electroacupuncture/index.html", "es/terapias/electroacupuntura/index.html",
            ])
        XCTAssertEqual(
            report.pagesRendered, 4, "the page, its borrowed copy, the Spanish translation, now stale, the search page"
        )
        let after = OutputTree(root + "/Site")
        for path in before.paths where !report.changedFiles.contains(path) {
            XCTAssertEqual(after.stamps[path], before.stamps[path], "\(path) untouched")
        }
        try assertMatchesCleanBuild("a body edit")
    }

    func testTitleEditRerendersExactlyThePagesThatShowIt() throws {
        let before = OutputTree(root + "/Site")
        let title = "TENS: a renamed page"
        try edit("Content/en/therapies/tens.md") {
            $0.replacingOccurrences(
                of: "title: \"Transcutaneous electrical nerve stimulation (TENS)\"", with: "title: \"\(title)\"")
        }
        let report = try build()
        let after = OutputTree(root + "/Site")
        let showing = Set(after.paths.filter { $0.hasSuffix(".html") && after.text($0).contains(title) })
        XCTAssertGreaterThan(showing.count, 4, "the page, its section, the home page, related pages, the search page")
        XCTAssertEqual(
            Set(report.changedFiles.filter { $0.hasSuffix(".html") && $0 != "content-report/index.html" }),
            showing.subtracting(["content-report/index.html"]))
        for path in before.paths where !report.changedFiles.contains(path) {
            XCTAssertEqual(after.stamps[path], before.stamps[path], "\(path) untouched")
        }
        try assertMatchesCleanBuild("a title edit")
    }

    func testTemplateEditRerendersThePagesThatUseIt() throws {
        try edit("Templates/section.mustache") { $0 + "<!-- section marker -->\n" }
        let report = try build()
        let after = OutputTree(root + "/Site")
        let marked = after.paths.filter { after.text($0).contains("<!-- section marker -->") }
        XCTAssertEqual(marked.count, 3, "one section page per locale")
        XCTAssertEqual(report.changedFiles, marked)
        XCTAssertEqual(report.pagesRendered, 3)
        try assertMatchesCleanBuild("a template edit")
    }

    func testRandomEditsGiveTheSameSiteAsACleanBuild() throws {
        var random = SeededGenerator(seed: 20_261_126)
        let pages = OutputTree(root + "/Content").paths.filter { $0.hasSuffix(".md") }
        var added: [String] = []
        for step in 0..<14 {
            let action: String
            switch random.next() % 7 {
            case 0:
                let page = pages[Int(random.next() % UInt64(pages.count))]
                try edit("Content/" + page) { $0 + "\nAdded in step \(step).\n" }
                action = "body of \(page)"
            case 1:
                let page = pages[Int(random.next() % UInt64(pages.count))]
                try edit("Content/" + page) {
                    $0.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Step \(step) ")
                }
                action = "title of \(page)"
            case 2:
                let locale = ["en", "es", "ar"][Int(random.next() % 3)]
                try edit("Content/\(locale)/locale.yml") {
                    $0.replacingOccurrences(of: "\n  home: \"", with: "\n  home: \"\(step) ")
                }
                action = "the 'home' string of \(locale)"
            case 3:
                let template = ["topic", "base", "partials/breadcrumbs", "cached/footer"][Int(random.next() % 4)]
                try edit("Templates/\(template).mustache") { $0 + "<!-- step \(step) -->\n" }
                action = "template \(template)"
            case 4:
                let name = "en/therapies/added-\(step).md"
                folder.write(
                    "site/Content/" + name,
                    "---\ntitle: \"Added \(step)\"\ndescription: \"A page added in step \(step).\"\nweight: "
                        + "\(step)\n---\n\nIt links to [TENS](tens.md).\n" + Self.requiredBlockFences
                )
                added.append(name)
                action = "new page \(name)"
            case 5 where !added.isEmpty:
                let name = added.removeFirst()
                try FileManager.default.removeItem(atPath: root + "/Content/" + name)
                action = "removed page \(name)"
            default:
                let page = pages[Int(random.next() % UInt64(pages.count))]
                try edit("Content/" + page) { $0 }
                action = "saved \(page) unchanged"
            }
            let before = OutputTree(root + "/Site")
            let report = try build()
            XCTAssertNotEqual(report.mode, .staging, action)
            let after = OutputTree(root + "/Site")
            for path in before.paths where after.contents(path) != nil && after.contents(path) == before.contents(path)
            {
                XCTAssertEqual(
                    after.stamps[path], before.stamps[path],
                    "\(path) has the same bytes, so its file is untouched, after \(action)")
            }
            try assertMatchesCleanBuild(action)
        }
    }

    func testTopicsAddedAndRemovedMoveAcrossListPagesAsInACleanBuild() throws {
        try edit("Content/site.yml") { $0 + "listPageSize: 2\nhomeListSize: 2\n" }
        try build()
        try assertMatchesCleanBuild("a smaller list page size")
        XCTAssertTrue(folder.exists("site/Site/en/therapies/page/3/index.html"), "5 therapies, 2 a page")
        XCTAssertFalse(folder.exists("site/Site/en/therapies/page/4/index.html"))
        // Weight 1 sorts first: every therapy moves one place down the list.
        for step in 1...2 {
            folder.write(
                "site/Content/en/therapies/first-\(step).md",
                "---\ntitle: \"First \(step)\"\ndescription: \"A page added first.\"\nweight: 1\n---\n\nText.\n"
                    + Self.requiredBlockFences)
            try build()
            try assertMatchesCleanBuild("adding a topic at the top of a paginated list")
        }
        XCTAssertTrue(folder.exists("site/Site/en/therapies/page/4/index.html"), "7 therapies, 2 a page")
        XCTAssertTrue(try XCTUnwrap(folder.read("site/Site/en/therapies/index.html")).contains(">First 1<"))
        for step in 1...2 {
            try FileManager.default.removeItem(atPath: root + "/Content/en/therapies/first-\(step).md")
            try build()
            try assertMatchesCleanBuild("removing a topic from a paginated list")
        }
        XCTAssertFalse(folder.exists("site/Site/en/therapies/page/4/index.html"), "its file is removed")
    }

    func testAFileChangedInTheOutputIsWrittenAgain() throws {
        folder.write("site/Site/en/index.html", "edited by hand")
        try FileManager.default.removeItem(atPath: root + "/Site/es/terapias/index.html")
        folder.write("site/Site/en/stray.html", "not produced by the build")
        let report = try build()
        XCTAssertEqual(report.mode, .inPlace)
        XCTAssertEqual(report.changedFiles, ["en/index.html", "en/stray.html", "es/terapias/index.html"])
        try assertMatchesCleanBuild("changes to the output folder")
    }

    func testAFailedBuildChangesNeitherTheSiteNorTheRecord() throws {
        let before = OutputTree(root + "/Site")
        try edit("Content/en/therapies/tens.md") { $0.replacingOccurrences(of: "\ntitle: ", with: "\nnotTitle: ") }
        XCTAssertThrowsError(try build())
        XCTAssertEqual(OutputTree(root + "/Site").stamps, before.stamps)
        try edit("Content/en/therapies/tens.md") { $0.replacingOccurrences(of: "\nnotTitle: ", with: "\ntitle: ") }
        let report = try build()
        XCTAssertEqual(report.mode, .inPlace)
        try assertMatchesCleanBuild("a failed build and its fix")
    }

    func testAProcessThatKeepsItsBuildsInMemoryNeedsNoCacheFiles() throws {
        let memory = LastBuild()
        let options = BuildOptions(root: root, output: root + "/Site", today: CalendarDate(iso: "2026-06-01"))
        _ = try SiteBuilder.build(options, lastBuild: memory)
        memory.flush()
        try FileManager.default.removeItem(atPath: root + "/.spinesite-cache")
        try edit("Content/en/therapies/pns.md") { $0 + "\nSaved while previewing.\n" }
        let report = try SiteBuilder.build(options, lastBuild: memory)
        XCTAssertEqual(report.mode, .inPlace, "the record came from memory")
        // The page, its copy, its stale translation, and the search page naming the new index.
        XCTAssertLessThanOrEqual(report.pagesRendered, 4)
        try assertMatchesCleanBuild("an edit under a process's memory")
    }

    func testAnotherCacheKeyMeansACleanBuild() throws {
        // The day is part of the key (review dates depend on it), like the spinesite executable.
        let report = try build(today: "2026-06-02")
        XCTAssertEqual(report.mode, .staging)
        XCTAssertEqual(
            report.pagesRendered, report.totalPages + 8,
            "every page, the root, the root's and the three locales' 404 pages and the three search pages")
    }

    func testACorruptCacheMeansACleanBuildNeverACrash() throws {
        // The build's record, not the pictures' variants beside it.
        let cache = try XCTUnwrap(
            FileManager.default.contentsOfDirectory(atPath: root + "/.spinesite-cache").first { $0 != "pictures" })
        let files = ["build.bin"].map { root + "/.spinesite-cache/\(cache)/\($0)" }
        var random = SeededGenerator(seed: 7)
        for (round, file) in (files + files).enumerated() {
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            if round < files.count {
                bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count))))
            } else {
                bytes[Int(random.next() % UInt64(bytes.count))] ^= 0x5A
            }
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            try edit("Content/en/low-back-pain.md") { $0 + "\nRound \(round).\n" }
            let report = try build()
            if file.hasSuffix("build.bin") { XCTAssertEqual(report.mode, .staging, "a damaged record is not used") }
            try assertMatchesCleanBuild("damaging \(file)")
        }
    }
}

/// Every file under a folder, as it was when read: its bytes and its stamp.
struct OutputTree {
    let paths: [String]
    let stamps: [String: String]
    private let files: [String: Data]

    init(_ root: String) {
        let all = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        paths = all.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
                && !isFolder.boolValue
        }.sorted()
        var stamps: [String: String] = [:]
        for path in paths {
            var info = stat()
            if lstat(root + "/" + path, &info) == 0 {
                stamps[path] = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
            }
        }
        self.stamps = stamps
        files = Dictionary(
            uniqueKeysWithValues: paths.compactMap { path in
                FileManager.default.contents(atPath: root + "/" + path).map { (path, $0) }
            })
    }

    func contents(_ path: String) -> Data? {
        files[path]
    }

    func text(_ path: String) -> String {
        contents(path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
