import Foundation
import SiteModel
import SiteWriter
import TestSupport
import XCTest

/// A build replaces only a folder that is missing, empty or marked as this site's output.
final class OutputOwnershipTests: XCTestCase {
    private func check(_ folder: TemporaryFolder, _ output: String, hasBuildRecord: Bool = false) -> BuildFailure? {
        do {
            try OutputOwnership.check(
                output: folder.url.appendingPathComponent(output), root: folder.url.appendingPathComponent("site"),
                hasBuildRecord: hasBuildRecord)
            return nil
        } catch {
            return error
        }
    }

    func testAFolderOfSomeoneElsesFilesIsRefusedNamingSomeOfThem() throws {
        let folder = TemporaryFolder()
        for name in ["thesis.txt", "notes.md", "b", "c", "d", "e"] { folder.write("docs/\(name)", "mine") }
        let failure = try XCTUnwrap(check(folder, "docs"))
        let message = failure.description
        XCTAssertTrue(message.contains("not empty and was not written by spinesite"), message)
        XCTAssertTrue(message.contains("'b', 'c', 'd', 'e' and 2 more"), message)
        XCTAssertTrue(message.contains("choose a new or empty folder"), message)
        XCTAssertNotNil(check(folder, "docs/thesis.txt"), "a file is no output folder")
    }

    func testMissingEmptyAndReadmeOnlyFoldersMayBeUsed() {
        let folder = TemporaryFolder()
        XCTAssertNil(check(folder, "new"))
        folder.write("kept/README.md", "what this folder is")
        folder.write("kept/.gitignore", "*")
        XCTAssertNil(check(folder, "kept"))
        try? FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        XCTAssertNil(check(folder, "empty"))
    }

    func testTheMarkerOfThisSiteAdmitsAndAnotherSitesRefuses() throws {
        let folder = TemporaryFolder()
        folder.write("site/Content/site.yml", "")
        folder.write("site/Site/en/index.html", "old")
        let output = folder.url.appendingPathComponent("site/Site")
        folder.write(
            "site/Site/\(OutputOwnership.markerName)",
            data: OutputOwnership.marker(output: output, root: folder.url.appendingPathComponent("site")))
        XCTAssertNil(check(folder, "site/Site"))
        XCTAssertEqual(folder.read("site/Site/\(OutputOwnership.markerName)")?.contains("site: ..\n"), true)

        folder.write("other/Content/site.yml", "")
        folder.write(
            "elsewhere/\(OutputOwnership.markerName)",
            data: OutputOwnership.marker(
                output: folder.url.appendingPathComponent("elsewhere"),
                root: folder.url.appendingPathComponent("other")))
        folder.write("elsewhere/index.html", "other site")
        let failure = try XCTUnwrap(check(folder, "elsewhere"))
        XCTAssertTrue(failure.description.contains("holds the output of another site"), failure.description)
    }

    /// A link is replaced by a folder, and what it points to is never touched: nothing to refuse.
    func testALinkMayBeReplacedForNothingItPointsToIsTouched() throws {
        let folder = TemporaryFolder()
        folder.write("elsewhere/thesis.txt", "important")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/Site", withDestinationPath: folder.path + "/elsewhere")
        XCTAssertNil(check(folder, "Site"))
    }

    func testAnOutputWrittenBeforeTheMarkerIsKnownByItsBuildRecord() {
        let folder = TemporaryFolder()
        folder.write("Site/en/index.html", "from an older spinesite")
        XCTAssertNotNil(check(folder, "Site"))
        XCTAssertNil(check(folder, "Site", hasBuildRecord: true))
    }
}
