import CommonMark
import XCTest

/// `DangerousURL.scheme(of:)` reads bytes; these compare it with the rule it replaced, which read
/// Unicode scalars and lower-cased them with the standard library.
final class DangerousURLTests: XCTestCase {
    /// The rule as first written: the first 16 scalars after leading spaces and controls, tabs
    /// and line breaks skipped, lower-cased, compared with each scheme (by scalars: it compared
    /// characters, and missed a scheme whose colon a combining mark follows).
    private func schemeByScalars(_ url: String) -> String? {
        var read = String.UnicodeScalarView()
        for scalar in url.unicodeScalars.drop(while: { $0.value <= 0x20 })
        where !["\t", "\n", "\r"].contains(scalar) {
            read.append(scalar)
            if read.count == 16 { break }
        }
        let lowered = String(read).lowercased()
        return DangerousURL.schemes.first { lowered.unicodeScalars.starts(with: $0.unicodeScalars) }
    }

    /// Each scheme with every scalar of `inserts` put at each position, replacing each of its
    /// characters, and the scheme cut short: the places a byte rule could go wrong.
    func testTheByteRuleAgreesWithTheScalarRule() {
        // Upper case, the skipped controls, a space inside, letters whose lower case is ASCII or
        // starts with an ASCII letter (Kelvin sign, dotted capital I), accented and wide letters.
        let inserts: [String] = [
            "\t", "\n", "\r", " ", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", "\u{212A}", "\u{130}", "é", "É",
            "\u{301}", "ｊ", "😀", ":", "/", "J", "A", "S", "%", "&#",
        ]
        var urls: [String] = ["", " ", "\t\n", "javascript", "http://x", "mailto:a@b", "data", "dat:a"]
        for scheme in DangerousURL.schemes {
            let characters = Array(scheme)
            urls.append(scheme + "alert(1)")
            urls.append(scheme.uppercased() + "x")
            for cut in 0..<characters.count { urls.append(String(characters[..<cut])) }
            for position in 0...characters.count {
                for insert in inserts {
                    var inserted = characters
                    inserted.insert(contentsOf: insert, at: position)
                    urls.append(String(inserted) + "x")
                    urls.append(insert + String(inserted))
                    if position < characters.count {
                        var replaced = characters
                        replaced.replaceSubrange(position...position, with: insert)
                        urls.append(String(replaced) + "x")
                    }
                }
            }
        }
        for url in urls {
            XCTAssertEqual(DangerousURL.scheme(of: url), schemeByScalars(url), url.debugDescription)
        }
        XCTAssertEqual(DangerousURL.scheme(of: " \u{1}\tJaVa\nScRiPt:x"), "javascript:")
        XCTAssertEqual(DangerousURL.scheme(of: "java\u{212A}script:x"), nil)
        // A browser reads the scheme before the colon; the mark after it is the path's.
        XCTAssertEqual(DangerousURL.scheme(of: "javascript:\u{301}alert(1)"), "javascript:")
    }

    /// Every string of up to three scalars from a small alphabet after `data`: the end of a scheme
    /// read byte by byte.
    func testEveryShortEndingAgreesWithTheScalarRule() {
        let alphabet = ["", ":", "A", "a", "\t", " ", "\u{130}", "é"]
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    for prefix in ["data", "DATA", "file", " fi\nle"] {
                        let url = prefix + a + b + c
                        XCTAssertEqual(DangerousURL.scheme(of: url), schemeByScalars(url), url.debugDescription)
                    }
                }
            }
        }
    }
}
