import CCmarkGFM
import SiteSupport

#if canImport(Glibc)
    import Glibc
#endif

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
    /// A table inside a scrolling region named `label`; the table extension (`tableExtension`,
    /// which the node carried) still writes the table itself.
    case table(label: String, tableExtension: UnsafeMutablePointer<cmark_syntax_extension>?)
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
/// would, except where the action changes it.
private struct HTMLWriter {
    let renderer: UnsafeMutablePointer<cmark_html_renderer>
    let context: RenderContext
    var html: UnsafeMutablePointer<cmark_strbuf> { renderer.pointee.html }

    func write(_ action: RenderAction, entering: Bool, node: UnsafeMutablePointer<cmark_node>, options: Int32) {
        switch action {
        case .table(let label, let tableExtension):
            if entering {
                newlineUnlessAtLineStart()
                let name = HTMLEscape.text(label)
                put("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(name)\">\n")
            }
            spinesite_render_with(
                tableExtension, renderer, node, entering ? CMARK_EVENT_ENTER : CMARK_EVENT_EXIT, options)
            if !entering { put("</div>\n") }
        case .image(let index):
            if entering {
                hole(.image(index))
                context.imageStart = Int(html.pointee.size)
                // Children (the alt text) are written as plain text, as `html.c` does, then dropped.
                renderer.pointee.plain = node
            } else {
                cmark_strbuf_truncate(html, bufsize_t(context.imageStart))
            }
        case .bareParagraph:
            if entering { newlineUnlessAtLineStart() } else { put("\n") }
        case .heading(let level, let anchor):
            if entering {
                newlineUnlessAtLineStart()
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
                var title = title
                title.withUTF8 { _ = houdini_escape_html0(html, $0.baseAddress, bufsize_t($0.count), 0) }
            }
            put("\">")
        case .embed(let index, let tight):
            if !tight { newlineUnlessAtLineStart() }
            hole(.embed(index))
        case .text(let bytes, let pieces):
            for piece in pieces {
                switch piece {
                case .text(let range):
                    bytes.withUnsafeBufferPointer {
                        _ = houdini_escape_html0(html, $0.baseAddress! + range.lowerBound, bufsize_t(range.count), 0)
                    }
                case .hole(let kind):
                    hole(kind)
                }
            }
        case .footnote(let definition):
            entering ? openFootnote(definition) : closeFootnote(definition)
        case .footnoteParagraph(let definition):
            if entering {
                newlineUnlessAtLineStart()
                put("<p>")
            } else {
                put(" ")
                _ = backLinks(definition)
                put("</p>\n")
            }
        }
    }

    private func openFootnote(_ definition: FootnoteDefinition) {
        if renderer.pointee.footnote_ix == 0 {
            put("<section class=\"footnotes\" data-footnotes>\n")
            if let labels = context.footnoteLabels { put("<h2>\(HTMLEscape.text(labels.title))</h2>\n") }
            put("<ol>\n")
        }
        renderer.pointee.footnote_ix += 1
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
        guard renderer.pointee.written_footnote_ix < renderer.pointee.footnote_ix else { return false }
        renderer.pointee.written_footnote_ix = renderer.pointee.footnote_ix
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
        context.holes.append(Hole(offset: Int(html.pointee.size), kind: kind))
    }

    private func put(_ text: String) {
        var text = text
        text.withUTF8 { cmark_strbuf_put(html, $0.baseAddress, bufsize_t($0.count)) }
    }

    private func putHref(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { _ = houdini_escape_href(html, $0.baseAddress, bufsize_t($0.count)) }
    }

    /// `cmark_html_render_cr`: a newline unless the output is at a line start.
    private func newlineUnlessAtLineStart() {
        let size = Int(html.pointee.size)
        if size > 0, html.pointee.ptr[size - 1] != UInt8(ascii: "\n") {
            cmark_strbuf_putc(html, Int32(UInt8(ascii: "\n")))
        }
    }
}
