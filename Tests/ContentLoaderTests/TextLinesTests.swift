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
            XCTAssertEqual(TextLines.lines(of: text), expected, text.debugDescription)
        }
    }
}
