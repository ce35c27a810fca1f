import Foundation

/// Phrases to mark at their first use in a document (glossary terms).
public struct TermPattern: Sendable, Hashable {
    /// The forms of the term; each matches as a whole word.
    public var phrases: [String]

    public init(phrases: [String]) {
        self.phrases = phrases
    }
}

/// Finds the first whole-word use of each term in text outside headings,
/// links, images and code, and wraps it in markers that
/// `RenderedMarkdown.html(…terms:)` turns into the caller's markup: use `n`
/// becomes `start n middle` + the words + `end n middle`.
struct TermMarker {
    private let patterns: [TermPattern]
    private var used: Set<Int> = []
    /// Term index of each marked use, in document order.
    private(set) var uses: [Int] = []

    static let start = "\u{E004}", middle = "\u{E005}", end = "\u{E006}"

    init(patterns: [TermPattern]) {
        self.patterns = patterns
    }

    var isDone: Bool { used.count == patterns.count }

    /// `text` with its first uses of unused terms wrapped, or nil if none is in it.
    mutating func mark(_ text: String) -> String? {
        var result = ""
        var rest = text[...]
        var changed = false
        while !isDone, let (range, term) = earliestUse(in: rest) {
            result += rest[..<range.lowerBound]
            result += "\(Self.start)\(uses.count)\(Self.middle)\(rest[range])\(Self.end)\(uses.count)\(Self.middle)"
            used.insert(term)
            uses.append(term)
            rest = rest[range.upperBound...]
            changed = true
        }
        return changed ? result + rest : nil
    }

    private func earliestUse(in text: Substring) -> (Range<Substring.Index>, Int)? {
        var best: (Range<Substring.Index>, Int)?
        for (term, pattern) in patterns.enumerated() where !used.contains(term) {
            for phrase in pattern.phrases {
                guard let range = Self.wholeWord(phrase, in: text) else { continue }
                if best == nil || range.lowerBound < best!.0.lowerBound { best = (range, term) }
            }
        }
        return best
    }

    /// Abbreviations (any uppercase letter) match exactly; other phrases ignore case.
    static func wholeWord(_ phrase: String, in text: Substring) -> Range<Substring.Index>? {
        let options: String.CompareOptions = phrase.contains(where: \.isUppercase) ? [] : [.caseInsensitive]
        var from = text.startIndex
        while let range = text.range(of: phrase, options: options, range: from..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if !before.isLetter, !before.isNumber, !after.isLetter, !after.isNumber { return range }
            from = text.index(after: range.lowerBound)
        }
        return nil
    }
}
