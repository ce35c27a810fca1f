import Foundation
import SiteWriter
import TestSupport
import XCTest

/// What a build may do to its output folder, run as a user would: never delete what spinesite did
/// not write, and after a failure leave the folder as it was.
final class OutputFolderTests: XCTestCase {
    private let reviewed = "reviewed: 2099-01-01\nreviewedBy: \"A. Reviewer\"\n"

    private func site() -> TemporaryFolder {
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS", extra: reviewed)])
        site.copy(from: Repository.templates, to: "Templates")
        return site
    }

    func testABuildIntoSomeoneElsesFolderIsRefusedAndTouchesNothing() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = site()
        site.write("docs/thesis.txt", "important")
        let refused = try SpinesiteCommand.run(["build", "--output", "docs"], in: site.url)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(
            refused.stderr.hasPrefix(
                "docs: error: refusing to use this output folder: it is not empty and was not written by spinesite "
                    + "(it holds 'thesis.txt')"), refused.stderr)
        XCTAssertEqual(site.read("docs/thesis.txt"), "important")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.path + "/docs"), ["thesis.txt"])

        let built = try SpinesiteCommand.run(["build", "--output", "fresh"], in: site.url)
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(site.exists("fresh/\(OutputOwnership.markerName)"), "the output carries the marker")
        let again = try SpinesiteCommand.run(["build", "--output", "fresh", "--clean"], in: site.url)
        XCTAssertEqual(again.status, 0, "its own output is replaced: \(again.stderr)")
    }

    /// A full disk part-way through an in-place build: `ulimit -f` makes every write past 200 KB fail
    /// as `No space left` would, and the folder must be as before, with no new file left behind.
    func testAWriteFailurePartWayLeavesTheOutputAsItWas() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = site()
        XCTAssertEqual(try SpinesiteCommand.run(["build"], in: site.url).status, 0)
        let before = files(under: site.url.appendingPathComponent("Site"))
        let paragraph = String(repeating: "Electrodes sit on the skin either side of the pain. ", count: 40)
        site.write(
            "Content/en/large.md",
            MinimalSite.page(
                title: "Large", extra: reviewed,
                body: Array(repeating: paragraph, count: 300).joined(
                    separator: "\n\n")))
        let failed = try runLimited(["build"], in: site.url, kilobytes: 200)
        XCTAssertNotEqual(failed.status, 0)
        XCTAssertTrue(failed.stderr.contains("cannot write"), failed.stderr)
        XCTAssertTrue(failed.stderr.hasSuffix("; Site was not changed\n"), failed.stderr)
        let after = files(under: site.url.appendingPathComponent("Site"))
        XCTAssertEqual(after.keys.sorted(), before.keys.sorted(), "no file or folder added, none left behind")
        XCTAssertTrue(after == before, "every file as it was")

        let built = try SpinesiteCommand.run(["build"], in: site.url)
        XCTAssertEqual(built.status, 0, "later builds are not blocked: \(built.stderr)")
        XCTAssertTrue(site.exists("Site/en/large/index.html"))
    }

    /// `spinesite arguments` with writes larger than `kilobytes` failing (EFBIG, SIGXFSZ ignored).
    private func runLimited(_ arguments: [String], in folder: URL, kilobytes: Int) throws -> SpinesiteCommand.Result {
        let quoted = ([SpinesiteCommand.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f \(kilobytes); exec \(quoted)"]
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return SpinesiteCommand.Result(status: process.terminationStatus, stdout: "", stderr: stderr)
    }

    /// Every file and folder below `folder` (a folder's bytes are empty).
    private func files(under folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
            files[String(url.path.dropFirst(folder.path.count + 1))] = isFile ? try? Data(contentsOf: url) : Data()
        }
        return files
    }
}
