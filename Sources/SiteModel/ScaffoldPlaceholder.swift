import Foundation
public import SiteSupport

/// The mark `new topic` and `new locale` put on every text they leave for a person to write:
/// `[[TODO: …]]`. A published page or locale still holding one is an error, so a scaffold is never
/// published with its placeholders (readers would see "TODO: one or two plain sentences…").
public enum ScaffoldPlaceholder {
    public static let opening = "[[TODO"

    /// `[[TODO: what to write]]`.
    public static func mark(_ what: String) -> String { "\(opening): \(what)]]" }

    /// Whether `text` holds a mark. A search of the bytes: `String.contains` took 26,000
    /// instructions a string, over half of decoding each locale.yml.
    public static func isMarked(_ text: String) -> Bool { ByteSearch.contains(opening, in: text) }

    /// The line and column (1-based, in characters) of the first mark in `text`, if any.
    public static func firstMark(in text: String) -> TextPosition? {
        // Foundation's search costs a tenth of a build when run on every page; most hold no mark,
        // and an ASCII mark is found by Foundation only where its bytes are.
        guard isMarked(text), let found = text.range(of: opening) else { return nil }
        let before = text[..<found.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return TextPosition(line: line, column: before.distance(from: lineStart, to: before.endIndex) + 1)
    }

    public static let advice = "write the text and remove the mark, or keep the page a draft"
}
