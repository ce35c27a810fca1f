/// Walks the words and sentences of plain text once, as the readability
/// formulas see them. A word is a run of letters and digits (with inner
/// apostrophes or hyphens) holding at least one letter; a sentence ends at
/// . ! ? … or at a line break, if it has words.
///
/// It runs over every paragraph of every page: each word's letters go into
/// one reused buffer, lower-cased as they come, and no string is made unless
/// the caller asks for it.
struct WordScanner {
    /// The current run of scalars as written.
    private var run: [Unicode.Scalar] = []
    /// Its letters in lower case (what syllable rules read).
    private var letters: [Unicode.Scalar] = []
    private var hasLetter = false
    private var hasCombiningMark = false
    private var sentenceHasWords = false
    private(set) var sentences = 0

    init() {
        run.reserveCapacity(64)
        letters.reserveCapacity(64)
    }

    /// Calls `word` for each word with its letters in lower case and its scalars as written.
    mutating func scan(_ text: String, word: (_ letters: [Unicode.Scalar], _ scalars: ArraySlice<Unicode.Scalar>) -> Void) {
        for scalar in text.unicodeScalars {
            if TextCounts.isLetter(scalar) {
                run.append(scalar)
                letters.append(Self.lowercased(scalar))
                hasLetter = true
            } else if TextCounts.isDigit(scalar) {
                run.append(scalar)
            } else if TextCounts.isCombining(scalar) {
                run.append(scalar)
                hasCombiningMark = true
            } else if TextCounts.isJoiner(scalar), !run.isEmpty {
                run.append(scalar)
            } else {
                endWord(word)
                if scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" || scalar == "\n" { endSentence() }
            }
        }
        endWord(word)
        endSentence()
    }

    private mutating func endWord(_ word: (_ letters: [Unicode.Scalar], _ scalars: ArraySlice<Unicode.Scalar>) -> Void) {
        defer {
            run.removeAll(keepingCapacity: true)
            letters.removeAll(keepingCapacity: true)
            hasLetter = false
            hasCombiningMark = false
        }
        guard hasLetter else { return }
        // Apostrophes and hyphens only join letters: trimmed from the ends.
        var start = run.startIndex, end = run.endIndex
        while start < end, TextCounts.isJoiner(run[start]) { start += 1 }
        while start < end, TextCounts.isJoiner(run[end - 1]) { end -= 1 }
        if hasCombiningMark {
            // Rare: "o" and a combining accent are one letter once precomposed.
            var text = ""
            text.unicodeScalars.append(contentsOf: run[start..<end])
            word(Syllables.letters(of: text), run[start..<end])
        } else {
            word(letters, run[start..<end])
        }
        sentenceHasWords = true
    }

    private mutating func endSentence() {
        if sentenceHasWords { sentences += 1 }
        sentenceHasWords = false
    }

    /// Lower case, with Latin-1's capitals (Spanish accents) done by arithmetic.
    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: return Unicode.Scalar(scalar.value + 32)!
        case 0...0x7F, 0xDF...0xFF: return scalar
        default: return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        }
    }
}
