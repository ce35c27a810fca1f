public struct MarkdownOptions: Sendable, Hashable {
    /// Curly quotes, en/em dashes and ellipses.
    public var smartPunctuation: Bool
    /// Pass raw HTML through (with GFM's tag filter). Off by default: cmark-gfm
    /// then replaces raw HTML with a comment and drops `javascript:` URLs.
    public var unsafeHTML: Bool
    /// Words for the footnote list; nil keeps cmark-gfm's English label and no heading.
    public var footnoteLabels: FootnoteLabels?
    /// Fenced code blocks whose info string starts with one of these words are
    /// not rendered as code: they become `RenderedMarkdown.embeds` for the caller.
    public var embedLanguages: Set<String>
    /// Terms whose first use is marked (see `RenderedMarkdown.termUses`).
    public var terms: [TermPattern]
    /// Whether to collect `RenderedMarkdown.plainText` (a build does not need it).
    public var collectsPlainText: Bool
    /// Each table is wrapped in a scrolling, focusable region with this name; nil: tables as
    /// cmark-gfm writes them. A wide table then scrolls inside the page and keeps its semantics
    /// (`display: block` on a `<table>` would take them away).
    public var tableLabel: String?

    public init(
        smartPunctuation: Bool = true, unsafeHTML: Bool = false, footnoteLabels: FootnoteLabels? = nil,
        embedLanguages: Set<String> = [], terms: [TermPattern] = [], collectsPlainText: Bool = true,
        tableLabel: String? = nil
    ) {
        self.tableLabel = tableLabel
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
        self.footnoteLabels = footnoteLabels
        self.embedLanguages = embedLanguages
        self.terms = terms
        self.collectsPlainText = collectsPlainText
    }
}
