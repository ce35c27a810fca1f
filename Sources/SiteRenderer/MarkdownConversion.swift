public import CommonMark
public import Readability
import SiteSupport

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

    var stats: ProseStats { .init(words: words, level: level) }
}
