import TestSupport
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

    /// Claims give what one set of every anchor taken gives (the rules as first written), on pages
    /// of up to 60 headings (past the count where claims are kept in a set too), with bases that
    /// collide with each other's suffixed forms and with reserved ids.
    func testClaimsMatchTheRuleOnOneSet() {
        let bases = ["a", "a-1", "a-2", "b", "main", "main-1", "section", "a-1-1"]
        let reserved: Set<String> = ["main", "top"]
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<500 {
            var anchors = AnchorSet(reserved: reserved)
            var taken = reserved
            var nextSuffix: [String: Int] = [:]
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                let base = bases.randomElement(using: &generator)!
                var expected = base
                var counter = nextSuffix[base, default: 1]
                while taken.contains(expected) {
                    expected = "\(base)-\(counter)"
                    counter += 1
                }
                nextSuffix[base] = counter
                taken.insert(expected)
                XCTAssertEqual(anchors.claim(base), expected, base)
            }
        }
    }
}
