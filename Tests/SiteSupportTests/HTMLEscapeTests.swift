import SiteSupport
import TestSupport
import XCTest

/// Escaping on bytes, eight at a time, against the rule it implements.
final class HTMLEscapeTests: XCTestCase {
    private func escapedOneByOne(_ text: String) -> String {
        text.map { character -> String in
            switch character {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: String(character)
            }
        }.joined()
    }

    func testEscapingMatchesTheCharacterRuleOnRandomText() {
        // Specials next to their neighbours in the byte table (% ' ( ; = ?), multi-byte
        // letters, and lengths around the eight-byte words the scan reads.
        let alphabet = Array("&<>\"'%();=?aZ é€😀 \n")
        var random = SeededGenerator(seed: 14)
        for _ in 0..<2_000 {
            let text = String(
                (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            XCTAssertEqual(HTMLEscape.text(text), escapedOneByOne(text), "escaping \(text.debugDescription)")
            var bytes = Array("kept ".utf8)
            var contiguous = text
            contiguous.withUTF8 { HTMLEscape.append($0, to: &bytes) }
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "kept " + escapedOneByOne(text))
        }
    }

    func testTextWithoutSpecialsIsCopiedAsItIs() {
        let text = String(repeating: "Transcutaneous stimulation, 2–150 Hz. ", count: 20)
        XCTAssertEqual(HTMLEscape.text(text), text)
    }
}
