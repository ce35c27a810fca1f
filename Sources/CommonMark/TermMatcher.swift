/// Phrases to mark at their first use in a document (glossary terms).
public struct TermPattern: Sendable, Hashable {
    /// The forms of the term; each matches as a whole word.
    public var phrases: [String]

    public init(phrases: [String]) {
        self.phrases = phrases
    }
}

/// Finds the first whole-word use of each term in the text of a document,
/// outside headings, links, images and code: each term is marked once, at
/// the earliest place any of its phrases appears. A build marks glossary uses with it, and a
/// translation's segmentation the same uses as terms.
public struct TermMatcher: Sendable {
    /// Per term, its phrases as characters: lower-cased when the phrase has
    /// no capital (it then ignores case); as written otherwise (`TENS`).
    private let patterns: [[(characters: [Character], ignoresCase: Bool)]]
    private var used: [Bool]
    private var usedCount = 0
    /// Term index of each marked use, in document order.
    private(set) var uses: [Int] = []

    public init(patterns: [TermPattern]) {
        self.patterns = patterns.map { pattern in
            pattern.phrases.filter { !$0.isEmpty }.map { phrase in
                let ignoresCase = !phrase.contains(where: \.isUppercase)
                return (ignoresCase ? phrase.map(Self.lowercased) : Array(phrase), ignoresCase)
            }
        }
        used = Array(repeating: false, count: patterns.count)
    }

    public var isDone: Bool { usedCount == patterns.count }

    /// The first uses of unused terms in `text`: byte ranges in its UTF-8,
    /// each with its use number (an index into `uses`).
    public mutating func mark(_ text: String) -> [(range: Range<Int>, use: Int)] {
        let characters = Array(text)
        var lowered: [Character]?
        var marks: [(range: Range<Int>, use: Int)] = []
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
            marks.append((Self.byteRange(best.start..<best.end, in: characters), uses.count))
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
