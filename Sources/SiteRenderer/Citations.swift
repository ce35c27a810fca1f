import Foundation
import CommonMark
import SiteModel

/// `[@key]` citations of a page's front-matter `references`: each becomes a
/// numbered link to the page's reference list, which is appended to the body.
/// Text in `<code>` and `<pre>` is left alone.
enum Citations {
    static let anchor = "references"

    static func apply(to html: String, page: SourcePage, title: String) -> (html: String, diagnostics: [Diagnostic]) {
        let references = page.frontMatter.references
        // Most pages cite nothing this way: a byte search settles it.
        guard !references.isEmpty || mayCite(html) else { return (html, []) }
        let byKey = Dictionary(references.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var order: [String] = []
        var diagnostics: [Diagnostic] = []
        var output = ""
        var rest = Substring(html)
        while let open = rest.range(of: "[@") {
            let before = rest[..<open.lowerBound]
            // Inside <code> or <pre>, a citation is just text.
            if let code = before.range(of: "<code", options: .backwards), before[code.upperBound...].range(of: "</code>") == nil {
                output += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
            let keys = rest[open.upperBound..<close].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "@")) }
            output += before
            var links: [String] = []
            for key in keys {
                guard byKey[key] != nil else {
                    diagnostics.append(.error(location(of: "@" + key, in: page), "citation '[@\(key)]' names no entry in 'references'\(Suggestion.closest(to: key, in: byKey.keys).map { " (did you mean '\($0)'?)" } ?? "")"))
                    continue
                }
                if !order.contains(key) { order.append(key) }
                let number = order.firstIndex(of: key)! + 1
                links.append("<a href=\"#ref-\(HTMLEscape.text(key))\">\(number)</a>")
            }
            output += links.isEmpty ? "" : "<sup class=\"cite\">[\(links.joined(separator: ", "))]</sup>"
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        for reference in references where !order.contains(reference.key) {
            diagnostics.append(.warning(reference.location, "references: '\(reference.key)' is never cited with [@\(reference.key)]"))
            order.append(reference.key)
        }
        guard !references.isEmpty else { return (output, diagnostics) }
        return (output + list(order.compactMap { byKey[$0] }, title: title), diagnostics)
    }

    /// Whether `html` has a "[@" at all: a plain byte loop (the generic
    /// `firstRange(of:)` was 40 % of a build).
    static func mayCite(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            guard bytes.count > 1 else { return false }
            for index in 0..<(bytes.count - 1) where bytes[index] == UInt8(ascii: "[") && bytes[index + 1] == UInt8(ascii: "@") {
                return true
            }
            return false
        }
    }

    private static func list(_ references: [Reference], title: String) -> String {
        var html = "<section class=\"references\" aria-labelledby=\"\(anchor)\">\n<h2 id=\"\(anchor)\">\(HTMLEscape.text(title))</h2>\n<ol>\n"
        for reference in references {
            var parts = [HTMLEscape.text(reference.authors) + ".", HTMLEscape.text(reference.title) + "."]
            if let journal = reference.journal { parts.append("<cite>\(HTMLEscape.text(journal))</cite>.") }
            if let year = reference.year { parts.append("\(year).") }
            var links: [String] = []
            if let pmid = reference.pmid { links.append("PMID: <a href=\"https://pubmed.ncbi.nlm.nih.gov/\(pmid)/\">\(pmid)</a>") }
            if let doi = reference.doi { links.append("DOI: <a href=\"https://doi.org/\(HTMLEscape.text(doi))\">\(HTMLEscape.text(doi))</a>") }
            if let url = reference.url { links.append("<a href=\"\(HTMLEscape.text(url))\">\(HTMLEscape.text(url))</a>") }
            html += "<li id=\"ref-\(HTMLEscape.text(reference.key))\">\(parts.joined(separator: " ")) \(links.joined(separator: " · "))</li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    /// Where `text` first appears in the page's body, as a file location.
    private static func location(of text: String, in page: SourcePage) -> SourceLocation {
        for (offset, line) in page.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: text) {
                return SourceLocation(file: page.file, line: page.bodyLocation.line + offset, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return SourceLocation(file: page.file, line: page.bodyLocation.line, column: 1)
    }
}
