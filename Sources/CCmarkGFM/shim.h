#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
// The renderer's state and the node's fields, for the HTML render callback
// that fills in heading ids, link holes and footnote labels as cmark-gfm
// renders (see Sources/CommonMark/RenderCallback.swift).
#include <cmark-gfm/node.h>
#include <cmark-gfm/render.h>
#include <cmark-gfm/houdini.h>
// The table extension's node type, registered with the core extensions
// (exported by libcmark-gfm-extensions, not declared in its public header).
extern cmark_node_type CMARK_NODE_TABLE;
// Lets spinesite's render callback wrap a table and still have the table extension write it.
#include <cmark-gfm/syntax_extension.h>
static inline void spinesite_render_with(cmark_syntax_extension *extension, cmark_html_renderer *renderer,
                                         cmark_node *node, cmark_event_type event, int options) {
    if (extension && extension->html_render_func) extension->html_render_func(extension, renderer, node, event, options);
}
static inline cmark_node_type spinesite_table_node_type(void) { return CMARK_NODE_TABLE; }
