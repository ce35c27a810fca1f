/// Writes a text block's pieces back as Markdown: the inverse of `TextBlockReader`, for a
/// translation that keeps every code of its original and changes only the text.
///
/// Text is always literal: every character that could begin markup is escaped, so a
/// translation cannot add a link, an emphasis, raw HTML or a block of its own.
public enum InlineMarkdown {
    public static func write(_ pieces: [InlinePiece], images: [ImageText], in block: TextBlock) -> String {
        var output = ""
        var startOfLine = true
        for piece in movingSpacesOutOfPairs(pieces) {
            switch piece {
            case .text(let text), .term(let text):
                output += escape(text, atLineStart: startOfLine)
            case .start(let code): output += opening(code.kind)
            case .end(let code): output += closing(code.kind)
            case .standalone(let code):
                if case .lineBreak = code.kind {
                    output += "\\\n" + block.continuationPrefix
                    startOfLine = true
                    continue
                }
                output += standalone(code.kind, images: images, inTableCell: block.kind == .tableCell)
            }
            startOfLine = false
        }
        return output
    }

    /// A space just inside `**…**` keeps it from being emphasis: spaces go outside the pair.
    static func movingSpacesOutOfPairs(_ pieces: [InlinePiece]) -> [InlinePiece] {
        var result = pieces
        for index in result.indices {
            if case .start = result[index], index + 1 < result.count, case .text(let text) = result[index + 1] {
                let kept = String(text.drop { $0 == " " })
                if kept.count < text.count {
                    result[index + 1] = .text(kept)
                    result.insert(.text(String(repeating: " ", count: text.count - kept.count)), at: index)
                    return movingSpacesOutOfPairs(result)
                }
            }
            if case .end = result[index], index > 0, case .text(let text) = result[index - 1] {
                let trimmed = String(text.reversed().drop { $0 == " " }.reversed())
                if trimmed.count < text.count {
                    result[index - 1] = .text(trimmed)
                    result.insert(.text(String(repeating: " ", count: text.count - trimmed.count)), at: index + 1)
                    return movingSpacesOutOfPairs(result)
                }
            }
        }
        return result
    }

    private static func opening(_ kind: InlineCode.Kind) -> String {
        switch kind {
        case .emphasis: "*"
        case .strong: "**"
        case .strikethrough: "~~"
        case .link: "["
        default: ""
        }
    }

    private static func closing(_ kind: InlineCode.Kind) -> String {
        switch kind {
        case .emphasis: "*"
        case .strong: "**"
        case .strikethrough: "~~"
        case .link(let destination, let title): "](" + linkTarget(destination, title: title) + ")"
        default: ""
        }
    }

    private static func standalone(_ kind: InlineCode.Kind, images: [ImageText], inTableCell: Bool) -> String {
        switch kind {
        case .code(let code): codeSpan(code, inTableCell: inTableCell)
        case .inlineHTML(let html): html
        case .footnoteReference(let label): "[^" + label + "]"
        case .citation(let citation): citation
        case .autolink(let destination, let text):
            destination == text ? "<" + destination + ">" : "[" + escape(text) + "](" + linkTarget(destination) + ")"
        case .image(let index) where images.indices.contains(index):
            "![" + escape(images[index].altText) + "]("
                + linkTarget(images[index].destination, title: images[index].title) + ")"
        default: ""
        }
    }

    private static func linkTarget(_ destination: String, title: String = "") -> String {
        let needsBrackets = destination.isEmpty || destination.contains { $0 == " " || $0 == "(" || $0 == ")" }
        var target =
            needsBrackets
            ? "<" + destination.replacingAll("<", with: "\\<").replacingAll(">", with: "\\>") + ">" : destination
        if !title.isEmpty {
            target += " \"" + title.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
        }
        return target
    }

    private static func codeSpan(_ code: String, inTableCell: Bool) -> String {
        var longest = 0
        var run = 0
        for character in code {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = code.hasPrefix("`") || code.hasSuffix("`") ? " " + code + " " : code
        return fence + (inTableCell ? padded.replacingAll("|", with: "\\|") : padded) + fence
    }

    /// Characters that can begin inline markup, an entity, an HTML tag or (with GFM's
    /// autolinks) a link: each gets a backslash.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", "&", "~", "|", "#", "@"]

    /// `text` as literal Markdown text.
    public static func escape(_ text: String, atLineStart: Bool = false) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        for character in oneLine(text) {
            // `:` before `//` and the `.` of `www.` would let GFM's autolinks make a link of the text.
            if special.contains(character) || (character == ":" && output.hasSuffix("http"))
                || (character == ":" && output.hasSuffix("https")) || (character == "." && output.hasSuffix("www"))
            {
                output.append("\\")
            }
            output.append(character)
        }
        return atLineStart ? escapeBlockStart(output) : output
    }

    /// `text` with each line break a space: a unit is one block (or one line of front matter), so a
    /// line break a translator typed must not start a new block.
    public static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// A line that begins `- `, `+ `, `1. `, `>`, `=` or four spaces would start another block.
    private static func escapeBlockStart(_ escaped: String) -> String {
        // Four spaces would begin a code block; spaces at the start of a line are never shown.
        let text = String(escaped.drop { $0 == " " || $0 == "\t" })
        guard let first = text.first else { return text }
        if first == "-" || first == "+" || first == "=" || first == ">" { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let next = text.dropFirst(digits.count).first,
            next == "." || next == ")"
        {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
