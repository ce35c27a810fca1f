import SiteModel
import XCTest

/// The id a page has without an `id:`, from its path under the locale folder.
final class PagePathIDTests: XCTestCase {
    func testAPagesIDIsItsPathWithoutMarkdownsExtension() {
        let cases = [
            ("_index.md", "home"), ("therapies/_index.md", "therapies"), ("a/b/_index.md", "a/b"),
            ("therapies/tens.md", "therapies/tens"), ("tens.md", "tens"), ("é/ñ_index.md", "é/ñ_index"),
            ("é/_index.md", "é"),
        ]
        for (path, id) in cases {
            XCTAssertEqual(SourcePage.pathID(path), id, path)
        }
    }
}
