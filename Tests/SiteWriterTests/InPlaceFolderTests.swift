import Foundation
import SiteModel
import SiteWriter
import TestSupport
import XCTest

final class InPlaceFolderTests: XCTestCase {
    func testWritesOnlyChangedFilesAndRemovesWhatIsNoLongerProduced() throws {
        let folder = TemporaryFolder()
        folder.write("Site/same.html", "same")
        folder.write("Site/changed.html", "old")
        folder.write("Site/gone/index.html", "gone")
        folder.write("Site/README.md", "kept")
        let output = folder.url.appendingPathComponent("Site")
        let sameBefore = try FileManager.default.attributesOfItem(atPath: output.path + "/same.html")
        let marker = folder.path + "/told"
        let sink = InPlaceFolder(output: output) { FileManager.default.createFile(atPath: marker, contents: nil) }
        try sink.prepare(["same.html", "changed.html", "new/index.html"])
        XCTAssertTrue(folder.exists("told"), "told before the first change")
        try sink.write("same.html", "same")
        try sink.write("changed.html", "new")
        try sink.write("new/index.html", "fresh")
        XCTAssertEqual(try sink.finish(), ["changed.html", "gone/index.html", "new/index.html"])
        XCTAssertEqual(folder.read("Site/changed.html"), "new")
        XCTAssertEqual(folder.read("Site/new/index.html"), "fresh")
        XCTAssertEqual(folder.read("Site/README.md"), "kept")
        XCTAssertFalse(folder.exists("Site/gone"), "an emptied folder goes too")
        let sameAfter = try FileManager.default.attributesOfItem(atPath: output.path + "/same.html")
        XCTAssertEqual(sameAfter[.modificationDate] as? Date, sameBefore[.modificationDate] as? Date)
        XCTAssertEqual(
            sameAfter[.systemFileNumber] as? Int, sameBefore[.systemFileNumber] as? Int, "not even replaced")
    }

    func testALinkPlantedInTheOutputCarriesNoWriteOutsideIt() throws {
        let folder = TemporaryFolder()
        folder.write("outside/index.html", "outside")
        folder.write("Site/index.html", "site")
        let output = folder.url.appendingPathComponent("Site")
        try FileManager.default.createSymbolicLink(
            atPath: output.path + "/en", withDestinationPath: folder.path + "/outside")
        try FileManager.default.createSymbolicLink(
            atPath: output.path + "/page.html", withDestinationPath: folder.path + "/outside/index.html")
        let sink = InPlaceFolder(output: output)
        try sink.prepare(["en/index.html", "page.html", "index.html"])
        try sink.write("en/index.html", "new home")
        try sink.write("page.html", "new page")
        XCTAssertEqual(try sink.commitWritten(), ["en/index.html", "page.html"])
        XCTAssertEqual(folder.read("outside/index.html"), "outside", "both links replaced, their target untouched")
        XCTAssertEqual(folder.read("Site/en/index.html"), "new home")
        XCTAssertEqual(folder.read("Site/page.html"), "new page")
        var info = stat()
        XCTAssertEqual(lstat(output.path + "/en", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFDIR, "a real folder now")
    }
}

/// A failure part-way through an in-place build leaves the folder as it was.
final class InPlaceFolderFailureTests: XCTestCase {
    func testAFailedWriteLeavesEveryFileAsItWasAndNoNewFilesBehind() throws {
        let folder = TemporaryFolder()
        folder.write("Site/a.html", "old a")
        folder.write("Site/b.html", "old b")
        // A folder where b's new file must go: its write fails as a full disk's would.
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("Site/b.html.spinesite-new"), withIntermediateDirectories: true)
        let sink = InPlaceFolder(output: folder.url.appendingPathComponent("Site"))
        try sink.prepare(["a.html", "b.html"])
        try sink.write("a.html", "new a")
        XCTAssertThrowsError(try sink.write("b.html", "new b")) { error in
            XCTAssertTrue("\(error)".contains("Site/b.html: cannot write"), "\(error)")
        }
        sink.discard()
        XCTAssertEqual(folder.read("Site/a.html"), "old a", "nothing is put in place before every file is written")
        XCTAssertFalse(folder.exists("Site/a.html.spinesite-new"))
    }

    func testANewFileLeftByAKilledBuildIsRemovedByTheNext() throws {
        let folder = TemporaryFolder()
        folder.write("Site/a.html", "a")
        folder.write("Site/en/index.html.spinesite-new", "half a page")
        let sink = InPlaceFolder(output: folder.url.appendingPathComponent("Site"))
        try sink.prepare(["a.html", "en/index.html"])
        try sink.write("a.html", "a")
        try sink.write("en/index.html", "whole")
        try sink.finish()
        XCTAssertEqual(folder.read("Site/en/index.html"), "whole")
        XCTAssertFalse(folder.exists("Site/en/index.html.spinesite-new"))
    }
}
