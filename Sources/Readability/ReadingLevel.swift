/// A reading-level score for a language that has a validated formula.
public enum ReadingLevel: Sendable, Equatable {
    /// Flesch–Kincaid grade (English): lower is easier.
    case fleschKincaidGrade(Double)
    /// Fernández-Huerta ease (Spanish), 0–100: higher is easier.
    case fernandezHuerta(Double)

    /// Scores `text` in the language `tag` (its primary subtag), or nil when
    /// the language has no formula here: not scored, never guessed.
    public static func score(_ text: String, language tag: String) -> ReadingLevel? {
        score(TextCounts(text), language: tag)
    }

    public static func score(_ counts: TextCounts, language tag: String) -> ReadingLevel? {
        guard counts.words > 0, counts.sentences > 0 else { return nil }
        switch tag.split(separator: "-").first.map(String.init) {
        case "en":
            let syllables = counts.wordList.reduce(0) { $0 + Syllables.english($1) }
            return .fleschKincaidGrade(0.39 * Double(counts.words) / Double(counts.sentences) + 11.8 * Double(syllables) / Double(counts.words) - 15.59)
        case "es":
            let syllables = counts.wordList.reduce(0) { $0 + Syllables.spanish($1) }
            let perHundredSyllables = 100 * Double(syllables) / Double(counts.words)
            let perHundredSentences = 100 * Double(counts.sentences) / Double(counts.words)
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

/// Words and sentences of plain text. A word is a run of letters (with inner
/// apostrophes or hyphens); a sentence ends at . ! ? … or at a line break.
public struct TextCounts: Sendable, Equatable {
    public var wordList: [String]
    public var sentences: Int
    public var words: Int { wordList.count }

    public init(_ text: String) {
        var words: [String] = []
        var sentences = 0
        let scalars = text.unicodeScalars
        // A word is a run of the text: its start, while one is open.
        var wordStart: String.UnicodeScalarView.Index?
        var sentenceHasWords = false
        func endWord(at end: String.UnicodeScalarView.Index) {
            guard var start = wordStart else { return }
            wordStart = nil
            // Apostrophes and hyphens only join letters: trimmed from the ends.
            var end = end
            while start < end, Self.isJoiner(scalars[start]) { start = scalars.index(after: start) }
            while start < end, Self.isJoiner(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
            let word = scalars[start..<end]
            if word.contains(where: Self.isLetter) {
                // A slice of the text, not scalars copied one by one (that was a tenth of a build).
                words.append(String(Substring(word)))
                sentenceHasWords = true
            }
        }
        func endSentence() {
            if sentenceHasWords { sentences += 1 }
            sentenceHasWords = false
        }
        // Scalars, not Characters: a page can be megabytes, and this is the hot loop.
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if Self.isLetter(scalar) || Self.isDigit(scalar) || Self.isCombining(scalar) || (Self.isJoiner(scalar) && wordStart != nil) {
                if wordStart == nil { wordStart = index }
            } else {
                endWord(at: index)
                if scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" || scalar == "\n" { endSentence() }
            }
            index = scalars.index(after: index)
        }
        endWord(at: scalars.endIndex)
        endSentence()
        self.wordList = words
        self.sentences = sentences
    }

    /// An apostrophe or a hyphen: inside a word ("don't", "low-back"), never at its ends.
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’" || scalar == "-"
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        return scalar.properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.numericType != nil
    }

    /// Accents written as separate marks stay inside their word.
    static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && scalar.properties.generalCategory == .nonspacingMark
    }
}
