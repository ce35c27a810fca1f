/// A reading-level score for a language that has a validated formula.
public enum ReadingLevel: Sendable, Equatable {
    /// Flesch–Kincaid grade (English): lower is easier.
    case fleschKincaidGrade(Double)
    /// Fernández-Huerta ease (Spanish), 0–100: higher is easier.
    case fernandezHuerta(Double)

    /// Scores `text` in the language `tag` (its primary subtag), or nil when
    /// the language has no formula here: not scored, never guessed.
    public static func score(_ text: String, language tag: String) -> ReadingLevel? {
        measure(text, language: tag).level
    }

    /// The words of `text` and its score in the language `tag`, in one pass
    /// that counts syllables as it meets each word.
    public static func measure(_ text: String, language tag: String) -> ProseStats {
        let language = tag.split(separator: "-").first.map(String.init)
        var words = 0
        var syllables = 0
        var scanner = WordScanner()
        // One scan per language, each calling its syllable rules directly: chosen through an
        // optional function, the rules were copied, retained and released for every word. Only
        // the languages with syllable rules read a word's letters, and a word of ASCII letters
        // is counted from its bytes (no letters come with it: see `WordScanner.scan`).
        switch language {
        case "en":
            scanner.scan(text, asciiWordsAsBytes: true) { letters, bytes in
                words += 1
                syllables +=
                    letters.isEmpty ? Syllables.english(asciiLetters: bytes) : Syllables.english(letters: letters)
            }
        case "es":
            scanner.scan(text, asciiWordsAsBytes: true) { letters, bytes in
                words += 1
                syllables +=
                    letters.isEmpty ? Syllables.spanish(asciiLetters: bytes) : Syllables.spanish(letters: letters)
            }
        default:
            scanner.scan(text, collectsLetters: false) { _, _ in words += 1 }
        }
        return ProseStats(
            words: words,
            level: level(words: words, sentences: scanner.sentences, syllables: syllables, language: language))
    }

    public static func score(_ counts: TextCounts, language tag: String) -> ReadingLevel? {
        let language = tag.split(separator: "-").first.map(String.init)
        let syllables: Int
        switch language {
        case "en": syllables = counts.wordList.reduce(0) { $0 + Syllables.english($1) }
        case "es": syllables = counts.wordList.reduce(0) { $0 + Syllables.spanish($1) }
        default: syllables = 0
        }
        return level(words: counts.words, sentences: counts.sentences, syllables: syllables, language: language)
    }

    private static func level(words: Int, sentences: Int, syllables: Int, language: String?) -> ReadingLevel? {
        guard words > 0, sentences > 0 else { return nil }
        switch language {
        case "en":
            return .fleschKincaidGrade(
                0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59)
        case "es":
            let perHundredSyllables = 100 * Double(syllables) / Double(words)
            let perHundredSentences = 100 * Double(sentences) / Double(words)
            return .fernandezHuerta(206.84 - 0.60 * perHundredSyllables - 1.02 * perHundredSentences)
        default:
            return nil
        }
    }

    /// The default target of a language: grade 8 (English), ease 60 (Spanish,
    /// "normal" on Fernández-Huerta's scale, about the same school level).
    public static func defaultTarget(language tag: String) -> Double? {
        switch tag.split(separator: "-").first.map(String.init) {
        case "en": return 8
        case "es": return 60
        default: return nil
        }
    }

    /// Whether the score is at or easier than `target` on its own scale.
    public func meets(_ target: Double) -> Bool {
        switch self {
        case .fleschKincaidGrade(let grade): return grade <= target
        case .fernandezHuerta(let ease): return ease >= target
        }
    }

    public var description: String {
        switch self {
        case .fleschKincaidGrade(let grade): return "Flesch–Kincaid grade \(Self.oneDecimal(grade))"
        case .fernandezHuerta(let ease): return "Fernández-Huerta ease \(Self.oneDecimal(ease))"
        }
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}

/// Words and sentences of plain text (see `WordScanner` for what they are).
public struct TextCounts: Sendable, Equatable {
    public var wordList: [String]
    public var sentences: Int
    public var words: Int { wordList.count }

    public init(_ text: String) {
        var words: [String] = []
        var scanner = WordScanner()
        scanner.scan(text) { _, bytes in words.append(String(decoding: bytes, as: UTF8.self)) }
        wordList = words
        sentences = scanner.sentences
    }

    /// An apostrophe or a hyphen: inside a word ("don't", "low-back"), never at its ends.
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’" || scalar == "-"
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF: return true
        case 0...0x7F, 0xD7, 0xF7: return false
        default: return scalar.properties.isAlphabetic
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.numericType != nil
    }

    /// Accents written as separate marks stay inside their word.
    static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && scalar.properties.generalCategory == .nonspacingMark
    }
}
