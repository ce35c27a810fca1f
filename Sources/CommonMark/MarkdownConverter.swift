import CCmarkGFM
import Foundation

/// Converts GitHub-flavoured Markdown to HTML with cmark-gfm.
///
/// This module is the whole C boundary: the tree is walked and its facts
/// copied into Swift values; cmark-gfm renders the HTML, calling back into
/// `RenderCallback` for the nodes spinesite writes itself; everything is
/// freed before `convert` returns, on every path.
public enum MarkdownConverter {
    /// Converts `markdown`. `isInternal` decides which link destinations the
    /// caller resolves itself (their URLs are holes); the rest are left to
    /// cmark-gfm, which keeps safe URLs and drops `javascript:` and the like.
    public static func convert(
        _ markdown: String,
        options: MarkdownOptions = MarkdownOptions(),
        reservedAnchors: Set<String> = [],
        isInternal: (String) -> Bool
    ) -> RenderedMarkdown {
        let cOptions = options.cmarkOptions
        // Our render extension is attached to nodes of the tree: freed once the tree is done with.
        var renderExtension: UnsafeMutablePointer<cmark_syntax_extension>?
        defer {
            if let renderExtension { cmark_syntax_extension_free(cmark_get_default_mem_allocator(), renderExtension) }
        }
        return CoreExtensions.withDocument(markdown, options: cOptions) { document, parser, escapes in
            var walker = TreeWalker(reservedAnchors: reservedAnchors, options: options)
            walker.walk(document, escapes: escapes, isInternal: isInternal)
            let context = RenderContext(actions: walker.actions.map(\.action), footnoteLabels: options.footnoteLabels)
            let ext = context.makeExtension()
            renderExtension = ext
            for (index, item) in walker.actions.enumerated() {
                RenderContext.attach(ext, to: item.node, action: index)
            }
            let html = withExtendedLifetime(context) { () -> [UInt8] in
                // In the document's arena (see `withDocument`): released with it, never `free`d.
                guard let cHTML = cmark_render_html(document, cOptions, cmark_parser_get_syntax_extensions(parser))
                else {
                    fatalError("cmark-gfm: out of memory")
                }
                return Array(
                    UnsafeBufferPointer(
                        start: UnsafeRawPointer(cHTML).assumingMemoryBound(to: UInt8.self), count: strlen(cHTML)))
            }
            var rendered = RenderedMarkdown(
                htmlBytes: html,
                holes: context.holes,
                headings: walker.headings,
                internalLinks: walker.links,
                images: walker.images,
                plainText: walker.plainText,
                embeds: walker.embeds,
                externalLinks: walker.externalLinks,
                termUses: walker.termUses,
                citations: walker.citations
            )
            rendered.proseText = walker.proseText
            rendered.dangerousURLs = walker.dangerousURLs
            return rendered
        }
    }
}

extension MarkdownOptions {
    var cmarkOptions: Int32 {
        // No CMARK_OPT_VALIDATE_UTF8: a Swift String is valid UTF-8 already.
        var value = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        if smartPunctuation { value |= CMARK_OPT_SMART }
        if unsafeHTML { value |= CMARK_OPT_UNSAFE }
        return Int32(value)
    }
}

/// Registers the GFM extensions once per process, before any parser exists.
enum CoreExtensions {
    static let names = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    private static let registration: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    static func ensureRegistered() { _ = registration }

    /// `body` with cmark-gfm's tree of `markdown`, parsed with the GFM extensions and text nodes
    /// consolidated (so a citation or a term is never split), and the escapes its text hides; the
    /// tree is freed when it returns. `cmark_parser_finish` consolidates the text nodes itself, and
    /// the autolink extension again after it has made its links (the only extension that changes
    /// the tree after parsing): a third pass here only walked the tree (1 % of the stage).
    static func withDocument<Result>(
        _ markdown: String, options: Int32, _ body: (Node, OpaquePointer, EscapedMarks) -> Result
    ) -> Result {
        // Everything cmark-gfm allocates for this document comes from this thread's arena, and
        // goes back in one step when the document is done (see the shim).
        let arena = spinesite_arena_mark_now()
        defer { spinesite_arena_release(arena) }
        guard let parser = cmark_parser_new_with_mem(options, spinesite_arena_allocator()) else {
            fatalError("cmark-gfm: out of memory")
        }
        defer { cmark_parser_free(parser) }
        attach(to: parser)
        // The string's own bytes (a native string has them contiguous): `utf8CString` copied them.
        var text = markdown
        text.withUTF8 { buffer in
            guard let start = buffer.baseAddress, !buffer.isEmpty else { return }
            start.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = SpecialCharacters.finish(parser) else {
            fatalError("cmark-gfm: out of memory")
        }
        // Not `cmark_node_free`d: every node, buffer and table alignment is in the arena, released
        // above in one step. Walking the tree to free each node again was 3.5 % of the stage.
        return body(document, parser, EscapedMarks(markdown: markdown))
    }
}

extension CoreExtensions {
    /// Attaches the GFM extensions to `parser`, registering them first if no parser has yet.
    static func attach(to parser: OpaquePointer) {
        ensureRegistered()
        for name in names {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
    }

    /// Where this thread's arena stands: after a document, where it stood before. Read here
    /// because each Swift file calling the shim's arena functions has its own copy of them.
    static var arenaPosition: (block: UnsafeMutableRawPointer?, used: Int) {
        let mark = spinesite_arena_mark_now()
        return (UnsafeMutableRawPointer(mark.block), mark.used)
    }
}
