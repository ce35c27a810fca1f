/// The HTML around one marked glossary use (`RenderedMarkdown.termUses`): the opening tag written
/// before the term's text and the closing tag after it, such as a link to the glossary entry.
public struct TermLinkTags: Sendable, Equatable {
    /// Written before the term's text: `<a class="term" href="…" title="…">`.
    public var open: String
    /// Written after it: `</a>`.
    public var close: String

    public init(open: String, close: String) {
        self.open = open
        self.close = close
    }
}
