import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// Walks a cmark-gfm tree once: collects headings, links, images and text, and
/// marks the nodes it must change. Changes are applied after the walk, never
/// while the iterator is live.
struct TreeWalker {
    private(set) var headings: [Heading] = []
    private(set) var links: [InternalLink] = []
    private(set) var images: [Image] = []
    private(set) var embeds: [Embed] = []
    /// Destinations of links the caller does not resolve (https:, mailto:, …), in order.
    private(set) var externalLinks: [String] = []
    private let embedLanguages: Set<String>
    private var text: [String] = []
    /// Running prose only: paragraphs and list items, without headings, code,
    /// tables or footnotes (what a reading-level formula should see).
    private var prose: [String] = []
    private var anchors: AnchorSet

    private var terms: TermMarker

    init(reservedAnchors: Set<String>, embedLanguages: Set<String> = [], terms: [TermPattern] = []) {
        self.anchors = AnchorSet(reserved: reservedAnchors)
        self.embedLanguages = embedLanguages
        self.terms = TermMarker(patterns: terms)
    }

    /// Term index of each marked first use, in document order.
    var termUses: [Int] { terms.uses }

    var plainText: String { text.joined() }
    var proseText: String { prose.joined() }

    mutating func walk(_ document: OpaquePointer, isInternal: (String) -> Bool) {
        var headingNodes: [OpaquePointer] = []
        var linkNodes: [OpaquePointer] = []
        var embedNodes: [OpaquePointer] = []
        var termLiterals: [(OpaquePointer, String)] = []
        // Terms are not marked inside headings, links or images.
        var unmarkable = 0
        var notProse = 0
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if Self.blockTypes.contains(type.rawValue) { text.append("\n") }
                if Self.unmarkableTypes.contains(type.rawValue) { unmarkable -= 1 }
                if Self.isNotProse(node) { notProse -= 1 }
                if notProse == 0, type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_ITEM { prose.append("\n") }
                continue
            }
            // Read once: text nodes feed the plain text, the prose and the term marker.
            let literal = type == CMARK_NODE_TEXT ? Self.literal(node) : nil
            if Self.isNotProse(node) { notProse += 1 }
            if notProse == 0 {
                switch type {
                case CMARK_NODE_TEXT: prose.append(literal!)
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: prose.append(" ")
                default: break
                }
            }
            if Self.unmarkableTypes.contains(type.rawValue) { unmarkable += 1 }
            if let literal, unmarkable == 0, !terms.isDone, let marked = terms.mark(literal) {
                termLiterals.append((node, marked))
            }
            switch type {
            case CMARK_NODE_CODE_BLOCK where !embedLanguages.isEmpty && embedLanguages.contains(Self.fenceLanguage(node)):
                embedNodes.append(node)
            case CMARK_NODE_TEXT:
                text.append(literal!)
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                text.append(Self.literal(node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text.append(" ")
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_LINK:
                linkNodes.append(node)
            case CMARK_NODE_IMAGE:
                images.append(Image(
                    source: Self.string(cmark_node_get_url(node)),
                    altText: Self.textContent(node),
                    position: Self.position(node)
                ))
            default:
                break
            }
        }
        for node in headingNodes { markHeading(node) }
        for node in linkNodes { markLink(node, isInternal: isInternal) }
        for node in embedNodes { replaceEmbed(node) }
        for (node, literal) in termLiterals { cmark_node_set_literal(node, literal) }
    }

    /// Replaces the markers set by `markHeading` with `id` attributes.
    func finishHTML(_ html: String) -> String {
        headings.isEmpty ? html : PlaceholderScanner.insertHeadingIDs(html, anchors: headings.map(\.anchor))
    }

    private mutating func markHeading(_ node: OpaquePointer) {
        let title = Self.textContent(node)
        let heading = Heading(
            level: Int(cmark_node_get_heading_level(node)),
            text: title,
            anchor: anchors.claim(AnchorSet.slug(title)),
            position: Self.position(node)
        )
        // A private-use marker in the heading's first text tells finishHTML where its tag is.
        let marker = cmark_node_new(CMARK_NODE_TEXT)
        cmark_node_set_literal(marker, Self.headingMarker(headings.count))
        cmark_node_prepend_child(node, marker)
        headings.append(heading)
    }

    private mutating func markLink(_ node: OpaquePointer, isInternal: (String) -> Bool) {
        let destination = Self.string(cmark_node_get_url(node))
        guard isInternal(destination) else {
            externalLinks.append(destination)
            return
        }
        let placeholder = "spinesite-link-\(links.count)"
        cmark_node_set_url(node, placeholder)
        links.append(InternalLink(destination: destination, position: Self.position(node), placeholder: placeholder))
    }

    /// Swaps the code block for a paragraph holding only a marker, which
    /// `RenderedMarkdown.html(resolvingLinks:embeds:)` replaces.
    private mutating func replaceEmbed(_ node: OpaquePointer) {
        embeds.append(Embed(language: Self.fenceLanguage(node), source: Self.literal(node), position: Self.position(node)))
        let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)
        let marker = cmark_node_new(CMARK_NODE_TEXT)
        cmark_node_set_literal(marker, "\u{E002}\(embeds.count - 1)\u{E003}")
        cmark_node_append_child(paragraph, marker)
        cmark_node_insert_before(node, paragraph)
        cmark_node_free(node)
    }

    private static func fenceLanguage(_ node: OpaquePointer) -> String {
        let info = string(cmark_node_get_fence_info(node))
        return String(info.split(separator: " ", maxSplits: 1).first ?? "")
    }

    private static func headingMarker(_ index: Int) -> String { "\u{E000}\(index)\u{E001}" }

    private static let unmarkableTypes: Set<UInt32> = [
        CMARK_NODE_HEADING.rawValue, CMARK_NODE_LINK.rawValue, CMARK_NODE_IMAGE.rawValue,
    ]

    /// Headings, footnote definitions and tables (leaf code blocks add no text to prose anyway).
    /// Runs on every node's entry and exit: the table test compares the C
    /// string in place (the table type is an extension's, with no constant).
    private static func isNotProse(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_HEADING || type == CMARK_NODE_FOOTNOTE_DEFINITION { return true }
        return cmark_node_get_type_string(node).map { strcmp($0, "table") == 0 } ?? false
    }

    private static let blockTypes: Set<UInt32> = [
        CMARK_NODE_PARAGRAPH.rawValue, CMARK_NODE_HEADING.rawValue, CMARK_NODE_ITEM.rawValue,
        CMARK_NODE_CODE_BLOCK.rawValue, CMARK_NODE_BLOCK_QUOTE.rawValue,
    ]

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func literal(_ node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    private static func position(_ node: OpaquePointer) -> SourcePosition {
        SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    /// The text of a node's inline children, as a reader sees it.
    private static func textContent(_ node: OpaquePointer) -> String {
        var parts: [String] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: parts.append(literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: parts.append(" ")
            default: parts.append(textContent(current))
            }
            child = cmark_node_next(current)
        }
        return parts.joined()
    }
}
