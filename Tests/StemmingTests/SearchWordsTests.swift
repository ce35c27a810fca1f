import Stemming
import XCTest

final class SearchWordsTests: XCTestCase {
    func testTokensAreRunsOfLettersMarksAndDigits() {
        var words = SearchWords(language: "xx")
        XCTAssertEqual(
            words.terms("TENS—10 mA, low-back pain; Spain."), ["tens", "10", "ma", "low", "back", "pain", "spain"])
    }

    func testEnglishIsStemmed() {
        var words = SearchWords(language: "en")
        XCTAssertEqual(words.terms("Stimulating stimulation"), ["stimul", "stimul"])
        XCTAssertEqual(words.terms("pregnancy pregnancies"), ["pregnanc", "pregnanc"])
    }

    func testSpanishIsStemmedBeforeItsAccentsAreFolded() {
        var words = SearchWords(language: "es-419")
        // The stemmer knows "-ación" and not "-acion": the accents are folded after it.
        XCTAssertEqual(words.terms("Estimulación"), ["estimul"])
        XCTAssertEqual(words.terms("estimulacion"), ["estimulacion"])
        XCTAssertEqual(words.terms("marcapasos"), ["marcapas"])
        XCTAssertEqual(words.terms("embarazo embarazada"), ["embaraz", "embaraz"])
    }

    func testATermTypedWithoutItsAccentsIsAVariant() {
        var words = SearchWords(language: "es")
        var found: [[String?]] = []
        words.forEachTermAndVariant(in: "estimulación dolor") { found.append([$0, $1]) }
        XCTAssertEqual(found, [["estimul", "estimulacion"], ["dolor", nil]])
    }

    func testArabicLettersAreNormalisedBeforeStemming() {
        var words = SearchWords(language: "ar")
        // Harakat, tatweel and a hamza on the alef make no difference.
        XCTAssertEqual(words.terms("أَلـــم"), words.terms("الم"))
        XCTAssertEqual(words.terms("مستشفى"), words.terms("مستشفي"))
        XCTAssertEqual(words.terms("إرشادات"), ["ارشادا"])
    }

    func testALanguageWithoutAStemmerIsSearchableUnstemmed() {
        XCTAssertNil(Stemmer(language: "ja"))
        var words = SearchWords(language: "ja")
        XCTAssertNil(words.stemmer)
        XCTAssertEqual(words.terms("Stimulating Électrode 痛み"), ["stimulating", "electrode", "痛み"])
    }

    func testStemmerNamesComeFromLibstemmer() {
        XCTAssertEqual(Stemmer.algorithm(for: "es-419"), "es")
        XCTAssertEqual(Stemmer.algorithm(for: "ar"), "ar")
        XCTAssertNil(Stemmer.algorithm(for: "tlh"))
        XCTAssertEqual(Stemmer(language: "en")?.stem("running"), "run")
        XCTAssertTrue(Stemmer.algorithms.contains("english") && Stemmer.algorithms.contains("arabic"))
    }
}
