/// A block of a Markdown document whose inline content a translator translates: a
/// paragraph, a heading or a table cell, with where its content sits in the source.
///
/// Code blocks (explainer blocks among them), raw HTML blocks and URLs are never
/// text blocks; a link's destination or a footnote's label is kept in its `InlineCode`.
public struct TextBlock: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case paragraph
        case heading(level: Int)
        case tableCell
    }

    /// The block's place in the document's structure, stable while the structure is:
    /// `p3` (third top-level paragraph), `list1.item2.p1`, `table1.row2.cell3`, `footnote1.p1`.
    public var id: String
    public var kind: Kind
    public var pieces: [InlinePiece]
    /// The pictures among `pieces` (`InlineCode.Kind.image(n)` is `images[n]`).
    public var images: [ImageText]
    /// UTF-8 byte offsets of the content in the Markdown given: what a translation replaces.
    public var contentRange: Range<Int>
    /// The 1-based line the content starts on.
    public var line: Int
    /// What begins each further line of the content (a list item's indentation, a quote's `>`):
    /// a hard line break needs it in the Markdown written back.
    public var continuationPrefix: String

    /// Whether a translator has anything to translate here (not only pictures, code and marks).
    public var hasText: Bool {
        pieces.contains { piece in
            switch piece {
            case .text(let text), .term(let text): text.contains { !$0.isWhitespace }
            default: false
            }
        }
    }
}

/// A picture in a text block: its alt text and caption (the title) are translated, its
/// destination is not.
public struct ImageText: Sendable, Hashable {
    public var altText: String
    public var title: String
    public var destination: String

    public init(altText: String, title: String, destination: String) {
        self.altText = altText
        self.title = title
        self.destination = destination
    }
}

/// A run of a block's inline content as a translator sees it.
public enum InlinePiece: Sendable, Hashable {
    case text(String)
    /// Text that is the page's first use of a glossary term: translated like any text,
    /// shown to the translator as terminology.
    case term(String)
    case start(InlineCode)
    case end(InlineCode)
    case standalone(InlineCode)
}

/// Inline markup a translator moves but cannot change: numbered from 1 within its block.
public struct InlineCode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case emphasis
        case strong
        case strikethrough
        /// A link around translatable text; the destination stays out of the text.
        case link(destination: String, title: String)
        /// A link whose text is its address (`<https://…>`, `www.…`): nothing to translate.
        case autolink(destination: String, text: String)
        case code(String)
        case lineBreak
        /// `[^label]`.
        case footnoteReference(String)
        /// `[@key]` or `[@a; @b]`, as written.
        case citation(String)
        case inlineHTML(String)
        /// `TextBlock.images[n]`.
        case image(Int)

        /// Whether the code encloses text (has a start and an end).
        public var isPaired: Bool {
            switch self {
            case .emphasis, .strong, .strikethrough, .link: true
            default: false
            }
        }

        /// The same kind of markup, whatever its destination or text: what a translation has to keep.
        public var shape: String {
            switch self {
            case .emphasis: "emphasis"
            case .strong: "strong"
            case .strikethrough: "strikethrough"
            case .link: "link"
            case .autolink: "autolink"
            case .code: "code"
            case .lineBreak: "line break"
            case .footnoteReference: "footnote reference"
            case .citation: "citation"
            case .inlineHTML: "inline HTML"
            case .image: "picture"
            }
        }
    }

    public var id: Int
    public var kind: Kind

    public init(id: Int, kind: Kind) {
        self.id = id
        self.kind = kind
    }
}
