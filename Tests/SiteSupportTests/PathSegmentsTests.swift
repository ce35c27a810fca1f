import SiteSupport
import XCTest

final class PathSegmentsTests: XCTestCase {
    private let paths = [
        "", "a", "/", "//", "a/", "/a", "a/b", "/a//b/", "therapies/_index.md", "é/ñ.md", "a b/c-d/e.md", "日本/語",
    ]

    /// The segments `split(separator: "/")` gives, empty ones left out.
    func testAPathIsCutAsSplitCutsIt() {
        for path in paths {
            XCTAssertEqual(PathSegments.of(path), path.split(separator: "/"), path)
        }
    }

    /// The last segment, found from the end, is the last that cutting the whole path gives.
    func testTheLastSegmentIsTheLastOfTheCut() {
        // Every path of up to four of these characters, then the samples.
        let alphabet = ["a", "/", "é"]
        var all = [""]
        for _ in 1...4 { all += all.flatMap { path in alphabet.map { path + $0 } } }
        for path in Set(all).union(paths) {
            XCTAssertEqual(PathSegments.last(of: path), path.split(separator: "/").last, path)
        }
    }
}
