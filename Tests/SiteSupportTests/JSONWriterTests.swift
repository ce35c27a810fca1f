import Foundation
import SiteSupport
import XCTest

final class JSONWriterTests: XCTestCase {
    func testMembersAndItemsAreSeparatedAndNestedInTheOrderWritten() {
        var json = JSONWriter()
        json.object { json in
            json.key("b")
            json.array(["x", "y"])
            json.key("a")
            json.list([1, 2]) { json, number in
                json.object { json in
                    json.key("n")
                    json.string(String(number))
                }
            }
        }
        XCTAssertEqual(json.text, #"{"b":["x","y"],"a":[{"n":"1"},{"n":"2"}]}"#)
    }

    func testScriptSafeStringsCannotCloseAScriptElement() {
        let quoted = JSONText.quoted("</script><b>&\u{2028}")
        XCTAssertEqual(quoted, #""\u003c/script\u003e\u003cb\u003e\u0026\u2028""#)
        XCTAssertFalse(quoted.contains("<"))
    }

    func testMinimalStringsEscapeAsJSONEncoderDoes() throws {
        let text = "a\"b\\c\u{8}\u{C}\n\r\t\u{1}</x>&é"
        let encoded = try JSONEncoder().encode(text)
        XCTAssertEqual(
            JSONText.quoted(text, escaping: .minimal),
            String(decoding: encoded, as: UTF8.self)
                .replacingOccurrences(of: #"\/"#, with: "/"))
    }

    func testEveryEscapingReadsBackAsTheSameText() throws {
        let text = "Strom \"10 mA\" <5 µC>\n\u{0}\u{1F}\u{2029}😀"
        for escaping in [JSONText.Escaping.scriptSafe, .minimal] {
            let decoded = try JSONDecoder().decode(
                String.self, from: Data(JSONText.quoted(text, escaping: escaping).utf8))
            XCTAssertEqual(decoded, text)
        }
    }

    /// Long runs are tested eight bytes at a time: a character to escape is found wherever it
    /// falls in a word, and a byte near one (`!` below `"`, `]` above `\`) is not mistaken for it.
    func testACharacterToEscapeIsFoundAtEveryPlaceInALongRun() throws {
        for special in ["\"", "\\", "\n", "\u{1F}", "<", ">", "&", "\u{2028}"] {
            for position in 0..<20 {
                let text =
                    String(repeating: "a!]~", count: 6).prefix(position) + special + "b!]~é".prefix(20 - position)
                for escaping in [JSONText.Escaping.scriptSafe, .minimal] {
                    let quoted = JSONText.quoted(String(text), escaping: escaping)
                    XCTAssertEqual(try JSONDecoder().decode(String.self, from: Data(quoted.utf8)), String(text))
                    if escaping == .scriptSafe { XCTAssertFalse(quoted.contains { "<>&\u{2028}".contains($0) }) }
                    if special == "\"" { XCTAssertTrue(quoted.contains("\\\""), quoted) }
                }
            }
        }
    }

    func testAStringWrittenInPartsIsTheJoinedString() {
        let parts = ["Strom \"10 mA\"", "<5 µC>\u{2028}", "😀"]
        for escaping in [JSONText.Escaping.scriptSafe, .minimal] {
            var joined = JSONWriter(escaping: escaping)
            joined.string(parts.joined(separator: "\n"))
            var inParts = JSONWriter(escaping: escaping)
            inParts.string(joiningUTF8: parts.map { Array($0.utf8) }, separator: "\n")
            XCTAssertEqual(inParts.text, joined.text)
        }
    }
}
