import CommonMark
import Mustache

/// Mustache's escaping, done by `HTMLEscape`: swift-mustache's own escaper
/// looks up every Character in a dictionary, which was a fifth of the build.
/// Same five characters escaped.
struct HTMLEscaping: MustacheContentType {
    /// The name templates are rendered under (see `Theme.load`).
    static let contentTypeName = "SPINESITE_HTML"

    static let registration: Void = MustacheContentTypes.register(HTMLEscaping(), named: contentTypeName)

    func escapeText(_ text: String) -> String {
        HTMLEscape.text(text)
    }
}
