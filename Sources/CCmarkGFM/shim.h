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

// MARK: Memory: an arena per thread for one document at a time

// cmark-gfm makes one heap block per node, delimiter and buffer, and frees each again: glibc's
// calloc and free took 18 % of the Markdown stage's instructions. A parser given this allocator
// takes its memory from large blocks instead, all returned at once when the document is done
// (`spinesite_arena_release`). cmark-gfm's own arena (`cmark_get_arena_mem_allocator`) is one
// table for the whole process, which parsers on several threads would share.
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <stddef.h>

typedef struct spinesite_arena_block {
    struct spinesite_arena_block *previous;
    size_t size;
    size_t used;
    max_align_t data[];
} spinesite_arena_block;

/// Where a thread's arena stood: `spinesite_arena_release` returns everything allocated since.
typedef struct {
    spinesite_arena_block *block;
    size_t used;
} spinesite_arena_mark;

/// The thread's newest block. A static inside a function, because Swift's importer emits the
/// functions of a header but not its variables; the functions are `static`, so every Swift file
/// calling them would have its own: only `MarkdownConverter.swift` does.
static inline spinesite_arena_block **spinesite_arena_top_slot(void) {
    static __thread spinesite_arena_block *top;
    return &top;
}

enum { spinesite_arena_header = 16, spinesite_arena_block_size = 64 * 1024 };

/// Each allocation is preceded by its size, which `realloc` reads.
static inline size_t spinesite_arena_span(size_t size) {
    return spinesite_arena_header + ((size + 15) & ~(size_t)15);
}

static inline void *spinesite_arena_allocate(size_t size) {
    if (size > SIZE_MAX / 2) abort();
    size_t span = spinesite_arena_span(size);
    spinesite_arena_block **top = spinesite_arena_top_slot();
    spinesite_arena_block *block = *top;
    if (!block || block->size - block->used < span) {
        size_t capacity = span > spinesite_arena_block_size ? span : spinesite_arena_block_size;
        spinesite_arena_block *fresh = malloc(sizeof(spinesite_arena_block) + capacity);
        if (!fresh) abort();  // as cmark-gfm's own allocator does
        fresh->previous = block;
        fresh->size = capacity;
        fresh->used = 0;
        *top = block = fresh;
    }
    unsigned char *start = (unsigned char *)block->data + block->used;
    *(size_t *)start = size;
    block->used += span;
    return start + spinesite_arena_header;
}

static inline void *spinesite_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / 2 / size) abort();
    void *pointer = spinesite_arena_allocate(count * size);
    memset(pointer, 0, count * size);
    return pointer;
}

/// Grows in place when `pointer` is the newest allocation (a buffer being written), else copies.
static inline void *spinesite_arena_realloc(void *pointer, size_t size) {
    if (!pointer) return spinesite_arena_allocate(size);
    if (size > SIZE_MAX / 2) abort();
    unsigned char *start = (unsigned char *)pointer - spinesite_arena_header;
    size_t old = *(size_t *)start;
    spinesite_arena_block *block = *spinesite_arena_top_slot();
    size_t oldSpan = spinesite_arena_span(old), newSpan = spinesite_arena_span(size);
    if (start + oldSpan == (unsigned char *)block->data + block->used && block->used - oldSpan + newSpan <= block->size) {
        block->used = block->used - oldSpan + newSpan;
        *(size_t *)start = size;
        return pointer;
    }
    void *fresh = spinesite_arena_allocate(size);
    memcpy(fresh, pointer, old < size ? old : size);
    return fresh;
}

/// Nothing: the memory goes back when the document's arena is released.
static inline void spinesite_arena_free(void *pointer) { (void)pointer; }

static inline cmark_mem *spinesite_arena_allocator(void) {
    static cmark_mem allocator = {spinesite_arena_calloc, spinesite_arena_realloc, spinesite_arena_free};
    return &allocator;
}

static inline spinesite_arena_mark spinesite_arena_mark_now(void) {
    spinesite_arena_block *top = *spinesite_arena_top_slot();
    spinesite_arena_mark mark = {top, top ? top->used : 0};
    return mark;
}

/// Frees what this thread allocated from its arena since `mark`. Marks nest: a document
/// parsed while another is open releases only its own memory.
static inline void spinesite_arena_release(spinesite_arena_mark mark) {
    spinesite_arena_block **top = spinesite_arena_top_slot();
    while (*top && *top != mark.block) {
        spinesite_arena_block *previous = (*top)->previous;
        free(*top);
        *top = previous;
    }
    if (*top) (*top)->used = mark.used;
}

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
