import Stemming
import XCTest

final class TermCounterTests: XCTestCase {
    /// The counts `SearchWords` gives, term by term: what the counter must agree with.
    private func reference(_ texts: [(String, Float)], language: String) -> [String: Float] {
        let words = SearchWords(language: language)
        var counts: [String: Float] = [:]
        for (text, weight) in texts {
            words.forEachTermAndVariant(in: text) { term, variant in
                counts[term, default: 0] += weight
                if let variant { counts[variant, default: 0] += weight }
            }
        }
        return counts
    }

    private func counted(_ counts: TermCounts, in vocabulary: TermVocabulary) -> [String: Float] {
        Dictionary(uniqueKeysWithValues: zip(counts.terms.map { vocabulary[$0] }, counts.weights))
    }

    func testCountsAgreeWithSearchWordsInEveryScript() {
        let texts: [(String, Float)] = [
            ("Estimulación eléctrica: ESTIMULACIÓN, estimulacion", 5),
            ("TENS—10 mA; dolor lumbar (dolor) y marcapasos", 1),
            ("أَلـــم الم إرشادات 痛み 痛み Électrode", 2),
        ]
        var counter = TermCounter(language: "es")
        for (text, weight) in texts { counter.add(text, weight: weight, counted: true) }
        let counts = counter.takeDocument()
        XCTAssertEqual(counted(counts, in: counter.vocabulary), reference(texts, language: "es"))
        XCTAssertEqual(counts.length, 4 + 8 + 6)
    }

    func testEachDocumentStartsFromNothing() {
        var counter = TermCounter(language: "en")
        counter.add("pain pain relief", weight: 1, counted: true)
        _ = counter.takeDocument()
        counter.add("pain", weight: 3, counted: false)
        let second = counter.takeDocument()
        XCTAssertEqual(counted(second, in: counter.vocabulary), ["pain": 3])
        XCTAssertEqual(second.length, 0)
    }

    /// Thousands of distinct tokens, each seen twice: the token table grows many times and
    /// still finds every token it has seen.
    func testManyDistinctTokensAreEachCountedOnce() {
        let text = (0..<5000).map { "w\($0)x W\($0)X" }.joined(separator: " ")
        var counter = TermCounter(language: "xx")
        counter.add(text, weight: 1, counted: true)
        let counts = counter.takeDocument()
        XCTAssertEqual(counter.vocabulary.count, 5000)
        XCTAssertEqual(counted(counts, in: counter.vocabulary), reference([(text, 1)], language: "xx"))
        XCTAssertEqual(counts.length, 10000)
    }

    func testRenumberingMapsEveryTerm() {
        var counter = TermCounter(language: "en")
        counter.add("nerve stimulation", weight: 1, counted: true)
        let counts = counter.takeDocument()
        var shared = TermVocabulary()
        _ = shared.number(of: "other")
        let renumbered = counts.renumbered(counter.vocabulary.terms.map { shared.number(of: $0) })
        XCTAssertEqual(renumbered.terms.map { shared[$0] }, ["nerv", "stimul"])
        XCTAssertEqual(renumbered.weights, counts.weights)
    }
}
