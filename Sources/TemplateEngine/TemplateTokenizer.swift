/// Splits a template's bytes into text and `{{…}}` tags, and removes the
/// lines of standalone tags as the Mustache specification says: a line
/// holding only whitespace and tags that print nothing loses its indentation
/// and its line ending.
struct TemplateTokenizer {
    enum TagKind: Equatable {
        case variable(escaped: Bool)
        case section, inverted, close, comment, partial, parent, block
    }

    struct Tag {
        var kind: TagKind
        var name: String
        var position: TemplatePosition
        /// Set on standalone lines: the whitespace that was before the tag.
        var indentation: [UInt8] = []
        var isStandalone = false
        /// The whitespace before the tag when nothing else precedes it on its line.
        var linePrefix: [UInt8]?
    }

    enum Token {
        /// Holds at most one line ending, at its end.
        case text([UInt8])
        case tag(Tag)
    }

    private let bytes: [UInt8]
    private let open: [UInt8] = Array("{{".utf8)
    private let close: [UInt8] = Array("}}".utf8)
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Every token, standalone lines already trimmed.
    static func tokens(of text: String) throws(TemplateError) -> [Token] {
        var tokenizer = TemplateTokenizer(text)
        return Self.trimStandaloneLines(try tokenizer.scan())
    }

    private mutating func scan() throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var textStart = offset
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") {
                tokens.append(.text(Array(bytes[textStart...offset])))
                offset += 1
                line += 1
                lineStart = offset
                textStart = offset
            } else if matches(open, at: offset) {
                if textStart < offset { tokens.append(.text(Array(bytes[textStart..<offset]))) }
                tokens.append(.tag(try tag()))
                textStart = offset
            } else {
                offset += 1
            }
        }
        if textStart < offset { tokens.append(.text(Array(bytes[textStart..<offset]))) }
        return tokens
    }

    /// The tag at `offset`, which starts with the opening delimiter.
    private mutating func tag() throws(TemplateError) -> Tag {
        let position = self.position(of: offset)
        var cursor = offset + open.count
        let sigil = cursor < bytes.count ? bytes[cursor] : 0
        var kind: TagKind = .variable(escaped: true)
        var closing = close
        switch sigil {
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "="):
            // Other delimiters would make a theme's templates read differently from one another.
            throw TemplateError(position, "set-delimiter tags ({{=…=}}) are not supported")
        case UInt8(ascii: "&"): kind = .variable(escaped: false)
        case UInt8(ascii: "{"):
            kind = .variable(escaped: false)
            closing = [UInt8(ascii: "}")] + close
        default: cursor -= 1
        }
        cursor += 1
        guard let end = find(closing, from: cursor) else {
            let shown = String(decoding: closing, as: UTF8.self)
            throw TemplateError(position, "tag is not closed: expected '\(shown)'")
        }
        // A tag may span lines (comments do): keep the line count right.
        for index in offset..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let name = String(decoding: bytes[cursor..<end], as: UTF8.self).trimmingWhitespace()
        offset = end + closing.count
        if kind != .comment, name.isEmpty || name.contains(where: \.isWhitespace) {
            throw TemplateError(position, name.isEmpty ? "tag has no name" : "tag name '\(name)' contains spaces")
        }
        return Tag(kind: kind, name: name, position: position)
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for (offset, byte) in pattern.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func position(of index: Int) -> TemplatePosition {
        // Columns count scalars: UTF-8 continuation bytes are skipped.
        let column = bytes[lineStart..<index].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return TemplatePosition(line: line, column: column)
    }
}

extension TemplateTokenizer {
    /// Removes the whitespace and line ending of every standalone line.
    ///
    /// A line is standalone when it holds only whitespace and tags that print
    /// nothing, and at most one of them is not a parent's opening or closing
    /// tag (a parent's tags print nothing themselves, so `{{<page}}{{$main}}`
    /// is as standalone as `{{$main}}`).
    static func trimStandaloneLines(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var open: [TagKind] = []
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                if case .text(let text) = tokens[lineEnd], text.last == UInt8(ascii: "\n") { break }
                lineEnd += 1
            }
            let line = Array(tokens[lineStart..<min(lineEnd + 1, tokens.count)])
            result += trimmed(line, open: &open)
            lineStart = lineEnd + 1
        }
        return result
    }

    /// One line's tokens, trimmed if it is standalone; `open` tracks which
    /// kinds of tag are open, to tell a parent's closing tag from others.
    private static func trimmed(_ line: [Token], open: inout [TagKind]) -> [Token] {
        var line = line
        var significant = 0
        var tags = 0
        var onlyWhitespace = true
        var prefix: [UInt8]? = []
        for index in line.indices {
            switch line[index] {
            case .text(let text):
                if !text.allSatisfy(isWhitespace) { onlyWhitespace = false }
                if prefix != nil, text.allSatisfy(isWhitespace), text.last != UInt8(ascii: "\n") {
                    prefix! += text
                } else {
                    prefix = nil
                }
            case .tag(var tag):
                tags += 1
                tag.linePrefix = prefix
                prefix = nil
                switch tag.kind {
                case .variable: onlyWhitespace = false
                case .parent: open.append(.parent)
                case .section, .inverted, .block:
                    open.append(tag.kind)
                    significant += 1
                case .close: if open.popLast() != .parent { significant += 1 }
                case .comment, .partial: significant += 1
                }
                line[index] = .tag(tag)
            }
        }
        guard tags > 0, onlyWhitespace, significant <= 1 else { return line }
        var indentation: [UInt8] = []
        var kept: [Token] = []
        for token in line {
            switch token {
            case .text(let text) where kept.isEmpty:
                indentation += text.filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
            case .text: break
            case .tag(var tag):
                tag.isStandalone = true
                tag.indentation = indentation
                kept.append(.tag(tag))
            }
        }
        return kept
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
