import Foundation
import SiteModel
import SiteWriter
import TestSupport
import XCTest

final class SiteWriterTests: XCTestCase {
    func testWritesFilesAndKeepsReadmeAndIgnoreRules() throws {
        let folder = TemporaryFolder()
        folder.write("Site/README.md", "kept")
        folder.write("Site/.gitignore", "*")
        folder.write("Site/stale.html", "old")
        let output = folder.url.appendingPathComponent("Site")
        try SiteWriter.write(
            [OutputFile(path: "index.html", text: "new"), OutputFile(path: "en/a/index.html", text: "a")], to: output)
        XCTAssertEqual(folder.read("Site/index.html"), "new")
        XCTAssertEqual(folder.read("Site/en/a/index.html"), "a")
        XCTAssertEqual(folder.read("Site/README.md"), "kept")
        XCTAssertEqual(folder.read("Site/.gitignore"), "*")
        XCTAssertFalse(folder.exists("Site/stale.html"), "the output is replaced whole")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.contains("staging") || $0.contains(".old-")
        }
        XCTAssertEqual(leftovers, [])
    }

    func testRefusesPathsOutsideTheOutputAndKeepsTheOldSite() {
        let folder = TemporaryFolder()
        folder.write("Site/index.html", "previous")
        let output = folder.url.appendingPathComponent("Site")
        for path in ["../escape.html", "/etc/passwd", "a/../../b.html", ""] {
            XCTAssertThrowsError(
                try SiteWriter.write(
                    [OutputFile(path: "ok.html", text: ""), OutputFile(path: path, text: "x")], to: output), path)
        }
        XCTAssertEqual(folder.read("Site/index.html"), "previous")
        XCTAssertFalse(folder.exists("escape.html"))
    }

    func testFailedWriteLeavesPreviousSiteWhole() throws {
        let folder = TemporaryFolder()
        folder.write("Site/index.html", "previous")
        let output = folder.url.appendingPathComponent("Site")
        // A file where a folder must go makes the write fail half-way.
        XCTAssertThrowsError(
            try SiteWriter.write(
                [OutputFile(path: "a", text: "file"), OutputFile(path: "a/index.html", text: "x")], to: output))
        XCTAssertEqual(folder.read("Site/index.html"), "previous")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["Site"])
    }

    func testAbandonedStagingFoldersAreRemoved() throws {
        let folder = TemporaryFolder()
        folder.write(".Site.staging-999999/index.html", "from a killed build")
        try SiteWriter.write(
            [OutputFile(path: "index.html", text: "new")], to: folder.url.appendingPathComponent("Site"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["Site"])
    }
}
