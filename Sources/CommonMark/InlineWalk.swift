import CCmarkGFM

/// A block's inline children as `InlinePiece`s: text, glossary uses and numbered codes.
struct InlineWalk {
    var terms: TermMatcher
    let escapes: EscapedMarks
    private(set) var pieces: [InlinePiece] = []
    private(set) var images: [ImageText] = []
    private var nextCode = 1

    init(terms: TermMatcher, escapes: EscapedMarks) {
        self.terms = terms
        self.escapes = escapes
    }

    /// `marksTerms` is false in headings and links, where a build marks no glossary use.
    mutating func visitChildren(of parent: Node, marksTerms: Bool? = nil) {
        let marks = marksTerms ?? (cmark_node_get_type(parent) != CMARK_NODE_HEADING)
        var child = cmark_node_first_child(parent)
        while let node = child {
            child = cmark_node_next(node)
            visit(node, marksTerms: marks)
        }
    }

    private mutating func code(_ kind: InlineCode.Kind) -> InlineCode {
        defer { nextCode += 1 }
        return InlineCode(id: nextCode, kind: kind)
    }

    private mutating func visit(_ node: Node, marksTerms: Bool) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            addText(
                TreeWalker.string(cmark_node_get_literal(node)),
                escaped: escapes.offsets(in: node, literal: TreeWalker.literalBytes(node)), marksTerms: marksTerms)
        case CMARK_NODE_SOFTBREAK: addText(" ", marksTerms: false)
        case CMARK_NODE_LINEBREAK: pieces.append(.standalone(code(.lineBreak)))
        case CMARK_NODE_CODE: pieces.append(.standalone(code(.code(TreeWalker.string(cmark_node_get_literal(node))))))
        case CMARK_NODE_HTML_INLINE:
            pieces.append(.standalone(code(.inlineHTML(TreeWalker.string(cmark_node_get_literal(node))))))
        case CMARK_NODE_EMPH: addPair(node, kind: .emphasis, marksTerms: marksTerms)
        case CMARK_NODE_STRONG: addPair(node, kind: .strong, marksTerms: marksTerms)
        case CMARK_NODE_LINK: addLink(node)
        case CMARK_NODE_IMAGE:
            images.append(
                ImageText(
                    altText: TreeWalker.textContent(node, keepsInlineHTML: true),
                    title: TreeWalker.string(cmark_node_get_title(node)),
                    destination: TreeWalker.string(cmark_node_get_url(node))))
            pieces.append(.standalone(code(.image(images.count - 1))))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            pieces.append(.standalone(code(.footnoteReference(TreeWalker.string(cmark_node_get_literal(node))))))
        default:
            if TreeWalker.string(cmark_node_get_type_string(node)) == "strikethrough" {
                addPair(node, kind: .strikethrough, marksTerms: marksTerms)
            } else {
                visitChildren(of: node, marksTerms: marksTerms)
            }
        }
    }

    private mutating func addPair(_ node: Node, kind: InlineCode.Kind, marksTerms: Bool) {
        let pair = code(kind)
        pieces.append(.start(pair))
        visitChildren(of: node, marksTerms: marksTerms)
        pieces.append(.end(pair))
    }

    private mutating func addLink(_ node: Node) {
        let destination = TreeWalker.string(cmark_node_get_url(node))
        let text = TreeWalker.textContent(node, keepsInlineHTML: true)
        let isAutolink =
            destination == text || destination == "mailto:" + text || destination == "http://" + text
            || destination == "https://" + text
        guard !isAutolink else {
            pieces.append(.standalone(code(.autolink(destination: destination, text: text))))
            return
        }
        addPair(
            node, kind: .link(destination: destination, title: TreeWalker.string(cmark_node_get_title(node))),
            marksTerms: false)
    }

    /// Text, with `[@key]` citations as codes and glossary first uses as terms.
    private mutating func addText(_ text: String, escaped: [Int] = [], marksTerms: Bool) {
        let bytes = Array(text.utf8)
        let citations = bytes.withUnsafeBufferPointer { CitationScanner.citations(in: $0, escaped: escaped) }
        var position = 0
        for citation in citations {
            addMarkedText(bytes[position..<citation.range.lowerBound], marksTerms: marksTerms)
            pieces.append(.standalone(code(.citation(String(decoding: bytes[citation.range], as: UTF8.self)))))
            position = citation.range.upperBound
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
