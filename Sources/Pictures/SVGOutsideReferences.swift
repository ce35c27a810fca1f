public import Foundation
import FoundationXML

/// The rule every rewritten SVG must meet, checked on its bytes by code that shares nothing with the
/// rewrite but the XML parser: well-formed, every element in the SVG namespace, and nothing that runs
/// code or names anything outside the picture. The fuzz target and the tests hold the rewrite to it.
public enum SVGOutsideReferences {
    /// Each way `rewritten` breaks the rule, described; empty when it keeps it.
    public static func problems(in rewritten: Data) -> [String] {
        var problems: [String] = []
        let text = String(decoding: rewritten, as: UTF8.self)
        for marker in ["<!", "<?"] where text.contains(marker) {
            problems.append("holds '\(marker)': a DOCTYPE, comment, CDATA section or processing instruction")
        }
        let parser = XMLParser(data: rewritten)
        let reader = Reader()
        parser.delegate = reader
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        if !parser.parse() || reader.parseError != nil {
            problems.append("is not well-formed XML: \(String(describing: reader.parseError))")
        }
        return problems + reader.problems
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var problems: [String] = []
        var parseError: (any Error)?
        private var styleDepth = 0

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if self.parseError == nil { self.parseError = parseError }
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if namespaceURI != "http://www.w3.org/2000/svg" {
                problems.append("<\(qualifiedName ?? name)> is in namespace \(namespaceURI ?? "none"), not SVG's")
            }
            let lowered = name.lowercased()
            if ["script", "foreignobject", "iframe", "image", "feimage"].contains(lowered) || lowered.hasPrefix("set")
                || lowered.hasPrefix("animate")
            {
                problems.append("holds <\(name)>")
            }
            if lowered == "style" { styleDepth += 1 }
            for (attribute, value) in attributes {
                let attributeName = attribute.lowercased()
                if attributeName.hasPrefix("on") { problems.append("has the event handler '\(attribute)'") }
                if attributeName.hasSuffix("href") || attributeName == "src", !value.hasPrefix("#") {
                    problems.append("'\(attribute)=\"\(value)\"' names something outside")
                }
                if attributeName.hasPrefix("xmlns"), value != "http://www.w3.org/1999/xlink",
                    value != "http://www.w3.org/2000/svg"
                {
                    problems.append("declares the namespace \(value)")
                }
                if attributeName.hasPrefix("aria-") { continue }
                problems += Self.cssProblems(value, isStyleSheet: false).map { "\($0) in '\(attribute)' on <\(name)>" }
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name.lowercased() == "style" { styleDepth -= 1 }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if styleDepth > 0 { problems += Self.cssProblems(string, isStyleSheet: true).map { "\($0) in <style>" } }
        }

        /// What in CSS could load or run something: an escape or comment (which could hide the rest
        /// from this check), an at-rule in a stylesheet, a URL to anything but a fragment, a script URL.
        static func cssProblems(_ css: String, isStyleSheet: Bool) -> [String] {
            let squeezed = css.lowercased().filter { !$0.isWhitespace }
            var problems: [String] = []
            let markers = ["\\", "/*", "javascript:", "image-set(", "expression("] + (isStyleSheet ? ["@"] : [])
            for marker in markers where squeezed.contains(marker) {
                problems.append("'\(marker)'")
            }
            var rest = Substring(squeezed)
            while let open = rest.range(of: "url(") {
                rest = rest[open.upperBound...]
                if !(rest.hasPrefix("#") || rest.hasPrefix("'#") || rest.hasPrefix("\"#")) {
                    problems.append("url() to something outside")
                }
            }
            return problems
        }
    }
}
