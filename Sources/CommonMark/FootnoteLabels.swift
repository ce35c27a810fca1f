/// cmark-gfm writes the footnote list without a heading and with an English
/// "Back to content" label on each back link; with these, the render
/// callback writes a heading and the label in the page's language.
public struct FootnoteLabels: Sendable, Hashable {
    /// Heading above the footnote list ("References").
    public var title: String
    /// Accessible name of each back link ("Back to the text").
    public var backLink: String

    public init(title: String, backLink: String) {
        self.title = title
        self.backLink = backLink
    }
}
