import CCmarkGFM
import SiteSupport

/// What the render callback writes in place of cmark-gfm's own HTML for a node.
enum RenderAction {
    /// `<hN id="anchor">…</hN>`.
    case heading(level: Int, anchor: String)
    /// `<a href="` hole `">…</a>`: the caller writes the URL of internal link `n`.
    case link(Int, title: String)
    /// A hole for embed `n` in place of its fenced block.
    case embed(Int, tight: Bool)
    /// The text's bytes, escaped, with holes between runs.
    case text([UInt8], [TextPiece])
    /// A footnote definition, with the localized heading and back-link label.
    case footnote(FootnoteDefinition)
    /// The last paragraph of a definition: the back link goes inside it.
    case footnoteParagraph(FootnoteDefinition)
    /// A hole for image `n` in place of its `<img>`: the caller writes the picture (its variants, its
    /// size, a figure). Its alt text, which cmark-gfm writes as the image's children, is dropped.
    case image(Int)
    /// A paragraph holding only a figure, which may not sit inside `<p>`: no tags of its own.
    case bareParagraph
    /// A table inside a scrolling region named `label`; the table extension still writes the
    /// table itself.
    case table(label: String)
}

/// A node the render callback writes, and how.
struct NodeAction {
    let node: Node
    let action: RenderAction
}

enum TextPiece {
    case text(Range<Int>)
    case hole(Hole.Kind)
}

struct FootnoteDefinition {
    var label: [UInt8]
    /// How many references point to it: one back link each.
    var references: Int
    var isFirst: Bool
}

/// The state of one conversion's render: its actions, the holes found, and
/// the labels footnotes use. Reached from the C callback through the
/// private pointer of the conversion's own syntax extension.
final class RenderContext {
    let actions: [RenderAction]
    let footnoteLabels: FootnoteLabels?
    var holes: [Hole] = []
    /// Where the image being written started: what its children add after it is dropped.
    var imageStart = 0

    init(actions: [RenderAction], footnoteLabels: FootnoteLabels?) {
        self.actions = actions
        self.footnoteLabels = footnoteLabels
    }

    /// An extension whose HTML callback writes the nodes given `actions`;
    /// freed with `cmark_syntax_extension_free` after rendering.
    func makeExtension() -> UnsafeMutablePointer<cmark_syntax_extension> {
        guard let ext = cmark_syntax_extension_new("spinesite") else { fatalError("cmark-gfm: out of memory") }
        cmark_syntax_extension_set_private(ext, Unmanaged.passUnretained(self).toOpaque(), nil)
        cmark_syntax_extension_set_html_render_func(ext, renderNode)
        return ext
    }

    /// Marks `node` to be written by the callback as `actions[index]`.
    static func attach(_ ext: UnsafeMutablePointer<cmark_syntax_extension>, to node: Node, action index: Int) {
        cmark_node_set_syntax_extension(node, ext)
        cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: index + 1))
    }
}

/// cmark-gfm's HTML renderer calls this for every node carrying the extension.
private let renderNode: cmark_html_render_func = { ext, renderer, node, event, options in
    guard let ext, let renderer, let node, let context = cmark_syntax_extension_get_private(ext),
        let index = cmark_node_get_user_data(node).map({ Int(bitPattern: $0) - 1 })
    else { return }
    let state = Unmanaged<RenderContext>.fromOpaque(context).takeUnretainedValue()
    var writer = HTMLWriter(renderer: renderer, context: state)
    writer.write(state.actions[index], entering: event == CMARK_EVENT_ENTER, node: node, options: options)
}

/// Writes into the renderer's buffer exactly what cmark-gfm's `html.c`
/// would, except where the action changes it. The renderer's private
/// state is reached only through the shim's accessors (`spinesite_html_*`).
private struct HTMLWriter {
    let renderer: UnsafeMutablePointer<cmark_html_renderer>
    let context: RenderContext

    func write(_ action: RenderAction, entering: Bool, node: UnsafeMutablePointer<cmark_node>, options: Int32) {
        switch action {
        case .table(let label):
            if entering {
                spinesite_html_newline_unless_at_line_start(renderer)
                let name = HTMLEscape.text(label)
                put("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(name)\">\n")
            }
            spinesite_render_with(
                cmark_find_syntax_extension("table"), renderer, node, entering ? CMARK_EVENT_ENTER : CMARK_EVENT_EXIT,
                options)
            if !entering { put("</div>\n") }
        case .image(let index):
            if entering {
                hole(.image(index))
                context.imageStart = Int(spinesite_html_size(renderer))
                // Children (the alt text) are written as plain text, as `html.c` does, then dropped.
                spinesite_render_children_as_plain_text(renderer, node)
            } else {
                spinesite_html_truncate(renderer, Int32(context.imageStart))
            }
        case .bareParagraph:
            if entering { spinesite_html_newline_unless_at_line_start(renderer) } else { put("\n") }
        case .heading(let level, let anchor):
            if entering {
                spinesite_html_newline_unless_at_line_start(renderer)
                put("<h\(level) id=\"\(anchor)\">")
            } else {
                put("</h\(level)>\n")
            }
        case .link(let index, let title):
            guard entering else { return put("</a>") }
            put("<a href=\"")
            hole(.link(index))
            if !title.isEmpty {
                put("\" title=\"")
                putEscaped(Array(title.utf8)[...])
            }
            put("\">")
        case .embed(let index, let tight):
            if !tight { spinesite_html_newline_unless_at_line_start(renderer) }
            hole(.embed(index))
        case .text(let bytes, let pieces):
            for piece in pieces {
                switch piece {
                case .text(let range): putEscaped(bytes[range])
                case .hole(let kind): hole(kind)
                }
            }
        case .footnote(let definition):
            entering ? openFootnote(definition) : closeFootnote(definition)
        case .footnoteParagraph(let definition):
            if entering {
                spinesite_html_newline_unless_at_line_start(renderer)
                put("<p>")
            } else {
                put(" ")
                _ = backLinks(definition)
                put("</p>\n")
            }
        }
    }

    private func openFootnote(_ definition: FootnoteDefinition) {
        if spinesite_open_footnote(renderer) {
            put("<section class=\"footnotes\" data-footnotes>\n")
            if let labels = context.footnoteLabels { put("<h2>\(HTMLEscape.text(labels.title))</h2>\n") }
            put("<ol>\n")
        }
        put("<li id=\"fn-")
        putHref(definition.label)
        put("\">\n")
    }

    private func closeFootnote(_ definition: FootnoteDefinition) {
        if backLinks(definition) { put("\n") }
        put("</li>\n")
    }

    /// The links back to each reference, once per definition (as `html.c`'s
    /// `S_put_footnote_backref`, with the localized label).
    private func backLinks(_ definition: FootnoteDefinition) -> Bool {
        guard spinesite_claim_footnote_back_links(renderer) else { return false }
        let label = HTMLEscape.text(context.footnoteLabels?.backLink ?? "Back to content")
        put("<a href=\"#fnref-")
        putHref(definition.label)
        put("\" class=\"footnote-backref\" data-footnote-backref aria-label=\"\(label)\">↩</a>")
        if definition.references > 1 {
            for number in 2...definition.references {
                put(" <a href=\"#fnref-")
                putHref(definition.label)
                put(
                    "-\(number)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"\(label)\">↩<sup "
                        + "class=\"footnote-ref\">\(number)</sup></a>"
                )
            }
        }
        return true
    }

    private func hole(_ kind: Hole.Kind) {
        context.holes.append(Hole(offset: Int(spinesite_html_size(renderer)), kind: kind))
    }

    private func put(_ text: String) {
        text.withUTF8Bytes { spinesite_html_put(renderer, $0.baseAddress, Int32($0.count)) }
    }

    private func putEscaped(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { spinesite_html_put_escaped(renderer, $0.baseAddress, Int32($0.count)) }
    }

    private func putHref(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { spinesite_html_put_href(renderer, $0.baseAddress, Int32($0.count)) }
    }
}
