import CommonMark
import Foundation
import SiteModel
import SiteSupport

/// `[@key]` citations of a page's front-matter `references`: each becomes a
/// numbered link to the page's reference list, which is appended to the body.
/// Citations are found in the Markdown's text (`RenderedMarkdown.citations`),
/// never in code.
enum Citations {
    static let anchor = "references"

    /// Each citation's numbered links and the reference list, for every page
    /// showing `page`'s body; and the problems: an unknown key, a reference
    /// never cited.
    static func fill(_ citations: [Citation], page: SourcePage, title: String) -> Filled {
        let references = page.frontMatter.references
        guard !references.isEmpty || !citations.isEmpty else { return Filled(html: [], list: "", diagnostics: []) }
        let byKey = Dictionary(references.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var order: [String] = []
        var diagnostics: [Diagnostic] = []
        let html = citations.map { citation in
            links(for: citation, order: &order, isKnown: { byKey[$0] != nil }) { key in
                let suggestion = Suggestion.closest(to: key, in: byKey.keys).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(
                    .error(
                        location(of: key, in: page), "citation '[@\(key)]' names no entry in 'references'\(suggestion)"
                    ))
            }
        }
        for reference in references where !order.contains(reference.key) {
            diagnostics.append(
                .warning(reference.location, "references: '\(reference.key)' is never cited with [@\(reference.key)]"))
            order.append(reference.key)
        }
        guard !references.isEmpty else { return Filled(html: html, list: "", diagnostics: diagnostics) }
        return Filled(html: html, list: list(order.compactMap { byKey[$0] }, title: title), diagnostics: diagnostics)
    }

    /// A page's citations filled: each citation's numbered links, the reference list, and the problems.
    struct Filled {
        var html: [String]
        var list: String
        var diagnostics: [Diagnostic]
    }

    /// A citation's numbered links (`<sup class="cite">[1, 2]</sup>`, "" for none): each key is
    /// numbered by its first citation, kept in `order`; a key `isKnown` refuses is left out and
    /// passed to `unknown`.
    static func links(
        for citation: Citation, order: inout [String], isKnown: (String) -> Bool, unknown: (String) -> Void
    ) -> String {
        var links: [String] = []
        for key in citation.keys {
            guard isKnown(key) else {
                unknown(key)
                continue
            }
            if !order.contains(key) { order.append(key) }
            let number = order.firstIndex(of: key)! + 1
            links.append("<a href=\"#ref-\(HTMLEscape.text(key))\">\(number)</a>")
        }
        return links.isEmpty ? "" : "<sup class=\"cite\">[\(links.joined(separator: ", "))]</sup>"
    }

    static func list(_ references: [Reference], title: String) -> String {
        var html =
            "<section class=\"references\" aria-labelledby=\"\(anchor)\">\n<h2 "
            + "id=\"\(anchor)\">\(HTMLEscape.text(title))</h2>\n<ol>\n"
        for reference in references {
            var parts = [sentence(reference.authors), sentence(reference.title)]
            if let journal = reference.journal {
                parts.append("<cite>\(HTMLEscape.text(journal))</cite>" + stop(after: journal))
            }
            if let year = reference.year { parts.append("\(year).") }
            var links: [String] = []
            if let pmid = reference.pmid {
                links.append("PMID: <a href=\"https://pubmed.ncbi.nlm.nih.gov/\(pmid)/\">\(pmid)</a>")
            }
            if let doi = reference.doi {
                links.append("DOI: <a href=\"https://doi.org/\(HTMLEscape.text(doi))\">\(HTMLEscape.text(doi))</a>")
            }
            if let url = reference.url {
                links.append("<a href=\"\(HTMLEscape.text(url))\">\(HTMLEscape.text(url))</a>")
            }
            html +=
                "<li id=\"ref-\(HTMLEscape.text(reference.key))\">\(parts.joined(separator: " ")) "
                + "\(links.joined(separator: " · "))</li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    /// `text` escaped and ended with a full stop, unless it already ends with one ("et al.") or
    /// another mark that ends a sentence ("Does TENS work?"), so a list never shows "et al..".
    private static func sentence(_ text: String) -> String {
        HTMLEscape.text(text) + stop(after: text)
    }

    private static func stop(after text: String) -> String {
        text.last.map { ".?!".contains($0) } == true ? "" : "."
    }

    /// Where the citation of `key` first appears in the page's body, as a file location.
    private static func location(of key: String, in page: SourcePage) -> SourceLocation {
        location(ofCitation: key, in: page.body, at: page.bodyLocation)
    }

    /// Where the citation of `key` first appears in `body`, whose first line is at `start`: at the
    /// `@` of its part of a `[@…]` (`[@ key]` and `[@a; @key]` as much as `[@key]`).
    static func location(ofCitation key: String, in body: String, at start: SourceLocation) -> SourceLocation {
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "[@"), let close = rest[open.upperBound...].firstIndex(of: "]") {
                let parts = rest[open.upperBound..<close].split(separator: ";", omittingEmptySubsequences: false)
                for (index, part) in parts.enumerated() {
                    let written = part.drop { $0 == " " || $0 == "\t" }
                    let name = written.drop { $0 == "@" || $0 == " " || $0 == "\t" }
                    guard name.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed() == Array(key) else {
                        continue
                    }
                    let at = index == 0 ? rest.index(after: open.lowerBound) : written.startIndex
                    return SourceLocation(
                        file: start.file, line: start.line + offset,
                        column: line.distance(from: line.startIndex, to: at) + 1)
                }
                rest = rest[close...]
            }
        }
        return start
    }
}
