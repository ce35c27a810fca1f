/// What cmark-gfm made of one Markdown document, as plain Swift values.
///
/// Positions are 1-based and relative to the first line of the Markdown given
/// to `MarkdownConverter`; callers add their own offset (e.g. front matter).
public struct RenderedMarkdown: Sendable, Equatable {
    /// The HTML. Headings carry their `id`; every internal link's `href` holds
    /// `InternalLink.placeholder` until the caller substitutes the resolved URL.
    public var html: String
    public var headings: [Heading]
    public var internalLinks: [InternalLink]
    public var images: [Image]
    /// The document's text without markup, blocks separated by newlines.
    public var plainText: String
    /// Paragraphs and list items only, one per line: no headings, code, tables or footnotes.
    public var proseText: String = ""
    /// Fenced blocks in `MarkdownOptions.embedLanguages`, in document order;
    /// `html` holds a marker where each goes (see `html(resolvingLinks:embeds:)`).
    public var embeds: [Embed]
    /// Destinations of the links left to cmark-gfm (with a scheme), in document order.
    public var externalLinks: [String]
    /// For each term marked in `html` (first uses, in order): its index in `MarkdownOptions.terms`.
    public var termUses: [Int]

    public init(html: String, headings: [Heading], internalLinks: [InternalLink], images: [Image], plainText: String, embeds: [Embed] = [], externalLinks: [String] = [], termUses: [Int] = []) {
        self.html = html
        self.headings = headings
        self.internalLinks = internalLinks
        self.images = images
        self.plainText = plainText
        self.embeds = embeds
        self.externalLinks = externalLinks
        self.termUses = termUses
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
/// anchor that only the site can resolve.
public struct InternalLink: Sendable, Equatable {
    public var destination: String
    public var position: SourcePosition
    /// Appears in `html` exactly once, as `href="<placeholder>"`; see
    /// `RenderedMarkdown.html(resolvingLinks:)`.
    public var placeholder: String

    public init(destination: String, position: SourcePosition, placeholder: String) {
        self.destination = destination
        self.position = position
        self.placeholder = placeholder
    }
}

public struct Image: Sendable, Equatable {
    public var source: String
    public var altText: String
    public var position: SourcePosition

    public init(source: String, altText: String, position: SourcePosition) {
        self.source = source
        self.altText = altText
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
