import Foundation
import Incremental
import SiteModel
import TestSupport
import XCTest

final class RebuildModeTests: XCTestCase {
    private var folder: TemporaryFolder!
    private var output: URL { folder.url.appendingPathComponent("Site") }
    private var store: RecordStore { RecordStore(root: folder.url, output: output, key: "spinesite test") }

    override func tearDown() {
        folder = nil  // removed now, not when the run ends: XCTest keeps every test case
        super.tearDown()
    }

    override func setUp() {
        folder = TemporaryFolder()
    }

    /// A record of a build that read and wrote nothing: its stamps are all still true.
    private let record = BuildRecord(
        inputs: [], outputs: [],
        summary: BuildSummary(
            pageCounts: [], filesWritten: 0, warnings: [], basePath: "/", draftsSkipped: 0, mode: .staging))

    private func decide(
        _ changes: [FileChange]?, record: BuildRecord?, lastBuild: LastBuild = LastBuild(keepsRenderedSite: false),
        fromScratch: Bool = false
    ) -> RebuildMode {
        RebuildMode.decide(
            after: changes, record: record, lastBuild: lastBuild, store: store, content: "Content", output: output,
            fromScratch: fromScratch)
    }

    func testPageBodiesAloneArePatched() {
        XCTAssertEqual(decide([.file("Content/en/tens.md"), .file("Content/es/tens.md")], record: nil), .patch)
        XCTAssertEqual(decide([.file("Content/en/.tens.md.swp")], record: nil), .staging, "nothing the build reads")
    }

    /// A shared block shows on every page placing it: an edit to it renders them all again.
    func testAnEditToASharedBlockTakesAFullBuild() {
        XCTAssertEqual(decide([.file("Content/en/_blocks/safety/implanted-devices.md")], record: nil), .staging)
        XCTAssertEqual(
            decide([.file("Content/en/tens.md"), .file("Content/es/_blocks/urgent.md")], record: nil), .staging)
    }

    func testLostEventsAndOtherFilesTakeAFullBuild() {
        folder.write("Site/index.html", "<p>")
        XCTAssertEqual(decide([.lostEvents, .file("Content/en/tens.md")], record: nil), .staging)
        XCTAssertEqual(decide([.file("Templates/base.mustache")], record: record), .unchanged, "the stamps decide")
        XCTAssertEqual(decide([.file("Content/en/tens.md")], record: record, fromScratch: true), .staging)
    }

    func testARecordStillTrueIsAnUnchangedBuildUnlessThePreviewHasNoSiteToPatch() {
        XCTAssertEqual(decide(nil, record: record), .unchanged)
        XCTAssertEqual(decide(nil, record: record, lastBuild: LastBuild()), .staging, "no output folder yet")
        folder.write("Site/index.html", "<p>")
        XCTAssertEqual(decide(nil, record: record, lastBuild: LastBuild()), .inPlace)
        XCTAssertEqual(decide(nil, record: nil), .staging, "no record: nothing known of the folder")
    }

    func testAFileChangedSinceTheRecordTakesAFullBuild() throws {
        folder.write("Site/index.html", "<p>")
        let stamps = FileStamp.of(["index.html"], under: output.path)
        var stale = record
        stale.outputs = stamps
        XCTAssertEqual(decide(nil, record: stale), .unchanged)
        stale.outputs[0].stamp.size += 1
        XCTAssertEqual(decide(nil, record: stale), .inPlace)
    }

    func testLostEventsSortBeforeFiles() {
        XCTAssertEqual(
            LastBuild().pending([.file("b"), .lostEvents, .file("a")]), [.lostEvents, .file("a"), .file("b")])
    }
}
