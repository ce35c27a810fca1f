public import CommonMark

/// Reads a Markdown document's text blocks (`TextBlock`) from cmark-gfm's tree, with the
/// same options a build parses with, so a block here is a block on the page.
public enum TextBlockReader {
    /// The text blocks of `markdown`, in document order. `terms` marks each glossary term's
    /// first use, as a build does.
    public static func blocks(in markdown: String, terms: [TermPattern] = []) -> [TextBlock] {
        var reader = BlockWalk(source: Array(markdown.utf8), terms: TermMatcher(patterns: terms))
        reader.visitChildren(of: MarkdownNode.document(markdown), path: "")
        return reader.blocks
    }
}

/// One pass over the block structure; each paragraph, heading and table cell becomes a block.
private struct BlockWalk {
    let source: [UInt8]
    var terms: TermMatcher
    var blocks: [TextBlock] = []
    private let lineStarts: [Int]

    init(source: [UInt8], terms: TermMatcher) {
        self.source = source
        self.terms = terms
        var starts = [0]
        for (index, byte) in source.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    mutating func visitChildren(of parent: MarkdownNode, path: String) {
        var counts: [String: Int] = [:]
        for node in parent.children {
            guard let name = Self.pathName(node) else { continue }
            counts[name, default: 0] += 1
            let here = (path.isEmpty ? "" : path + ".") + name + String(counts[name]!)
            switch node.kind {
            case .paragraph: addBlock(node, id: here, kind: .paragraph)
            case .heading(let level): addBlock(node, id: here, kind: .heading(level: level))
            case .tableCell: addBlock(node, id: here, kind: .tableCell)
            default: visitChildren(of: node, path: here)
            }
        }
    }

    /// The word for a block in a structural id; nil for blocks with no translatable text.
    private static func pathName(_ node: MarkdownNode) -> String? {
        switch node.kind {
        case .paragraph: "p"
        case .heading: "h"
        case .list: "list"
        case .item: "item"
        case .blockQuote: "quote"
        case .footnoteDefinition: "footnote"
        case .table: "table"
        case .tableRow: "row"
        case .tableCell: "cell"
        default: nil
        }
    }

    private mutating func addBlock(_ node: MarkdownNode, id: String, kind: TextBlock.Kind) {
        var inline = InlineWalk(terms: terms)
        inline.visitChildren(of: node)
        terms = inline.terms
        let range = contentRange(node, kind: kind)
        blocks.append(
            TextBlock(
                id: id, kind: kind, pieces: inline.pieces, images: inline.images, contentRange: range,
                line: node.start.line, continuationPrefix: continuationPrefix(node)))
    }

    private func offset(_ position: SourcePosition) -> Int {
        let lineIndex = max(0, min(position.line - 1, lineStarts.count - 1))
        return min(source.count, lineStarts[lineIndex] + max(0, position.column - 1))
    }

    /// Where the block's inline content is: a paragraph's or cell's whole extent; a heading's
    /// text without its `#`s or underline.
    private func contentRange(_ node: MarkdownNode, kind: TextBlock.Kind) -> Range<Int> {
        var start = offset(node.start)
        var end = offset(node.end) + 1
        end = min(end, source.count)
        if case .heading = kind {
            if source[start] == UInt8(ascii: "#") {
                while start < end, source[start] == UInt8(ascii: "#") { start += 1 }
                end = lineEnd(from: start)
                while end > start, Self.isSpace(source[end - 1]) { end -= 1 }
                // An optional closing sequence: spaces, then only #s.
                var closing = end
                while closing > start, source[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
                if closing < end, closing == start || Self.isSpace(source[closing - 1]) { end = closing }
            } else {
                // Setext: the text is every line above the underline (cmark-gfm may end the heading on
                // the blank line after it, at column 0).
                var line = node.end.line
                while line > node.start.line, !isUnderline(line) { line -= 1 }
                end = lineStarts[line - 1] - 1
            }
        }
        while start < end, Self.isSpace(source[start]) { start += 1 }
        while end > start, Self.isSpace(source[end - 1]) || source[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if case .tableCell = kind, end > start, source[end - 1] == UInt8(ascii: "|"),
            end - 2 < start || source[end - 2] != UInt8(ascii: "\\")
        {
            end -= 1
            while end > start, Self.isSpace(source[end - 1]) { end -= 1 }
        }
        return start..<max(start, end)
    }

    private func isUnderline(_ line: Int) -> Bool {
        guard line - 1 < lineStarts.count else { return false }
        let text = source[lineStarts[line - 1]..<lineEnd(from: lineStarts[line - 1])]
        let marks = text.filter { !Self.isSpace($0) }
        return !marks.isEmpty
            && (marks.allSatisfy { $0 == UInt8(ascii: "-") } || marks.allSatisfy { $0 == UInt8(ascii: "=") })
    }

    private func lineEnd(from offset: Int) -> Int {
        var end = offset
        while end < source.count, source[end] != UInt8(ascii: "\n"), source[end] != UInt8(ascii: "\r") { end += 1 }
        return end
    }

    /// The indentation and `>` marks that begin the block's second line, or spaces up to its column.
    private func continuationPrefix(_ node: MarkdownNode) -> String {
        let first = node.start.line
        guard node.end.line > first, first < lineStarts.count else {
            return String(repeating: " ", count: max(0, node.start.column - 1))
        }
        var end = lineStarts[first]
        while end < source.count, source[end] == UInt8(ascii: " ") || source[end] == UInt8(ascii: ">") { end += 1 }
        return String(decoding: source[lineStarts[first]..<end], as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
}
