import SiteSupport
import Stemming
import XCTest

final class SearchWordsTests: XCTestCase {
    func testTokensAreRunsOfLettersMarksAndDigits() {
        let words = SearchWords(language: "xx")
        XCTAssertEqual(
            words.terms("TENS—10 mA, low-back pain; Spain."), ["tens", "10", "ma", "low", "back", "pain", "spain"])
    }

    /// Tokens are found eight bytes at a time where eight remain: every ASCII character and a
    /// few others, at every place in such a word, split the text as the rule on scalars does.
    func testEveryCharacterSplitsTheTextAsTheRuleOnScalarsDoes() {
        let words = SearchWords(language: "xx")
        let others: [Unicode.Scalar] = ["—", "痛", "٣", "\u{A0}", "\u{301}"]
        for character in (1..<0x80).compactMap(Unicode.Scalar.init) + others {
            for offset in 0..<10 {
                let text = String(repeating: "x", count: offset) + String(character) + "yz0123456789Q"
                XCTAssertEqual(
                    words.terms(text), Self.tokens(text), "U+\(String(character.value, radix: 16)) at \(offset)")
            }
        }
    }

    /// Runs of letters, marks and numbers, lower-cased, combining accents left out (folded):
    /// the rule, scalar by scalar.
    private static func tokens(_ text: String) -> [String] {
        var tokens = [""]
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                if scalar.properties.generalCategory != .nonspacingMark {
                    tokens[tokens.count - 1].unicodeScalars.append(scalar)
                }
            default:
                if !tokens[tokens.count - 1].isEmpty { tokens.append("") }
            }
        }
        return tokens.filter { !$0.isEmpty }.map { $0.lowercased() }
    }

    func testEnglishIsStemmed() {
        let words = SearchWords(language: "en")
        XCTAssertEqual(words.terms("Stimulating stimulation"), ["stimul", "stimul"])
        XCTAssertEqual(words.terms("pregnancy pregnancies"), ["pregnanc", "pregnanc"])
    }

    func testSpanishIsStemmedBeforeItsAccentsAreFolded() {
        let words = SearchWords(language: "es-419")
        // The stemmer knows "-ación" and not "-acion": the accents are folded after it.
        XCTAssertEqual(words.terms("Estimulación"), ["estimul"])
        XCTAssertEqual(words.terms("estimulacion"), ["estimulacion"])
        XCTAssertEqual(words.terms("marcapasos"), ["marcapas"])
        XCTAssertEqual(words.terms("embarazo embarazada"), ["embaraz", "embaraz"])
    }

    func testATermTypedWithoutItsAccentsIsAVariant() {
        let words = SearchWords(language: "es")
        var found: [[String?]] = []
        words.forEachTermAndVariant(in: "estimulación dolor") { found.append([$0, $1]) }
        XCTAssertEqual(found, [["estimul", "estimulacion"], ["dolor", nil]])
    }

    func testArabicLettersAreNormalisedBeforeStemming() {
        let words = SearchWords(language: "ar")
        // Harakat, tatweel and a hamza on the alef make no difference.
        XCTAssertEqual(words.terms("أَلـــم"), words.terms("الم"))
        XCTAssertEqual(words.terms("مستشفى"), words.terms("مستشفي"))
        XCTAssertEqual(words.terms("إرشادات"), ["ارشادا"])
    }

    func testALanguageWithoutAStemmerIsSearchableUnstemmed() {
        XCTAssertNil(Stemmer(language: "ja"))
        let words = SearchWords(language: "ja")
        XCTAssertNil(words.stemmer)
        XCTAssertEqual(words.terms("Stimulating Électrode 痛み"), ["stimulating", "electrode", "痛み"])
    }

    /// The build stems with the algorithm `SnowballAlgorithm` names, which also picks the search
    /// page's WebAssembly stemmer; every name it gives is one libstemmer has.
    func testStemmerNamesComeFromLibstemmer() {
        XCTAssertEqual(Stemmer(language: "es-419")?.algorithm, "spanish")
        XCTAssertEqual(Stemmer(language: "ar")?.algorithm, "arabic")
        XCTAssertNil(Stemmer(language: "tlh"))
        for (language, algorithm) in SnowballAlgorithm.byLanguage {
            XCTAssertEqual(Stemmer(language: language)?.algorithm, algorithm, language)
        }
        XCTAssertEqual(Stemmer(language: "en")?.stem("running"), "run")
        XCTAssertTrue(Stemmer.algorithms.contains("english") && Stemmer.algorithms.contains("arabic"))
    }
}
