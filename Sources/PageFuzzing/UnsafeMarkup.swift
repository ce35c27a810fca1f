/// What must never reach a reader's browser from content: elements that run
/// or load code, event-handler attributes, and script URLs. Used by the fuzz
/// target on Markdown output and by the tests on whole generated pages.
public enum UnsafeMarkup {
    /// Each problem in `html`, described. `allowScript` says which `<script>`
    /// elements are the site's own (its asset scripts and JSON-LD); their
    /// contents may hold no `<`, so no text can close them early.
    public static func problems(
        in html: String, allowScript: (_ attributes: [String: String]) -> Bool = { _ in false }
    ) -> [String] {
        var problems: [String] = []
        for tag in TagScanner.tags(in: html) {
            let attributes = Dictionary(
                tag.attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            if tag.name == "script", allowScript(attributes) {
                if tag.contentUntilClose.contains("<") {
                    problems.append("<script> content holds '<': \(tag.contentUntilClose.prefix(80))")
                }
            } else if unsafeElements.contains(tag.name) {
                problems.append("a <\(tag.name)> element")
            }
            for attribute in tag.attributes {
                if attribute.name.hasPrefix("on") {
                    problems.append("an event-handler attribute '\(attribute.name)' on <\(tag.name)>")
                }
                let value = attribute.value.filter { !$0.isWhitespace }
                if urlAttributes.contains(attribute.name), scriptSchemes.contains(where: value.hasPrefix) {
                    problems.append("\(attribute.name)=\"\(attribute.value)\" on <\(tag.name)>")
                }
            }
        }
        return problems
    }

    private static let unsafeElements: Set<String> = [
        "script", "iframe", "object", "embed", "base", "frame", "frameset",
    ]
    private static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "srcset", "data",
    ]
    private static let scriptSchemes = ["javascript:", "vbscript:", "data:text/html"]
}
