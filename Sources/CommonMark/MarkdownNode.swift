import CCmarkGFM

/// cmark-gfm's tree of a document as plain Swift values, parsed as a build parses: for code that
/// reads a document's structure rather than renders it (a translation's segmentation).
public struct MarkdownNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case document
        case paragraph
        case heading(level: Int)
        case list
        case item
        case blockQuote
        case footnoteDefinition
        case table
        /// The header row or a body row.
        case tableRow
        case tableCell
        /// A text, with the byte ranges in its UTF-8 of the `[@key]` citations a build finds there
        /// (not those whose `[` or `@` the source escaped).
        case text(String, citations: [Range<Int>])
        case softBreak
        case lineBreak
        case code(String)
        case inlineHTML(String)
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(destination: String, title: String)
        /// `[^label]`.
        case footnoteReference(String)
        /// Any other node (a code block, an HTML block, a thematic break, a task list item's box…),
        /// named as cmark-gfm names its type.
        case other(String)
    }

    public var kind: Kind
    public var children: [MarkdownNode]
    /// Where the node starts and ends in the source, 1-based (cmark-gfm's positions).
    public var start: SourcePosition
    public var end: SourcePosition

    /// The text of the node's children as a reader sees it: line breaks as spaces; raw inline HTML
    /// kept, as cmark-gfm writes an image's alt text.
    public var textContent: String {
        children.reduce(into: "") { text, child in
            switch child.kind {
            case .text(let literal, _), .code(let literal), .inlineHTML(let literal): text += literal
            case .softBreak, .lineBreak: text += " "
            default: text += child.textContent
            }
        }
    }
}

extension MarkdownNode {
    /// The tree of `markdown`, parsed with the extensions and options a build uses.
    public static func document(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> MarkdownNode {
        CoreExtensions.withDocument(markdown, options: options.cmarkOptions) { document, _, escapes in
            MarkdownNode(copying: document, escapes: escapes)
        }
    }

    private init(copying node: Node, escapes: EscapedMarks) {
        kind = Self.kind(of: node, escapes: escapes)
        start = SourcePosition(
            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        end = SourcePosition(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(MarkdownNode(copying: current, escapes: escapes))
            child = cmark_node_next(current)
        }
        self.children = children
    }

    private static func kind(of node: Node, escapes: EscapedMarks) -> Kind {
        let literal = { TreeWalker.string(cmark_node_get_literal(node)) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case spinesite_table_node_type(): return .table
        case CMARK_NODE_TEXT:
            let bytes = TreeWalker.literalBytes(node)
            let citations = CitationScanner.citations(in: bytes, escaped: escapes.offsets(in: node, literal: bytes))
            return .text(literal(), citations: citations.map(\.range))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal())
        case CMARK_NODE_HTML_INLINE: return .inlineHTML(literal())
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let destination = TreeWalker.string(cmark_node_get_url(node))
            let title = TreeWalker.string(cmark_node_get_title(node))
            return cmark_node_get_type(node) == CMARK_NODE_LINK
                ? .link(destination: destination, title: title) : .image(destination: destination, title: title)
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            let label = spinesite_footnote_reference_label(node)
            return .footnoteReference(
                String(decoding: UnsafeBufferPointer(start: label.data, count: Int(label.length)), as: UTF8.self))
        default:
            switch TreeWalker.string(cmark_node_get_type_string(node)) {
            case "table_row", "table_header": return .tableRow
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            case let name: return .other(name)
            }
        }
    }
}
