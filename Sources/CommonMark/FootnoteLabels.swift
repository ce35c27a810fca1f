/// cmark-gfm writes the footnote list without a heading and with an English
/// "Back to content" label on each back link; these replace both.
public struct FootnoteLabels: Sendable, Hashable {
    /// Heading above the footnote list ("References").
    public var title: String
    /// Accessible name of each back link ("Back to the text").
    public var backLink: String

    public init(title: String, backLink: String) {
        self.title = title
        self.backLink = backLink
    }

    func apply(to html: String) -> String {
        let withTitle = ByteSearch.replacing(
            "<section class=\"footnotes\" data-footnotes>",
            with: "<section class=\"footnotes\" data-footnotes>\n<h2>\(HTMLEscape.text(title))</h2>",
            in: html, limit: 1
        )
        return ByteSearch.replacing("aria-label=\"Back to content\"", with: "aria-label=\"\(HTMLEscape.text(backLink))\"", in: withTitle)
    }
}
