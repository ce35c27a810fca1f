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
        try SiteWriter.write([("index.html", Data("new".utf8)), ("en/a/index.html", Data("a".utf8))], to: output)
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
                try SiteWriter.write([("ok.html", Data()), (path, Data("x".utf8))], to: output), path)
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
            try SiteWriter.write([("a", Data("file".utf8)), ("a/index.html", Data("x".utf8))], to: output))
        XCTAssertEqual(folder.read("Site/index.html"), "previous")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["Site"])
    }

    func testAbandonedStagingFoldersAreRemoved() throws {
        let folder = TemporaryFolder()
        folder.write(".Site.staging-999999/index.html", "from a killed build")
        try SiteWriter.write([("index.html", Data("new".utf8))], to: folder.url.appendingPathComponent("Site"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["Site"])
    }
}
