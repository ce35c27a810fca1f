import SiteSupport
import XCTest

/// CLDR's cardinal rules, checked against the examples `plurals.xml` gives for each category.
final class PluralRulesTests: XCTestCase {
    private func categories(_ tag: String, _ numbers: [Int]) -> [PluralCategory] {
        numbers.map(PluralRules(tag).category)
    }

    func testEnglishAndGermanHaveOneAndOther() {
        for tag in ["en", "en-GB", "de"] {
            XCTAssertEqual(
                categories(tag, [0, 1, 2, 5, 21, 101]), [.other, .one, .other, .other, .other, .other], tag)
            XCTAssertEqual(PluralRules(tag).category(written: "1.0"), .other, "\(tag): \"1.0 pages\"")
            XCTAssertEqual(PluralRules(tag).categories, [.one, .other])
        }
    }

    func testSpanishHasManyForWholeMillions() {
        XCTAssertEqual(
            categories("es-419", [0, 1, 2, 1_000_000, 2_000_000, 1_000_001]),
            [.other, .one, .other, .many, .many, .other])
        XCTAssertEqual(PluralRules("es").category(written: "1.0"), .one, "n = 1")
        XCTAssertEqual(PluralRules("es").category(written: "1.5"), .other)
    }

    func testFrenchCountsZeroAndOneAsOne() {
        XCTAssertEqual(categories("fr", [0, 1, 2, 1_000_000]), [.one, .one, .other, .many])
        XCTAssertEqual(PluralRules("fr").category(written: "1.5"), .one, "i = 0,1")
    }

    func testArabicHasAllSixCategories() {
        let rules = PluralRules("ar")
        XCTAssertEqual(rules.categories, PluralCategory.allCases)
        XCTAssertEqual(
            categories("ar", [0, 1, 2, 3, 10, 11, 26, 99, 100, 102, 103, 111, 1000]),
            [.zero, .one, .two, .few, .few, .many, .many, .many, .other, .other, .few, .many, .other])
        XCTAssertEqual(rules.category(written: "3.0"), .few, "n % 100 = 3..10 holds for 3.0")
        XCTAssertEqual(rules.category(written: "0.5"), .other)
    }

    func testPortugalAndBrazilDiffer() {
        XCTAssertEqual(PluralRules("pt-BR").category(0), .one)
        XCTAssertEqual(PluralRules("pt-PT").category(0), .other)
        XCTAssertEqual(PluralRules("pt-PT").category(1), .one)
    }

    func testALanguageWithoutRulesHasOnlyOther() {
        XCTAssertEqual(PluralRules("ja").categories, [.other])
        XCTAssertEqual(categories("ja", [0, 1, 2]), [.other, .other, .other])
        XCTAssertEqual(PluralRules("en").category(written: "x"), .other)
    }

    func testAStringTakesTheFormOfItsCountAndAPlainStringServesEveryCount() {
        let strings = ["hits.one": "{count} page", "hits.other": "{count} pages", "plain": "{count} hits"]
        XCTAssertEqual(PluralRules("en").form(of: "hits", count: 1, in: strings), "{count} page")
        XCTAssertEqual(PluralRules("en").form(of: "hits", count: 3, in: strings), "{count} pages")
        XCTAssertEqual(PluralRules("ar").form(of: "hits", count: 3, in: strings), "{count} pages", "few: else other")
        XCTAssertEqual(PluralRules("en").form(of: "plain", count: 1, in: strings), "{count} hits")
        XCTAssertNil(PluralRules("en").form(of: "none", count: 1, in: strings))
    }
}
