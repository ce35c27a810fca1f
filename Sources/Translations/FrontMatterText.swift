import Foundation
import SiteModel

/// A page's front matter as lines, edited key by key so that every key not touched keeps its
/// bytes (comments, flow mappings, quoting): an import writes the original's non-text keys as
/// they are.
struct FrontMatterText {
    /// The lines between the `---` fences.
    private(set) var lines: [String]

    /// `text` is the file's front matter with its fences (`---\n…\n---\n`).
    init(_ text: String) {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        if lines.first?.trimmed == "---" { lines.removeFirst() }
        if let last = lines.last?.trimmed, last == "---" || last == "..." { lines.removeLast() }
        self.lines = lines
    }

    var text: String { (["---"] + lines + ["---"]).joined(separator: "\n") + "\n" }

    /// The lines of top-level `key`: its own and those indented below it.
    func block(_ key: String) -> [String]? {
        range(of: key).map { Array(lines[$0]) }
    }

    mutating func set(_ key: String, to value: String) {
        replace(key, with: ["\(key): \(YAMLText.quoted(value))"])
    }

    /// Puts `block` in place of `key`'s lines, or after the last key when there are none.
    mutating func replace(_ key: String, with block: [String]) {
        if let range = range(of: key) {
            lines.replaceSubrange(range, with: block)
        } else {
            lines.append(contentsOf: block)
        }
    }

    mutating func remove(_ key: String) {
        if let range = range(of: key) { lines.removeSubrange(range) }
    }

    private func range(of key: String) -> Range<Int>? {
        guard let start = lines.firstIndex(where: { Self.key(of: $0) == key }) else { return nil }
        var end = start + 1
        while end < lines.count, Self.key(of: lines[end]) == nil, !lines[end].hasPrefix("#") { end += 1 }
        while end > start + 1, lines[end - 1].trimmed.isEmpty { end -= 1 }
        return start..<end
    }

    /// The key a top-level line starts, if it starts one.
    private static func key(of line: String) -> String? {
        guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        return key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } ? String(key) : nil
    }
}
