import CommonMark
import Readability

/// What earlier builds made, so that the next build redoes only work whose
/// inputs changed.
///
/// A page's key is the digest of its bytes. Rendering is cheap next to
/// writing a file and to what readers, rsync and CDNs do with a new one, so
/// every page is rendered and only a page whose bytes changed is written:
/// exactly the pages showing something that changed, with no list of what
/// depends on what to keep up to date.
public struct RenderMemo: Sendable {
    /// Output path → the digest of the page written there.
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
