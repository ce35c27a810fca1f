/// Phrases to mark at their first use in a document (glossary terms).
public struct TermPattern: Sendable, Hashable {
    /// The forms of the term; each matches as a whole word.
    public var phrases: [String]

    public init(phrases: [String]) {
        self.phrases = phrases
    }
}

/// One use of a term `TermMatcher.mark` found in a text.
public struct TermMark: Sendable, Equatable {
    /// Where the use is: a byte range in the text's UTF-8.
    public var range: Range<Int>
    /// Its use number: an index into the matcher's `uses`, which gives the term.
    public var use: Int
}

/// Finds the first whole-word use of each term in the text of a document,
/// outside headings, links, images and code: each term is marked once, at
/// the earliest place any of its phrases appears. A build marks glossary uses with it, and a
/// translation's segmentation the same uses as terms.
public struct TermMatcher: Sendable {
    /// Per term, its phrases.
    private let patterns: [[Phrase]]
    private var used: [Bool]
    private var usedCount = 0
    /// Term index of each marked use, in document order.
    private(set) var uses: [Int] = []

    public init(patterns: [TermPattern]) {
        self.patterns = patterns.map { pattern in
            pattern.phrases.filter { !$0.isEmpty }.map { phrase in
                let ignoresCase = !phrase.contains(where: \.isUppercase)
                return Phrase(
                    characters: ignoresCase ? phrase.map(Self.lowercased) : Array(phrase), ignoresCase: ignoresCase)
            }
        }
        used = Array(repeating: false, count: patterns.count)
    }

    /// One phrase of a term as characters: lower-cased when the phrase has no capital (it then
    /// ignores case); as written otherwise (`TENS`).
    private struct Phrase: Sendable {
        let characters: [Character]
        let ignoresCase: Bool
    }

    public var isDone: Bool { usedCount == patterns.count }

    /// The first uses of unused terms in `text`, in order.
    public mutating func mark(_ text: String) -> [TermMark] {
        let characters = Array(text)
        var lowered: [Character]?
        var marks: [TermMark] = []
        var from = 0
        while !isDone {
            var best: (start: Int, end: Int, term: Int)?
            for (term, phrases) in patterns.enumerated() where !used[term] {
                for phrase in phrases {
                    if phrase.ignoresCase, lowered == nil { lowered = characters.map(Self.lowercased) }
                    let haystack = phrase.ignoresCase ? lowered! : characters
                    guard let start = Self.wholeWord(phrase.characters, in: haystack, original: characters, from: from)
                    else { continue }
                    if best == nil || start < best!.start { best = (start, start + phrase.characters.count, term) }
                }
            }
            guard let best else { break }
            used[best.term] = true
            usedCount += 1
            marks.append(TermMark(range: Self.byteRange(best.start..<best.end, in: characters), use: uses.count))
            uses.append(best.term)
            from = best.end
        }
        return marks
    }

    /// The first index at or after `from` where `phrase` starts with no
    /// letter or digit right before or after it.
    private static func wholeWord(_ phrase: [Character], in haystack: [Character], original: [Character], from: Int)
        -> Int?
    {
        guard phrase.count <= haystack.count else { return nil }
        var start = from
        while start + phrase.count <= haystack.count {
            if haystack[start] == phrase[0], haystack[start..<start + phrase.count].elementsEqual(phrase) {
                let before = start > 0 ? original[start - 1] : " "
                let after = start + phrase.count < original.count ? original[start + phrase.count] : " "
                if !before.isLetter, !before.isNumber, !after.isLetter, !after.isNumber { return start }
            }
            start += 1
        }
        return nil
    }

    /// The character lower-cased, if that is still one character.
    private static func lowercased(_ character: Character) -> Character {
        let lowered = character.lowercased()
        return lowered.count == 1 ? Character(lowered) : character
    }

    private static func byteRange(_ range: Range<Int>, in characters: [Character]) -> Range<Int> {
        let start = characters[..<range.lowerBound].reduce(0) { $0 + $1.utf8.count }
        return start..<start + characters[range].reduce(0) { $0 + $1.utf8.count }
    }
}
