import CommonMark
import Readability

/// What earlier builds made, so that the next build redoes only work whose
/// inputs changed: Markdown conversions by the fingerprint of their input.
///
/// Pages need no memo. Rendering a typed template is cheap next to writing
/// a file and to what readers, rsync and CDNs do with a new one, so every
/// page is rendered, and a sink that keeps the earlier output writes only
/// the files whose bytes changed: exactly the pages showing something that
/// changed, with no list of what depends on what to keep up to date.
public struct RenderMemo: Sendable {
    /// Markdown conversions (cmark-gfm and the reading-level score) by the
    /// fingerprint of their input: body, locale options, language.
    public var conversions: [Fingerprint: MarkdownConversion]

    public init(conversions: [Fingerprint: MarkdownConversion] = [:]) {
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
