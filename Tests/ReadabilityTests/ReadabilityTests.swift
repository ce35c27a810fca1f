import TestSupport
import XCTest

@testable import Readability

/// Up to `longest` of `pieces`, chosen by `generator`, one after another: the seeded texts these
/// tests read.
private func seededText(of pieces: [String], upTo longest: Int, using generator: inout SeededGenerator) -> String {
    (0..<Int.random(in: 0...longest, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
        .joined()
}

final class SyllableTests: XCTestCase {
    func testEnglishWordList() {
        let expected = [
            "cat": 1, "table": 2, "stimulation": 4, "electrical": 4, "nerve": 1, "pulses": 2, "used": 1,
            "wanted": 2, "pain": 1, "therapy": 3, "needle": 2, "acupuncture": 4, "yes": 1, "the": 1, "stimulator": 4,
        ]
        for (word, syllables) in expected { XCTAssertEqual(Syllables.english(word), syllables, word) }
    }

    func testSpanishWordList() {
        let expected = [
            "estimulación": 5, "dolor": 2, "crónico": 3, "país": 2, "ciudad": 2, "aéreo": 4, "que": 1, "guerra": 2,
            "pingüino": 3, "muy": 1, "hoy": 1, "leer": 2, "terapia": 3, "electroacupuntura": 8, "eléctrica": 4,
        ]
        for (word, syllables) in expected { XCTAssertEqual(Syllables.spanish(word), syllables, word) }
    }

    /// The rules read from an ASCII word's bytes, in either case, against the rules read from its
    /// lower-case letters, on seeded random words rich in the letters the rules look at.
    func testRulesOnASCIIBytesMatchTheRulesOnLetters() {
        let alphabet = "aeiouyAEIOUYlLsSdDtTqQgGxXhHcCzZbnmrpk".map(String.init)
        var generator = SeededGenerator(seed: 23)
        for _ in 0..<20_000 {
            let word = seededText(of: alphabet, upTo: 14, using: &generator)
            let letters = Syllables.letters(of: word)
            let bytes = Array(word.utf8)
            bytes.withUnsafeBufferPointer { bytes in
                letters.withUnsafeBufferPointer { letters in
                    XCTAssertEqual(
                        Syllables.english(asciiLetters: bytes), Syllables.english(letters: letters), word)
                    XCTAssertEqual(
                        Syllables.spanish(asciiLetters: bytes), Syllables.spanish(letters: letters), word)
                }
            }
        }
    }
}

final class ReadingLevelTests: XCTestCase {
    func testCountsWordsAndSentences() {
        let counts = TextCounts("TENS isn't new. Pads go on skin!\nA list item without a stop\n")
        XCTAssertEqual(
            counts.wordList,
            ["TENS", "isn't", "new", "Pads", "go", "on", "skin", "A", "list", "item", "without", "a", "stop"])
        XCTAssertEqual(counts.sentences, 3)
    }

    func testFleschKincaidByHand() throws {
        // 6 words, 2 sentences, 6 syllables: 0.39 × 3 + 11.8 × 1 − 15.59 = −2.62.
        guard case .fleschKincaidGrade(let grade)? = ReadingLevel.score("The cat sat. The dog ran.", language: "en")
        else { return XCTFail() }
        XCTAssertEqual(grade, -2.62, accuracy: 0.005)
    }

    func testFernandezHuertaByHand() throws {
        // 7 words, 11 syllables, 2 sentences: 206.84 − 0.60 × 157.14 − 1.02 × 28.57 = 83.41.
        guard
            case .fernandezHuerta(let ease)? = ReadingLevel.score("El perro come. La casa es roja.", language: "es-MX")
        else { return XCTFail() }
        XCTAssertEqual(ease, 83.41, accuracy: 0.005)
    }

    /// One scan counting ASCII words from their bytes scores a text as counting every word from
    /// its letters does.
    func testMeasuringScoresAsTheWordListDoes() {
        let pieces = [
            "Que", "guerra", "pulses", "Yes", "table", "wanted", "aéreo", "pingüino", "TENS", "isn't", "low-back",
            "o\u{301}", "9", " ", " ", ". ", "!", "\n", ",", "muy", "leer", "Ñandú",
        ]
        var generator = SeededGenerator(seed: 29)
        for _ in 0..<2_000 {
            let text = seededText(of: pieces, upTo: 30, using: &generator)
            let counts = TextCounts(text)
            for language in ["en", "es"] {
                let measured = ReadingLevel.measure(text, language: language)
                XCTAssertEqual(measured.words, counts.words, text.debugDescription)
                XCTAssertEqual(measured.level, ReadingLevel.score(counts, language: language), text.debugDescription)
            }
        }
    }

    func testLanguagesWithoutAFormulaAreNotScored() {
        XCTAssertNil(ReadingLevel.score("هذه جملة قصيرة.", language: "ar"))
        XCTAssertNil(ReadingLevel.defaultTarget(language: "ar"))
        XCTAssertNil(ReadingLevel.score("", language: "en"))
    }

    func testTargetsCompareOnEachScale() {
        XCTAssertTrue(ReadingLevel.fleschKincaidGrade(7.9).meets(8))
        XCTAssertFalse(ReadingLevel.fleschKincaidGrade(8.1).meets(8))
        XCTAssertTrue(ReadingLevel.fernandezHuerta(61).meets(60))
        XCTAssertFalse(ReadingLevel.fernandezHuerta(59).meets(60))
        XCTAssertEqual(ReadingLevel.fleschKincaidGrade(11.26).description, "Flesch–Kincaid grade 11.3")
    }
}

/// The byte scanner against the scalar loop it replaced, on seeded random text.
final class WordScannerTests: XCTestCase {
    /// The earlier definition, scalar by scalar: words trimmed of joiners, sentences at . ! ? … and line breaks.
    private func reference(_ text: String) -> (words: [String], sentences: Int) {
        var words: [String] = []
        var sentences = 0
        var current: [Unicode.Scalar] = []
        var sentenceHasWords = false
        func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.properties.numericType != nil }
        func isJoiner(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "’" || s == "-" }
        func isMark(_ s: Unicode.Scalar) -> Bool { !s.isASCII && s.properties.generalCategory == .nonspacingMark }
        func endWord() {
            var word = current[...]
            while let first = word.first, isJoiner(first) { word = word.dropFirst() }
            while let last = word.last, isJoiner(last) { word = word.dropLast() }
            if word.contains(where: isLetter) {
                var text = ""
                text.unicodeScalars.append(contentsOf: word)
                words.append(text)
                sentenceHasWords = true
            }
            current = []
        }
        for scalar in text.unicodeScalars {
            if isLetter(scalar) || isDigit(scalar) || isMark(scalar) || (isJoiner(scalar) && !current.isEmpty) {
                current.append(scalar)
            } else {
                endWord()
                if ".!?…\n".unicodeScalars.contains(scalar) {
                    if sentenceHasWords { sentences += 1 }
                    sentenceHasWords = false
                }
            }
        }
        endWord()
        if sentenceHasWords { sentences += 1 }
        return (words, sentences)
    }

    func testScannerMatchesTheScalarDefinitionOnRandomText() {
        let pieces = [
            "a", "Z", "é", "Ñ", "ü", "ª", "µ", "ß", "ع", "9", "٣", "'", "’", "-", " ", ".", "!", "?", "…", "\n", ",",
            "“", "o\u{301}", "—", "¿", "x",
        ]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let text = seededText(of: pieces, upTo: 40, using: &generator)
            let counts = TextCounts(text)
            let expected = reference(text)
            XCTAssertEqual(counts.wordList, expected.words, text.debugDescription)
            XCTAssertEqual(counts.sentences, expected.sentences, text.debugDescription)
        }
    }

    /// Runs of ASCII letters are read eight bytes at a time: long runs, both cases, and the bytes
    /// either side of the letters' ranges (`@ [ ` { `), at every place in the eight.
    func testLongASCIIRunsMatchTheScalarDefinition() {
        let pieces = ["a", "z", "A", "Z", "q", "M", "@", "[", "`", "{", " ", "é", "7", "-", ".", "\u{7F}", "ع"]
        let weights = [6, 6, 6, 6, 6, 6, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1]
        let weighted = zip(pieces, weights).flatMap { Array(repeating: $0, count: $1) }
        var generator = SeededGenerator(seed: 13)
        for _ in 0..<2_000 {
            let text = seededText(of: weighted, upTo: 60, using: &generator)
            var letters: [String] = []
            var scanner = WordScanner()
            scanner.scan(text) { scalars, _ in
                var word = ""
                word.unicodeScalars.append(contentsOf: scalars)
                letters.append(word)
            }
            let expected = reference(text)
            XCTAssertEqual(TextCounts(text).wordList, expected.words, text.debugDescription)
            XCTAssertEqual(
                letters, expected.words.map { $0.lowercased().filter { $0.isLetter } }, text.debugDescription)
            XCTAssertEqual(scanner.sentences, expected.sentences, text.debugDescription)
        }
    }

    /// A word's letters come lower-cased, however long the word (past the buffer's first size).
    func testAWordsLettersAreItsLettersInLowerCase() {
        for length in [1, 127, 128, 129, 300, 1_000] {
            let word = String(
                (0..<length).map { Character(UnicodeScalar(UInt8(ascii: $0.isMultiple(of: 3) ? "Q" : "z"))) })
            var seen: [String] = []
            var scanner = WordScanner()
            scanner.scan("\(word)é \(word). Ü") { letters, _ in
                var text = ""
                text.unicodeScalars.append(contentsOf: letters)
                seen.append(text)
            }
            XCTAssertEqual(seen, [word.lowercased() + "é", word.lowercased(), "ü"], "\(length)")
            XCTAssertEqual(scanner.sentences, 2)
        }
    }

    /// A language without syllable rules wants no letters: the words and sentences are the same.
    func testScanningWithoutLettersFindsTheSameWordsAndSentences() {
        let pieces = ["a", "Z", "é", "Ñ", "9", "'", "-", " ", ".", "?", "\n", "o\u{301}", "ع", "x"]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            let text = seededText(of: pieces, upTo: 40, using: &generator)
            var results: [[String]] = []
            var sentences: [Int] = []
            for collectsLetters in [true, false] {
                var words: [String] = []
                var scanner = WordScanner()
                scanner.scan(text, collectsLetters: collectsLetters) { letters, bytes in
                    if !collectsLetters { XCTAssertTrue(letters.isEmpty) }
                    words.append(String(decoding: bytes, as: UTF8.self))
                }
                results.append(words)
                sentences.append(scanner.sentences)
            }
            XCTAssertEqual(results[1], results[0], text.debugDescription)
            XCTAssertEqual(sentences[1], sentences[0], text.debugDescription)
        }
    }
}
