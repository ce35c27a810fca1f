import XCTest

@testable import ContentLoader

/// Lines found on bytes are the lines `split(whereSeparator: \.isNewline)` finds on characters.
final class TextLinesTests: XCTestCase {
    func testEveryKindOfLineBreakCutsAsCharactersDo() {
        let texts = [
            "", "\n", "one", "one\n", "one\ntwo", "one\r\ntwo", "one\rtwo\r", "\r\n\r\n", "\n\r",
            "a\u{0B}b\u{0C}c", "a\u{85}b", "a\u{2028}b\u{2029}c", "é\u{301}\nü", "a\n\u{301}b",
            "| a | b |\n|---|---|\n| 1 | 2 |", "\u{E2}\u{80}", "x\u{2027}y\u{0080}z", "line\r",
        ]
        for text in texts {
            let expected = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            XCTAssertEqual(lines(of: text), expected.map(String.init), text.debugDescription)
        }
    }

    /// Bytes are skipped eight at a time up to one that may start a break: breaks, and bytes
    /// that start other characters the same way (U+00A0, U+2027, a tab), at every place.
    func testABreakIsFoundAtEveryPlaceInALongLine() {
        let characters = [
            "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{A0}", "\u{2027}", "\t",
        ]
        for character in characters {
            for place in 0..<18 {
                let text = String(repeating: "a", count: place) + character + "bcdefghijklmnopq\nr"
                let expected = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                XCTAssertEqual(lines(of: text), expected.map(String.init), "\(character.debugDescription) at \(place)")
            }
        }
    }

    /// The lines `TextLines` finds in the bytes of `text`, as strings.
    private func lines(of text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            TextLines.lines(in: buffer).map { String(decoding: buffer[$0], as: UTF8.self) }
        }
    }
}
