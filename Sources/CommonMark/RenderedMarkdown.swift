/// What cmark-gfm made of one Markdown document, as plain Swift values.
///
/// Positions are 1-based and relative to the first line of the Markdown given
/// to `MarkdownConverter`; callers add their own offset (e.g. front matter).
public struct RenderedMarkdown: Sendable, Equatable {
    /// cmark-gfm's HTML, headings with their `id`s. What only the caller can
    /// write (a link's resolved URL, an explainer, a glossary link) is not in
    /// it: `holes` say where each goes. No character of the content is
    /// reserved for the purpose. Kept as cmark-gfm wrote it, as bytes: made into a `String`, all of
    /// it was checked for UTF-8 again, and only its bytes are written (valid UTF-8 in, valid out).
    public var htmlBytes: [UInt8]
    /// In order of `offset`.
    public var holes: [Hole]
    public var headings: [Heading]
    public var internalLinks: [InternalLink]
    public var images: [Image]
    /// The document's text without markup, blocks separated by newlines.
    public var plainText: String
    /// Paragraphs and list items only, one per line: no headings, code, tables or footnotes.
    public var proseText: String = ""
    /// Fenced blocks in `MarkdownOptions.embedLanguages`, in document order.
    public var embeds: [Embed]
    /// Destinations of the links left to cmark-gfm (with a scheme), in document order.
    public var externalLinks: [String]
    /// For each glossary use marked (first uses, in order): its index in `MarkdownOptions.terms`.
    public var termUses: [Int]
    /// `[@key]` citations in the text, in order.
    public var citations: [Citation]
    /// Links and pictures to `javascript:`, `vbscript:`, `file:` or `data:` URLs, in document order.
    public var dangerousURLs: [DangerousURLUse] = []

    public init(
        htmlBytes: [UInt8], holes: [Hole] = [], headings: [Heading], internalLinks: [InternalLink], images: [Image],
        plainText: String,
        embeds: [Embed] = [], externalLinks: [String] = [], termUses: [Int] = [], citations: [Citation] = []
    ) {
        self.htmlBytes = htmlBytes
        self.holes = holes
        self.headings = headings
        self.internalLinks = internalLinks
        self.images = images
        self.plainText = plainText
        self.embeds = embeds
        self.externalLinks = externalLinks
        self.termUses = termUses
        self.citations = citations
    }
}

extension RenderedMarkdown {
    /// `htmlBytes` as text (tests, and callers that read it as HTML).
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
}

/// A place in `RenderedMarkdown.html` that the caller fills as it writes the page.
public struct Hole: Sendable, Equatable {
    /// Byte offset in the UTF-8 of `html`.
    public var offset: Int
    public var kind: Kind

    public enum Kind: Sendable, Equatable {
        /// The URL of internal link `n`, inside `href="…"` (the caller escapes it).
        case link(Int)
        /// The HTML of embed `n`, in place of its fenced block.
        case embed(Int)
        /// The opening and closing tags around glossary use `n`.
        case termStart(Int)
        case termEnd(Int)
        /// Citation `n`: its numbered links.
        case citation(Int)
        /// Image `n`: the whole picture (or figure), in place of cmark-gfm's `<img>`.
        case image(Int)
    }

    public init(offset: Int, kind: Kind) {
        self.offset = offset
        self.kind = kind
    }
}

public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    /// The unique `id` given to the heading in `html`.
    public var anchor: String
    public var position: SourcePosition

    public init(level: Int, text: String, anchor: String, position: SourcePosition) {
        self.level = level
        self.text = text
        self.anchor = anchor
        self.position = position
    }
}

/// A link whose destination has no URI scheme: it names a page, an id or an
/// anchor that only the site can resolve. Its URL goes in a `Hole.Kind.link`.
public struct InternalLink: Sendable, Equatable {
    public var destination: String
    public var position: SourcePosition

    public init(destination: String, position: SourcePosition) {
        self.destination = destination
        self.position = position
    }
}

public struct Image: Sendable, Equatable {
    public var source: String
    public var altText: String
    /// `![alt](src "Title")`: the caption when the image is a figure.
    public var title: String
    /// Alone in its paragraph with a title: written as `<figure>` with the title as `<figcaption>`.
    public var isFigure: Bool
    public var position: SourcePosition

    public init(
        source: String, altText: String, title: String = "", isFigure: Bool = false, position: SourcePosition
    ) {
        self.source = source
        self.altText = altText
        self.title = title
        self.isFigure = isFigure
        self.position = position
    }
}

/// A link or a picture whose URL starts with one of `DangerousURL.schemes`.
public struct DangerousURLUse: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case link
        case picture
    }

    public var kind: Kind
    public var url: String
    /// The scheme as `DangerousURL.scheme(of:)` reads it (`javascript:`).
    public var scheme: String
    public var position: SourcePosition

    public init(kind: Kind, url: String, scheme: String, position: SourcePosition) {
        self.kind = kind
        self.url = url
        self.scheme = scheme
        self.position = position
    }
}

/// A fenced code block the caller renders itself (` ```pulse `).
public struct Embed: Sendable, Equatable {
    /// The first word of the info string.
    public var language: String
    /// The block's text.
    public var source: String
    /// Where the opening fence is.
    public var position: SourcePosition

    public init(language: String, source: String, position: SourcePosition) {
        self.language = language
        self.source = source
        self.position = position
    }
}

/// `[@sluka2003]` or `[@a; @b]` in the text.
public struct Citation: Sendable, Equatable {
    /// The keys, without `@`, in the order written.
    public var keys: [String]
    /// Where the text holding it starts.
    public var position: SourcePosition

    public init(keys: [String], position: SourcePosition) {
        self.keys = keys
        self.position = position
    }
}
