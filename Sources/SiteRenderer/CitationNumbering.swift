import CommonMark
import SiteModel
import SiteSupport

/// The numbers of one page's citations when shared blocks add their own: the page's citations
/// keep the numbers `Citations.fill` gives them, each block's continue from there, and every
/// reference cited joins one list under the page.
struct CitationNumbering {
    /// Keys in list order: the page's (as `Citations.fill` orders them), then those blocks cite.
    private(set) var order: [String] = []
    /// Every reference known so far, by key.
    private var known: [String: KnownReference] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    /// Starts from the page's own citations and references, in `Citations.fill`'s order.
    init(page: SourcePage, citations: [Citation]) {
        for reference in page.frontMatter.references where known[reference.key] == nil {
            known[reference.key] = KnownReference(reference: reference, file: page.file)
        }
        for key in citations.flatMap(\.keys) where known[key] != nil && !order.contains(key) { order.append(key) }
        for reference in page.frontMatter.references where !order.contains(reference.key) {
            order.append(reference.key)
        }
    }

    /// Each of a block's citations as numbered links: its keys name the block's references or the
    /// page's. A key both give with different works is an error naming both files.
    mutating func html(for citations: [Citation], of block: SourceBlock) -> [String] {
        var available = Set(order)
        for reference in block.references {
            available.insert(reference.key)
            if let existing = known[reference.key] {
                if !Self.sameWork(existing.reference, reference) {
                    diagnostics.append(
                        .error(
                            reference.location,
                            "references: '\(reference.key)' names another work in \(existing.file); give one of "
                                + "them another key"))
                }
            } else {
                known[reference.key] = KnownReference(reference: reference, file: block.file)
            }
        }
        return citations.map { citation in
            Citations.links(for: citation, order: &order, isKnown: available.contains) { key in
                let hint = Suggestion.closest(to: key, in: available).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(
                    .error(
                        Citations.location(ofCitation: key, in: block.body, at: block.bodyLocation),
                        "citation '[@\(key)]' names no entry in the block's or the page's 'references'\(hint)"))
            }
        }
    }

    /// The page's reference list with the blocks' references joined ("" without any).
    func list(title: String) -> String {
        order.isEmpty ? "" : Citations.list(order.compactMap { known[$0]?.reference }, title: title)
    }

    private static func sameWork(_ lhs: Reference, _ rhs: Reference) -> Bool {
        var rhs = rhs
        rhs.location = lhs.location
        return lhs == rhs
    }

    /// A reference a page or block gives, with the file that gives it (for an error naming both).
    private struct KnownReference {
        let reference: Reference
        let file: String
    }
}
