import CommonMark
import Readability

/// What earlier builds made, by the fingerprint of what it was made from, so
/// that the next build redoes only work whose inputs changed.
///
/// A page's key is the fingerprint of its template (with every partial it
/// includes) and of the complete set of values the template sees: its body,
/// its strings, and the title and URL of every page it links to or lists. So a
/// page is re-rendered exactly when something it shows changed, and nothing
/// has to keep a separate list of what depends on what.
public struct RenderMemo: Sendable {
    /// Output path → the key of the page rendered there.
    public var pages: [String: Fingerprint]
    /// Markdown conversions (cmark-gfm and the reading-level score) by the
    /// fingerprint of their input: body, locale options, language.
    public var conversions: [Fingerprint: MarkdownConversion]

    public init(pages: [String: Fingerprint] = [:], conversions: [Fingerprint: MarkdownConversion] = [:]) {
        self.pages = pages
        self.conversions = conversions
    }
}

/// One page's Markdown as converted, before links are resolved.
public struct MarkdownConversion: Sendable, Equatable {
    public var rendered: RenderedMarkdown
    public var words: Int
    /// nil: a language without a formula, or no sentences.
    public var level: ReadingLevel?

    public init(rendered: RenderedMarkdown, words: Int, level: ReadingLevel?) {
        self.rendered = rendered
        self.words = words
        self.level = level
    }

    var stats: ReadingLevelCheck.ProseStats { .init(words: words, level: level) }
}
