public struct MarkdownOptions: Sendable, Hashable {
    /// Curly quotes, en/em dashes and ellipses.
    public var smartPunctuation: Bool
    /// Pass raw HTML through (with GFM's tag filter). Off by default: cmark-gfm
    /// then replaces raw HTML with a comment and drops `javascript:` URLs.
    public var unsafeHTML: Bool

    public init(smartPunctuation: Bool = true, unsafeHTML: Bool = false) {
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
    }
}
