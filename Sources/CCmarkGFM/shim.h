#include <stdbool.h>
#include <cmark-gfm_version.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

// The accessors below read and write cmark-gfm's private structs, whose layout changes between
// releases without notice. They were checked against this version only: anything else must be
// checked again before the version here is changed.
#if CMARK_GFM_VERSION != ((0 << 24) | (29 << 16) | (0 << 8) | 6)
#pragma message("cmark-gfm found: " CMARK_GFM_VERSION_STRING)
#error "spinesite's CCmarkGFM shim was checked with cmark-gfm 0.29.0.gfm.6 (Debian 12) only. \
Re-check, in this cmark-gfm's node.h, render.h, buffer.h and syntax_extension.h: \
cmark_node.as.literal (a cmark_chunk: data, len), cmark_node.footnote.def_count, \
cmark_node.parent_footnote_def, \
cmark_html_renderer.html, .plain, .footnote_ix and .written_footnote_ix, cmark_strbuf.ptr and .size, \
cmark_syntax_extension.html_render_func; then what html.c writes for footnotes, images and \
tables (Tests/CommonMarkTests/CmarkGFMParityTests.swift compares with the cmark-gfm command)."
#endif

// Private headers: only the accessors below use what they declare (Swift calls the accessors).
#include <cmark-gfm/node.h>
#include <cmark-gfm/render.h>
#include <cmark-gfm/houdini.h>
#include <cmark-gfm/syntax_extension.h>

// The table extension's node type, registered with the core extensions
// (exported by libcmark-gfm-extensions, not declared in its public header).
extern cmark_node_type CMARK_NODE_TABLE;
static inline cmark_node_type spinesite_table_node_type(void) { return CMARK_NODE_TABLE; }

// MARK: Nodes

/// Bytes owned by cmark-gfm, valid while their node is.
typedef struct {
    const unsigned char *data;
    int length;
} spinesite_bytes;

/// A text node's (or a footnote definition's label, or code's) bytes in place:
/// `cmark_node_get_literal` may copy them to add a NUL. (`node->as.literal`)
static inline spinesite_bytes spinesite_node_literal(cmark_node *node) {
    spinesite_bytes bytes = {node->as.literal.data, (int)node->as.literal.len};
    return bytes;
}

/// A footnote reference's label as written (`[^label]`): once parsed, its own literal is the
/// footnote's number. (`node->parent_footnote_def->as.literal`)
static inline spinesite_bytes spinesite_footnote_reference_label(cmark_node *node) {
    return spinesite_node_literal(node->parent_footnote_def ? node->parent_footnote_def : node);
}

/// How many references point to a footnote definition. (`node->footnote.def_count`)
static inline int spinesite_footnote_reference_count(cmark_node *node) { return node->footnote.def_count; }

// MARK: The HTML renderer, for spinesite's render callback (Sources/CommonMark/RenderCallback.swift)

/// The size of the HTML written so far. (`renderer->html->size`)
static inline int spinesite_html_size(cmark_html_renderer *renderer) { return renderer->html->size; }

/// Drops what was written after `size`.
static inline void spinesite_html_truncate(cmark_html_renderer *renderer, int size) {
    cmark_strbuf_truncate(renderer->html, size);
}

static inline void spinesite_html_put(cmark_html_renderer *renderer, const unsigned char *data, int length) {
    cmark_strbuf_put(renderer->html, data, length);
}

/// A newline unless the HTML is empty or at a line start (`html.c`'s `cmark_html_render_cr`).
static inline void spinesite_html_newline_unless_at_line_start(cmark_html_renderer *renderer) {
    cmark_strbuf *html = renderer->html;
    if (html->size > 0 && html->ptr[html->size - 1] != '\n') cmark_strbuf_putc(html, '\n');
}

/// `data` escaped for HTML text and attributes, as `html.c` escapes text.
static inline void spinesite_html_put_escaped(cmark_html_renderer *renderer, const unsigned char *data, int length) {
    houdini_escape_html0(renderer->html, data, length, 0);
}

/// `data` escaped for a URL in `href`, as `html.c` escapes footnote labels in links.
static inline void spinesite_html_put_href(cmark_html_renderer *renderer, const unsigned char *data, int length) {
    houdini_escape_href(renderer->html, data, length);
}

/// Has the renderer write `node`'s children as plain text, as `html.c` does for an image's alt
/// text, until it leaves `node`. (`renderer->plain`)
static inline void spinesite_render_children_as_plain_text(cmark_html_renderer *renderer, cmark_node *node) {
    renderer->plain = node;
}

/// Counts a footnote definition being opened; whether it is the first (the list opens before it).
/// (`renderer->footnote_ix`)
static inline bool spinesite_open_footnote(cmark_html_renderer *renderer) {
    return renderer->footnote_ix++ == 0;
}

/// Whether the open footnote's back links are still to be written; they count as written from now.
/// (`renderer->written_footnote_ix`, as `html.c`'s `S_put_footnote_backref`)
static inline bool spinesite_claim_footnote_back_links(cmark_html_renderer *renderer) {
    if (renderer->written_footnote_ix >= renderer->footnote_ix) return false;
    renderer->written_footnote_ix = renderer->footnote_ix;
    return true;
}

/// Lets spinesite's render callback wrap a table and still have the table extension write it.
/// (`extension->html_render_func`)
static inline void spinesite_render_with(cmark_syntax_extension *extension, cmark_html_renderer *renderer,
                                         cmark_node *node, cmark_event_type event, int options) {
    if (extension && extension->html_render_func) extension->html_render_func(extension, renderer, node, event, options);
}
