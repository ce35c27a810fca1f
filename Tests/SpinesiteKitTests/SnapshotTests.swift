import Foundation
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// Every output file of the fixture sites against its reviewed snapshot (Tests/Fixtures/Snapshots/).
///
/// After an intended change, `RECORD=1 make test` (or `RECORD=1 swift test --filter SnapshotTests`)
/// rewrites the snapshots; review them with `git diff Tests/Fixtures/Snapshots` before committing.
final class SnapshotTests: XCTestCase {
    func testBasicSiteWithDraftsMatchesItsSnapshot() throws {
        try assertSnapshot(of: "basic", drafts: true)
    }

    func testFallbackSiteMatchesItsSnapshot() throws {
        try assertSnapshot(of: "Fallback")
    }

    func testHostileSiteMatchesItsSnapshot() throws {
        try assertSnapshot(of: "Hostile")
    }

    /// The comparison itself: one changed byte, one missing file and one new file are each reported.
    func testAChangedByteAMissingFileAndANewFileAreEachReported() throws {
        let folder = TemporaryFolder()
        try build("Hostile", into: folder.url.appendingPathComponent("out"))
        let snapshot = SnapshotFolder("Hostile", at: folder.url.appendingPathComponent("snapshot"))
        try snapshot.record(from: folder.url.appendingPathComponent("out"))
        XCTAssertEqual(snapshot.differences(from: folder.url.appendingPathComponent("out")), [])

        var page = try XCTUnwrap(folder.read("out/index.html"))
        page.replaceSubrange(page.index(before: page.endIndex)..., with: " ")
        folder.write("out/index.html", page)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("out/robots.txt"))
        folder.write("out/stray.html", "<p>stray</p>")

        let found = snapshot.differences(from: folder.url.appendingPathComponent("out"))
        XCTAssertEqual(found.count, 3, found.joined(separator: "\n"))
        XCTAssertTrue(found.contains { $0.hasPrefix("Hostile/index.html: line ") }, "\(found)")
        XCTAssertTrue(found.contains("Hostile/robots.txt: in the snapshot, not in the output"), "\(found)")
        XCTAssertTrue(found.contains("Hostile/stray.html: new in the output, not in the snapshot"), "\(found)")
    }

    private func assertSnapshot(of site: String, drafts: Bool = false) throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("out")
        try build(site, drafts: drafts, into: output)
        let snapshot = SnapshotFolder(site)
        if SnapshotFolder.isRecording {
            try snapshot.record(from: output)
            return
        }
        let found = snapshot.differences(from: output)
        XCTAssertTrue(
            found.isEmpty,
            "\(found.count) file(s) differ from the snapshot (RECORD=1 make test records the output):\n"
                + found.joined(separator: "\n"))
    }

    /// A copy of the fixture, so the build's record stays out of the repository, and a fixed day, so
    /// review-date warnings in the content report do not move with the calendar.
    private func build(_ site: String, drafts: Bool = false, into output: URL) throws {
        let source = TemporaryFolder()
        source.copy(from: Repository.fixture(site), to: "site")
        try SiteBuilder.build(
            BuildOptions(
                root: source.path + "/site", output: output.path, includeDrafts: drafts,
                templates: Repository.templates.path, today: CalendarDate(iso: "2026-06-01")))
    }
}
