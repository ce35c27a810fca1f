import CCmarkGFM
import Glibc

typealias Node = UnsafeMutablePointer<cmark_node>

/// Walks a cmark-gfm tree once: collects headings, links, images, text,
/// glossary uses and citations, and decides which nodes the render callback
/// writes itself (`RenderAction`). Nothing is changed while the iterator is live.
struct TreeWalker {
    private(set) var headings: [Heading] = []
    private(set) var links: [InternalLink] = []
    private(set) var images: [Image] = []
    private(set) var embeds: [Embed] = []
    private(set) var citations: [Citation] = []
    /// Destinations of links the caller does not resolve (https:, mailto:, …), in order.
    private(set) var externalLinks: [String] = []
    private(set) var dangerousURLs: [DangerousURLUse] = []
    /// The nodes the render callback writes, and how.
    private(set) var actions: [NodeAction] = []
    private let embedLanguages: Set<String>
    private let footnoteLabels: FootnoteLabels?
    private let collectsPlainText: Bool
    private let tableLabel: String?
    /// Raw HTML on: dangerous image URLs are kept, as cmark-gfm keeps them with `CMARK_OPT_UNSAFE`.
    private let keepsDangerousURLs: Bool
    private(set) var plainText = ""
    /// Running prose only: paragraphs and list items, without headings, code,
    /// tables or footnotes (what a reading-level formula should see).
    private(set) var proseText = ""
    private var anchors: AnchorSet
    private var terms: TermMatcher
    private var escapes = EscapedMarks.none

    init(reservedAnchors: Set<String>, options: MarkdownOptions) {
        anchors = AnchorSet(reserved: reservedAnchors)
        embedLanguages = options.embedLanguages
        keepsDangerousURLs = options.unsafeHTML
        footnoteLabels = options.footnoteLabels
        collectsPlainText = options.collectsPlainText
        tableLabel = options.tableLabel
        terms = TermMatcher(patterns: options.terms)
    }

    /// Term index of each marked first use, in document order.
    var termUses: [Int] { terms.uses }

    mutating func walk(_ document: Node, escapes: EscapedMarks, isInternal: (String) -> Bool) {
        self.escapes = escapes
        // Terms are not marked inside headings, links or images.
        var unmarkable = 0
        var notProse = 0
        var firstFootnote = true
        var prose: [UInt8] = []
        prose.reserveCapacity(8192)
        let table = spinesite_table_node_type()
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            // Headings, footnote definitions and tables are not running prose.
            let isNotProse = type == CMARK_NODE_HEADING || type == CMARK_NODE_FOOTNOTE_DEFINITION || type == table
            let isUnmarkable = type == CMARK_NODE_HEADING || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
            if event == CMARK_EVENT_EXIT {
                if collectsPlainText, Self.isBlock(type) { plainText += "\n" }
                if isUnmarkable { unmarkable -= 1 }
                if isNotProse { notProse -= 1 }
                if notProse == 0, type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_ITEM {
                    prose.append(UInt8(ascii: "\n"))
                }
                continue
            }
            if isNotProse { notProse += 1 }
            if isUnmarkable { unmarkable += 1 }
            switch type {
            case CMARK_NODE_TEXT:
                let literal = Self.literalBytes(node)
                if collectsPlainText { plainText += String(decoding: literal, as: UTF8.self) }
                if notProse == 0 { prose.append(contentsOf: literal) }
                markText(node, literal, marksTerms: unmarkable == 0)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if collectsPlainText { plainText += " " }
                if notProse == 0 { prose.append(UInt8(ascii: " ")) }
            case CMARK_NODE_CODE:
                if collectsPlainText { plainText += Self.literal(node) }
            case CMARK_NODE_CODE_BLOCK:
                if !embedLanguages.isEmpty, embedLanguages.contains(Self.fenceLanguage(node)) {
                    addEmbed(node)
                } else if collectsPlainText {
                    plainText += Self.literal(node)
                }
            case CMARK_NODE_HEADING:
                addHeading(node)
            case CMARK_NODE_LINK:
                addLink(node, isInternal: isInternal)
            case CMARK_NODE_IMAGE:
                addImage(node)
            case table where tableLabel != nil:
                actions.append(NodeAction(node: node, action: .table(label: tableLabel ?? "")))
            case CMARK_NODE_FOOTNOTE_DEFINITION where footnoteLabels != nil:
                addFootnote(node, isFirst: firstFootnote)
                firstFootnote = false
            default:
                break
            }
        }
        proseText = String(decoding: prose, as: UTF8.self)
    }

    /// `url`, or nothing when it is a script or file URL: the site writes images itself (never
    /// cmark-gfm), so it applies cmark-gfm's rule for `src` itself.
    private func safeURL(_ url: String) -> String {
        keepsDangerousURLs || DangerousURL.scheme(of: url) == nil ? url : ""
    }

    private mutating func noteIfDangerous(_ url: String, kind: DangerousURLUse.Kind, node: Node) {
        guard let scheme = DangerousURL.scheme(of: url) else { return }
        dangerousURLs.append(DangerousURLUse(kind: kind, url: url, scheme: scheme, position: Self.position(node)))
    }

    private mutating func addImage(_ node: Node) {
        let title = Self.string(cmark_node_get_title(node))
        let paragraph = cmark_node_parent(node).flatMap { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH ? $0 : nil }
        let isFigure = !title.isEmpty && paragraph.map { Self.isOnlyContent(node, of: $0) } == true
        actions.append(NodeAction(node: node, action: .image(images.count)))
        if isFigure, let paragraph { actions.append(NodeAction(node: paragraph, action: .bareParagraph)) }
        let source = Self.string(cmark_node_get_url(node))
        noteIfDangerous(source, kind: .picture, node: node)
        images.append(
            Image(
                source: safeURL(source),
                altText: Self.textContent(node, keepsInlineHTML: true),
                title: title,
                isFigure: isFigure, position: Self.position(node)))
    }

    /// Whether `node` is its paragraph's only content, apart from spaces and line breaks.
    private static func isOnlyContent(_ node: Node, of paragraph: Node) -> Bool {
        var child = cmark_node_first_child(paragraph)
        while let current = child {
            let type = cmark_node_get_type(current)
            let isBlank =
                type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
                || (type == CMARK_NODE_TEXT && literalBytes(current).allSatisfy { $0 == 0x20 || $0 == 0x09 })
            if current != node && !isBlank { return false }
            child = cmark_node_next(current)
        }
        return true
    }

    private mutating func addHeading(_ node: Node) {
        let title = Self.textContent(node)
        let heading = Heading(
            level: Int(cmark_node_get_heading_level(node)),
            text: title,
            anchor: anchors.claim(AnchorSet.slug(title)),
            position: Self.position(node)
        )
        headings.append(heading)
        actions.append(NodeAction(node: node, action: .heading(level: heading.level, anchor: heading.anchor)))
    }

    private mutating func addLink(_ node: Node, isInternal: (String) -> Bool) {
        let destination = Self.string(cmark_node_get_url(node))
        noteIfDangerous(destination, kind: .link, node: node)
        guard isInternal(destination) else {
            externalLinks.append(destination)
            return
        }
        actions.append(
            NodeAction(node: node, action: .link(links.count, title: Self.string(cmark_node_get_title(node)))))
        links.append(InternalLink(destination: destination, position: Self.position(node)))
    }

    /// The block's place is a hole; the caller writes the embed there. In a
    /// tight list item a paragraph has no tags of its own, and nor has this.
    private mutating func addEmbed(_ node: Node) {
        let parent = cmark_node_parent(node)
        let list = parent.flatMap { cmark_node_parent($0) }
        let tight =
            list.map { cmark_node_get_type($0) == CMARK_NODE_LIST && cmark_node_get_list_tight($0) != 0 } ?? false
        actions.append(NodeAction(node: node, action: .embed(embeds.count, tight: tight)))
        embeds.append(
            Embed(language: Self.fenceLanguage(node), source: Self.literal(node), position: Self.position(node)))
    }

    /// A footnote definition and its last paragraph, which the callback
    /// writes with the localized heading and back-link labels.
    private mutating func addFootnote(_ node: Node, isFirst: Bool) {
        let definition = FootnoteDefinition(
            label: Array(Self.literalBytes(node)), references: Int(spinesite_footnote_reference_count(node)),
            isFirst: isFirst
        )
        actions.append(NodeAction(node: node, action: .footnote(definition)))
        if let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH {
            actions.append(NodeAction(node: last, action: .footnoteParagraph(definition)))
        }
    }

    /// Glossary uses and citations in a text node become holes between runs of its escaped text.
    private mutating func markText(_ node: Node, _ literal: UnsafeBufferPointer<UInt8>, marksTerms: Bool) {
        let termsPending = marksTerms && !terms.isDone
        guard termsPending || CitationScanner.mayCite(literal) else { return }
        let found = CitationScanner.citations(in: literal, escaped: escapes.offsets(in: node, literal: literal))
        var pieces: [TextPiece] = []
        var position = 0
        func addText(upTo end: Int) {
            guard end > position else { return }
            if termsPending {
                let base = position
                let segment = String(decoding: UnsafeBufferPointer(rebasing: literal[base..<end]), as: UTF8.self)
                for mark in terms.mark(segment) {
                    let start = base + mark.range.lowerBound
                    let stop = base + mark.range.upperBound
                    pieces += [
                        .text(position..<start), .hole(.termStart(mark.use)), .text(start..<stop),
                        .hole(.termEnd(mark.use)),
                    ]
                    position = stop
                }
            }
            pieces.append(.text(position..<end))
            position = end
        }
        for citation in found {
            addText(upTo: citation.range.lowerBound)
            pieces.append(.hole(.citation(citations.count)))
            citations.append(Citation(keys: citation.keys, position: Self.position(node)))
            position = citation.range.upperBound
        }
        addText(upTo: literal.count)
        guard pieces.contains(where: { if case .hole = $0 { true } else { false } }) else { return }
        actions.append(
            NodeAction(
                node: node,
                action: .text(
                    Array(literal), pieces.filter { if case .text(let range) = $0 { !range.isEmpty } else { true } })
            ))
    }

    private static func fenceLanguage(_ node: Node) -> String {
        let info = string(cmark_node_get_fence_info(node))
        return String(info.split(separator: " ", maxSplits: 1).first ?? "")
    }

    /// Blocks whose end ends a line of the plain text.
    private static func isBlock(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK, CMARK_NODE_BLOCK_QUOTE:
            true
        default: false
        }
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func literal(_ node: Node) -> String {
        string(cmark_node_get_literal(node))
    }

    /// A text node's bytes in place (`cmark_node_get_literal` may copy them to add a NUL).
    static func literalBytes(_ node: Node) -> UnsafeBufferPointer<UInt8> {
        let bytes = spinesite_node_literal(node)
        return UnsafeBufferPointer(start: bytes.data, count: Int(bytes.length))
    }

    private static func position(_ node: Node) -> SourcePosition {
        SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    /// The text of `node`'s children, as a reader sees it; with `keepsInlineHTML`, raw inline HTML
    /// too, as cmark-gfm writes an image's alt text (the caller escapes it).
    static func textContent(_ node: Node, keepsInlineHTML: Bool = false) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += literal(current)
            case CMARK_NODE_HTML_INLINE where keepsInlineHTML: text += literal(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: text += textContent(current, keepsInlineHTML: keepsInlineHTML)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}

/// `[@key]` and `[@a; @b]` in a text: each becomes a citation hole.
enum CitationScanner {
    /// A citation found in a text: the byte range of its brackets (`[@a; @b]`) and its keys.
    struct Match {
        let range: Range<Int>
        let keys: [String]
    }

    /// Whether `text` has a "[@" at all (most texts do not).
    static func mayCite(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count > 1 else { return false }
        for index in 0..<text.count - 1 where text[index] == UInt8(ascii: "[") && text[index + 1] == UInt8(ascii: "@")
        { return true }
        return false
    }

    /// The citations in `bytes`; none starts at an `escaped` offset (`\[@key]`, `[\@key]`: text).
    static func citations(in bytes: UnsafeBufferPointer<UInt8>, escaped: [Int] = []) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "@"),
                !escaped.contains(index), !escaped.contains(index + 1),
                let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "]"))
            else {
                index += 1
                continue
            }
            let keys = bytes[(index + 1)..<close].split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
                .map { part in
                    String(
                        decoding: part.drop(while: isTrimmed).reversed().drop(while: isTrimmed).reversed(),
                        as: UTF8.self)
                }
            found.append(Match(range: index..<close + 1, keys: keys))
            index = close + 1
        }
        return found
    }

    private static func isTrimmed(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "@")
    }
}
