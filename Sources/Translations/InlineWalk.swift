import CommonMark

/// A block's inline children as `InlinePiece`s: text, glossary uses and numbered codes.
struct InlineWalk {
    var terms: TermMatcher
    private(set) var pieces: [InlinePiece] = []
    private(set) var images: [ImageText] = []
    private var nextCode = 1

    init(terms: TermMatcher) {
        self.terms = terms
    }

    /// `marksTerms` is false in headings and links, where a build marks no glossary use.
    mutating func visitChildren(of parent: MarkdownNode, marksTerms: Bool? = nil) {
        let marks: Bool
        if let marksTerms {
            marks = marksTerms
        } else if case .heading = parent.kind {
            marks = false
        } else {
            marks = true
        }
        for node in parent.children { visit(node, marksTerms: marks) }
    }

    private mutating func code(_ kind: InlineCode.Kind) -> InlineCode {
        defer { nextCode += 1 }
        return InlineCode(id: nextCode, kind: kind)
    }

    private mutating func visit(_ node: MarkdownNode, marksTerms: Bool) {
        switch node.kind {
        case .text(let text, let citations): addText(text, citations: citations, marksTerms: marksTerms)
        case .softBreak: addText(" ", marksTerms: false)
        case .lineBreak: pieces.append(.standalone(code(.lineBreak)))
        case .code(let text): pieces.append(.standalone(code(.code(text))))
        case .inlineHTML(let html): pieces.append(.standalone(code(.inlineHTML(html))))
        case .emphasis: addPair(node, kind: .emphasis, marksTerms: marksTerms)
        case .strong: addPair(node, kind: .strong, marksTerms: marksTerms)
        case .strikethrough: addPair(node, kind: .strikethrough, marksTerms: marksTerms)
        case .link(let destination, let title): addLink(node, destination: destination, title: title)
        case .image(let destination, let title):
            images.append(ImageText(altText: node.textContent, title: title, destination: destination))
            pieces.append(.standalone(code(.image(images.count - 1))))
        case .footnoteReference(let label): pieces.append(.standalone(code(.footnoteReference(label))))
        default: visitChildren(of: node, marksTerms: marksTerms)
        }
    }

    private mutating func addPair(_ node: MarkdownNode, kind: InlineCode.Kind, marksTerms: Bool) {
        let pair = code(kind)
        pieces.append(.start(pair))
        visitChildren(of: node, marksTerms: marksTerms)
        pieces.append(.end(pair))
    }

    private mutating func addLink(_ node: MarkdownNode, destination: String, title: String) {
        let text = node.textContent
        let isAutolink =
            destination == text || destination == "mailto:" + text || destination == "http://" + text
            || destination == "https://" + text
        guard !isAutolink else {
            pieces.append(.standalone(code(.autolink(destination: destination, text: text))))
            return
        }
        addPair(node, kind: .link(destination: destination, title: title), marksTerms: false)
    }

    /// Text, with its `[@key]` citations (byte ranges) as codes and glossary first uses as terms.
    private mutating func addText(_ text: String, citations: [Range<Int>] = [], marksTerms: Bool) {
        let bytes = Array(text.utf8)
        var position = 0
        for citation in citations {
            addMarkedText(bytes[position..<citation.lowerBound], marksTerms: marksTerms)
            pieces.append(.standalone(code(.citation(String(decoding: bytes[citation], as: UTF8.self)))))
            position = citation.upperBound
        }
        addMarkedText(bytes[position...], marksTerms: marksTerms)
    }

    private mutating func addMarkedText(_ bytes: ArraySlice<UInt8>, marksTerms: Bool) {
        guard !bytes.isEmpty else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        guard marksTerms, !terms.isDone else { return append(.text(text)) }
        let utf8 = Array(text.utf8)
        var position = 0
        for mark in terms.mark(text) {
            if mark.range.lowerBound > position {
                append(.text(String(decoding: utf8[position..<mark.range.lowerBound], as: UTF8.self)))
            }
            append(.term(String(decoding: utf8[mark.range], as: UTF8.self)))
            position = mark.range.upperBound
        }
        if position < utf8.count { append(.text(String(decoding: utf8[position...], as: UTF8.self))) }
    }

    /// Adjacent texts become one (a soft break between two text nodes, say).
    private mutating func append(_ piece: InlinePiece) {
        if case .text(let more) = piece, case .text(let text)? = pieces.last {
            pieces[pieces.count - 1] = .text(text + more)
        } else {
            pieces.append(piece)
        }
    }
}
