import Foundation
import SiteWriter
import TestSupport
import XCTest

/// What a build may do to its output folder, run as a user would: never delete what spinesite did
/// not write.
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
}
