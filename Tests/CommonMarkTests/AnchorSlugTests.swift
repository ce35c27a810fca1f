import XCTest

@testable import CommonMark

/// Heading anchors of ASCII text are made on bytes; the rules on scalars decide the rest.
final class AnchorSlugTests: XCTestCase {
    /// Every string of up to three characters from a set that covers each rule (letters, digits,
    /// separators, white space, punctuation dropped) gets the anchor the rules on scalars give it.
    func testAnASCIIHeadingsAnchorIsTheOneTheRulesOnScalarsGive() {
        let characters = ["a", "Q", "7", " ", "-", "_", "\t", "\n", ".", "?", "(", "\u{0B}", "~"]
        var texts = [""]
        for _ in 0..<3 {
            texts = texts.flatMap { text in characters.map { text + $0 } }
            for text in texts {
                XCTAssertEqual(AnchorSet.asciiSlug(text), AnchorSet.slugByScalars(text), text.debugDescription)
            }
        }
        XCTAssertEqual(AnchorSet.slug("What the Evidence Says (2024)"), "what-the-evidence-says-2024")
        XCTAssertEqual(AnchorSet.slug("¿Qué dice la evidencia?"), "qué-dice-la-evidencia")
    }
}
