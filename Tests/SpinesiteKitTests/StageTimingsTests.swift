import Foundation
import TestSupport
import XCTest

/// `spinesite build --timings`: each stage's wall and processor time, from a real build.
final class StageTimingsTests: XCTestCase {
    /// "loading 12 ms wall, 20 ms cpu (1.7 cores)".
    private let span = #/^([a-z]+(?: [a-z]+)?) (\d+) ms wall, (\d+) ms cpu \((\d+\.\d) cores\)$/#

    func testTimingsNameEveryStageWithItsWallAndProcessorTime() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = MinimalSite.make([
            "tens.md": MinimalSite.page(title: "TENS", extra: "reviewed: 2099-01-01\nreviewedBy: \"A. Reviewer\"\n")
        ])
        site.copy(from: Repository.templates, to: "Templates")
        let result = try SpinesiteCommand.run(["build", "--timings", "--quiet"], in: site.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stderr)
        let spans = try lines[0].split(separator: "; ").map { part in
            try XCTUnwrap(part.wholeMatch(of: span), "not a stage's timing: \(part)").output
        }
        XCTAssertEqual(
            spans.map { String($0.1) },
            [
                "loading", "markdown", "resolving", "templates", "links", "search index", "pages", "writing", "saving",
                "total",
            ])
        // The whole run holds every stage, on both clocks (each figure rounded down to a millisecond).
        let total = try XCTUnwrap(spans.last)
        let stages = spans.dropLast()
        XCTAssertLessThanOrEqual(stages.map { Int($0.2)! }.reduce(0, +), Int(total.2)!)
        XCTAssertLessThanOrEqual(stages.map { Int($0.3)! }.reduce(0, +), Int(total.3)!)
    }

    func testANoOpBuildTimesOnlyTheWholeRun() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = MinimalSite.make([
            "tens.md": MinimalSite.page(title: "TENS", extra: "reviewed: 2099-01-01\nreviewedBy: \"A. Reviewer\"\n")
        ])
        site.copy(from: Repository.templates, to: "Templates")
        XCTAssertEqual(try SpinesiteCommand.run(["build"], in: site.url).status, 0)
        usleep(200_000)  // past the window in which fresh stamps are not trusted
        _ = try SpinesiteCommand.run(["build"], in: site.url)
        let unchanged = try SpinesiteCommand.run(["build", "--timings", "--quiet"], in: site.url)
        XCTAssertEqual(unchanged.status, 0, unchanged.stderr)
        let line = unchanged.stderr.trimmingCharacters(in: .newlines)
        XCTAssertEqual(try XCTUnwrap(line.wholeMatch(of: span), line).output.1, "total")
    }
}
