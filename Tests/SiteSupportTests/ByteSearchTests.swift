import SiteSupport
import XCTest

final class ByteSearchTests: XCTestCase {
    func testFindsThePatternWhereStringSearchDoes() {
        let texts = ["", "[[TODO", "text [[TOD", "[[ [[TODO: x]]", "a|b", "no mark", "ü [[TODO"]
        for text in texts {
            for pattern in ["[[TODO", "|", "ü"] {
                XCTAssertEqual(ByteSearch.contains(pattern, in: text), text.contains(pattern), "\(pattern) in \(text)")
            }
        }
    }

    func testFindStartsAtTheGivenIndex() {
        var text = "ab ab ab"
        text.withUTF8 { bytes in
            XCTAssertEqual(ByteSearch.find(Array("ab".utf8), in: bytes, from: 0), 0)
            XCTAssertEqual(ByteSearch.find(Array("ab".utf8), in: bytes, from: 1), 3)
            XCTAssertEqual(ByteSearch.find(Array("ab".utf8), in: bytes, from: 7), nil)
        }
    }
}
