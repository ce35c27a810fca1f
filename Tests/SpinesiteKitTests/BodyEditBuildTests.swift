import Foundation
import Incremental
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// The preview's fast path: a build told which files changed, that finds
/// only page bodies changed, patches the last one (see `BodyEditBuild`).
extension IncrementalBuildTests {
    private var options: BuildOptions {
        BuildOptions(root: root, output: root + "/Site", today: CalendarDate(iso: "2026-06-01"))
    }

    /// A build as the preview makes it after the watcher saw `paths` change.
    private func previewBuild(_ memory: LastBuild, _ paths: [String]) throws -> BuildSummary {
        try SiteBuilder.build(options, lastBuild: memory, changes: paths.map { .file(root + "/Content/" + $0) })
    }

    func testBodyEditsPatchTheLastBuildAndEqualACleanOne() throws {
        let memory = LastBuild()
        try SiteBuilder.build(options, lastBuild: memory)
        var random = SeededGenerator(seed: 20_261_127)
        let pages = OutputTree(root + "/Content").paths.filter { $0.hasSuffix(".md") }
        for step in 0..<8 {
            let page = pages[Int(random.next() % UInt64(pages.count))]
            try edit("Content/" + page) { $0 + "\nSentence \(step), saved while previewing.\n" }
            let report = try previewBuild(memory, [page])
            if page.contains("/_blocks/") {
                // A shared block shows on every page placing it: the full path renders them all.
                XCTAssertEqual(report.mode, .inPlace, page)
            } else {
                XCTAssertEqual(report.mode, .patch, page)
                // The locale's search index files whose bytes change are written besides.
                let locale = String(page.prefix { $0 != "/" })
                let index = report.changedFiles.filter { $0.hasPrefix("assets/search/") }
                XCTAssertTrue(index.allSatisfy { $0.hasPrefix("assets/search/\(locale)/") }, page)
                XCTAssertLessThanOrEqual(report.changedFiles.count - index.count, 12, page)
            }
            let clean = try assertMatchesCleanBuild("a body edit of \(page)")
            XCTAssertEqual(report.warnings, clean.warnings, "the same warnings as a clean build after editing \(page)")
            XCTAssertEqual(report.pageCounts.map(\.pages), clean.pageCounts.map(\.pages))
        }
    }

    func testBodyEditsInAPaginatedSectionArePatchedAndEqualACleanBuild() throws {
        try edit("Content/site.yml") { $0 + "listPageSize: 2\n" }
        let memory = LastBuild()
        try SiteBuilder.build(options, lastBuild: memory)
        XCTAssertTrue(folder.exists("site/Site/en/therapies/page/3/index.html"), "5 therapies, 2 a page")
        for page in ["en/therapies/_index.md", "en/therapies/tens.md"] {
            try edit("Content/" + page) { $0 + "\nSaved while previewing a long list.\n" }
            let report = try previewBuild(memory, [page])
            XCTAssertEqual(report.mode, .patch, page)
            try assertMatchesCleanBuild("a body edit of \(page) in a paginated section")
        }
    }

    func testAnOriginalEditedAndRestoredMakesItsTranslationStaleThenCurrent() throws {
        let memory = LastBuild()
        try SiteBuilder.build(options, lastBuild: memory)
        let page = "en/therapies/electroacupuncture.md"
        let original = try String(contentsOfFile: root + "/Content/" + page, encoding: .utf8)
        let translation = "es/terapias/electroacupuntura/index.html"
        let currentTranslation = OutputTree(root + "/Site").text(translation)

        try edit("Content/" + page) { $0 + "\nA sentence the Spanish page does not have yet.\n" }
        let edited = try previewBuild(memory, [page])
        XCTAssertEqual(edited.mode, .patch)
        XCTAssertEqual(
            edited.changedFiles.filter { !$0.hasPrefix("assets/search/en/") },
            [
                "ar/therapies/electroacupuncture/index.html", "content-report/index.html",
                "en/search/index.html", "en/therapies/electroacupuncture/index.html", translation,
            ])
        XCTAssertTrue(
            edited.warnings.contains {
                $0.message.hasPrefix("translation is stale")
                    && $0.location.file.hasSuffix("es/therapies/electroacupuncture.md")
            })
        XCTAssertEqual(edited.warnings, try assertMatchesCleanBuild("an original edited").warnings)

        try edit("Content/" + page) { _ in original }
        let restored = try previewBuild(memory, [page])
        XCTAssertEqual(restored.mode, .patch)
        XCTAssertTrue(restored.changedFiles.contains(translation))
        XCTAssertEqual(OutputTree(root + "/Site").text(translation), currentTranslation, "current again")
        XCTAssertEqual(restored.warnings, try assertMatchesCleanBuild("an original restored").warnings)
    }

    func testAPatchedBuildLeavesARecordThatALaterBuildTrusts() throws {
        let memory = LastBuild()
        try SiteBuilder.build(options, lastBuild: memory)
        try edit("Content/en/therapies/pns.md") { $0 + "\nSaved while previewing.\n" }
        // Past the racy window, so the stamp taken before reading is trusted.
        Thread.sleep(forTimeInterval: 0.15)
        XCTAssertEqual(try previewBuild(memory, ["en/therapies/pns.md"]).mode, .patch)
        memory.flush()
        XCTAssertEqual(try build().mode, .unchanged, "a build from the cache files finds nothing changed")
        try edit("Content/en/therapies/tens.md") { $0 + "\nEdited after the preview.\n" }
        XCTAssertEqual(try build().mode, .inPlace, "and still sees a file changed after the patch")
        try assertMatchesCleanBuild("a patched build, then a build from the record")
    }

    func testTextAddedAboveAnExplainerMovesItsBlockAndIsStillABodyEdit() throws {
        let memory = LastBuild()
        try SiteBuilder.build(options, lastBuild: memory)
        let page = "en/therapies/tens.md"
        XCTAssertTrue(try String(contentsOfFile: root + "/Content/" + page, encoding: .utf8).contains("```pulse"))
        try edit("Content/" + page) { text in
            // The body starts after the second `---` line: a paragraph there moves every block below it.
            let end = text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex)!
            return text.replacingCharacters(
                in: end, with: "\n---\n\nA paragraph added above everything, explainer included.\n")
        }
        XCTAssertEqual(try previewBuild(memory, [page]).mode, .patch)
        let report = try previewBuild(memory, [page])
        XCTAssertEqual(report.pagesRendered, 0, "saved again unchanged: nothing to render")
        XCTAssertEqual(report.changedFiles, [])
        XCTAssertEqual(report.warnings, try assertMatchesCleanBuild("a paragraph above an explainer").warnings)
    }

    func testEditsBeyondBodiesTakeTheFullPath() throws {
        let memory = LastBuild()
        try SiteBuilder.build(options, lastBuild: memory)
        let edits: [(String, String, (String) -> String)] = [
            ("a new heading", "en/therapies/tens.md", { $0 + "\n## A heading added in preview\n\nText.\n" }),
            (
                "a title", "en/therapies/pns.md",
                { $0.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Renamed ") }
            ),
            // Its HTML and the link preview's alt are kept by position between saves.
            (
                "a picture's alt text", "en/therapies/tens.md",
                { $0.replacingOccurrences(of: "![Back view:", with: "![Rear view:") }
            ),
            (
                "a locale string", "es/locale.yml",
                { $0.replacingOccurrences(of: "\n  home: \"", with: "\n  home: \"Edited ") }
            ),
        ]
        for (what, path, change) in edits {
            try edit("Content/" + path, change)
            let report = try previewBuild(memory, [path])
            XCTAssertEqual(report.mode, .inPlace, what)
            try assertMatchesCleanBuild(what)
        }
        folder.write(
            "site/Content/en/therapies/added.md",
            "---\ntitle: \"Added\"\ndescription: \"A page added while previewing.\"\n---\n\nText.\n"
                + Self.requiredBlockFences)
        XCTAssertEqual(try previewBuild(memory, ["en/therapies/added.md"]).mode, .inPlace, "a new page")
        XCTAssertNotEqual(
            try SiteBuilder.build(options, lastBuild: memory, changes: [.lostEvents]).mode, .patch,
            "lost events: every file looked at")
        try assertMatchesCleanBuild("a new page")
    }

    /// The therapy pages place shared blocks: a save of one is patched, its blocks placed again in
    /// each reader's locale (the Arabic copy of the English page shows the Arabic blocks).
    func testABodyEditOfAPagePlacingBlocksIsPatched() throws {
        let memory = LastBuild()
        try SiteBuilder.build(options, lastBuild: memory)
        for page in ["en/therapies/pns.md", "es/therapies/tens.md", "ar/therapies/pnt.md"] {
            XCTAssertTrue(try String(contentsOfFile: root + "/Content/" + page, encoding: .utf8).contains("```block"))
            try edit("Content/" + page) { $0 + "\nA sentence saved while previewing, with an electrode.\n" }
            let report = try previewBuild(memory, [page])
            XCTAssertEqual(report.mode, .patch, page)
            XCTAssertEqual(report.warnings, try assertMatchesCleanBuild("a body edit of \(page)").warnings, page)
        }
        let page = "en/therapies/pns.md"
        XCTAssertTrue(OutputTree(root + "/Site").text("en/therapies/pns/index.html").contains("ref-iec60601"))
        try edit("Content/" + page) { text in
            // The page's last reference cited first: every number moves, the block's too.
            let end = text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex)!
            return text.replacingCharacters(in: end, with: "\n---\n\nCited first [@ilfeld2017].\n")
        }
        XCTAssertEqual(try previewBuild(memory, [page]).mode, .patch, "a citation: the blocks' numbers follow")
        try assertMatchesCleanBuild("a citation added before the blocks of \(page)")
    }

    /// What the block stage found of a page holds while its fences are as they were; a changed fence
    /// or a block's own file takes the full path, and a required block taken away is an error.
    func testAChangedBlockFenceOrABlockFileTakesTheFullPath() throws {
        let memory = LastBuild()
        try SiteBuilder.build(options, lastBuild: memory)
        let page = "en/therapies/tens.md"
        let fence = "```block\nsafety/skin\n```\n"
        try edit("Content/" + page) { $0.replacingOccurrences(of: fence, with: "") }
        XCTAssertThrowsError(try previewBuild(memory, [page])) { error in
            XCTAssertTrue("\(error)".contains("'safety/skin'"), "\(error)")
        }
        try edit("Content/" + page) { $0 + "\n" + fence }
        XCTAssertEqual(try previewBuild(memory, [page]).mode, .inPlace, "a fence moved")
        try assertMatchesCleanBuild("a block fence moved on \(page)")
        let block = "en/_blocks/safety/skin.md"
        try edit("Content/" + block) { $0 + "\nA sentence added to the block.\n" }
        let report = try previewBuild(memory, [block])
        XCTAssertEqual(report.mode, .inPlace)
        XCTAssertTrue(report.changedFiles.contains("en/therapies/pnt/index.html"), "\(report.changedFiles)")
        try assertMatchesCleanBuild("a block edited")
    }

    func testHiddenFilesAreNoChangeButABackupFileIs() throws {
        let memory = LastBuild()
        try SiteBuilder.build(options, lastBuild: memory)
        try edit("Content/en/therapies/tens.md") { $0 + "\nSaved by an editor that keeps a swap file.\n" }
        folder.write("site/Content/en/therapies/.tens.md.swp", "swap")
        XCTAssertEqual(
            try previewBuild(memory, ["en/therapies/.tens.md.swp", "en/therapies/tens.md"]).mode, .patch)
        folder.write("site/Content/en/therapies/tens.md~", "backup")
        let report = try previewBuild(memory, ["en/therapies/tens.md~"])
        XCTAssertEqual(report.mode, .inPlace, "a file beside the pages (a picture?) takes the full path")
        try assertMatchesCleanBuild("a backup file beside a page")
    }

    func testABrokenBodyKeepsFailingUntilItIsFixedWhateverElseIsSaved() throws {
        let memory = LastBuild()
        try SiteBuilder.build(options, lastBuild: memory)
        let before = OutputTree(root + "/Site")
        try edit("Content/en/therapies/tens.md") { $0 + "\nSee [a page that does not exist](nowhere.md).\n" }
        XCTAssertThrowsError(try previewBuild(memory, ["en/therapies/tens.md"]))
        XCTAssertEqual(OutputTree(root + "/Site").stamps, before.stamps, "nothing written")
        try edit("Content/en/therapies/pns.md") { $0 + "\nAnother page saved meanwhile.\n" }
        XCTAssertThrowsError(try previewBuild(memory, ["en/therapies/pns.md"]), "the broken page is still read")
        try edit("Content/en/therapies/tens.md") {
            $0.replacingOccurrences(of: "\nSee [a page that does not exist](nowhere.md).\n", with: "\n")
        }
        XCTAssertEqual(try previewBuild(memory, ["en/therapies/tens.md"]).mode, .patch)
        try assertMatchesCleanBuild("a broken body, another save, and the fix")
    }
}
