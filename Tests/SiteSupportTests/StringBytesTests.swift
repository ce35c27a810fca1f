import XCTest

@testable import SiteSupport

final class StringBytesTests: XCTestCase {
    /// Both appends add exactly the UTF-8 of their text after what is there, for text of every
    /// kind a sitemap or report writes: ASCII, quotes, non-ASCII, a long native string, a small one.
    func testAppendsAddTheTextsUTF8() {
        var bytes: [UInt8] = Array("<td>".utf8)
        bytes.append("Fernández–Huerta \"ease\"")
        let long = String(repeating: "grade ", count: 40) + "ü"
        for text in ["", "es", "Español", long, "日本語"] { bytes.append(utf8Of: text) }
        let expected = "<td>" + "Fernández–Huerta \"ease\"" + "es" + "Español" + long + "日本語"
        XCTAssertEqual(bytes, Array(expected.utf8))
    }
}
