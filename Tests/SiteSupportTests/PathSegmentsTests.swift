import SiteSupport
import XCTest

final class PathSegmentsTests: XCTestCase {
    /// The segments `split(separator: "/")` gives, empty ones left out.
    func testAPathIsCutAsSplitCutsIt() {
        for path in ["", "a", "/", "a/b", "/a//b/", "therapies/_index.md", "é/ñ.md", "a b/c-d/e.md", "日本/語"] {
            XCTAssertEqual(PathSegments.of(path), path.split(separator: "/"), path)
        }
    }
}
