import SiteModel

/// cmark-gfm writes footnotes with no heading and an English "Back to
/// content" label; this gives them the locale's words.
enum FootnoteLabels {
    /// Strings the body HTML needs besides those the templates use.
    static let usedStrings = ["footnotesTitle": "footnotes in Markdown", "backToContent": "footnotes in Markdown"]

    static func localise(_ html: String, strings: [String: String]) -> String {
        let title = HTMLEscaping.attribute(strings["footnotesTitle"] ?? "")
        let back = HTMLEscaping.attribute(strings["backToContent"] ?? "")
        return html
            .replacingFirstOccurrence("<section class=\"footnotes\" data-footnotes>", with: "<section class=\"footnotes\" data-footnotes>\n<h2>\(title)</h2>")
            .replacingAll("aria-label=\"Back to content\"", with: "aria-label=\"\(back)\"")
    }
}
