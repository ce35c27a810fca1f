import CCmarkGFM
import Foundation

/// Converts GitHub-flavoured Markdown to HTML with cmark-gfm.
///
/// This file is the whole C boundary: the tree is walked and copied into Swift
/// values, then freed before `convert` returns, on every path.
public enum MarkdownConverter {
    /// Converts `markdown`. `isInternal` decides which link destinations the
    /// caller resolves itself (they get placeholders); the rest are left to
    /// cmark-gfm, which keeps safe URLs and drops `javascript:` and the like.
    public static func convert(
        _ markdown: String,
        options: MarkdownOptions = MarkdownOptions(),
        reservedAnchors: Set<String> = [],
        isInternal: (String) -> Bool
    ) -> RenderedMarkdown {
        CoreExtensions.ensureRegistered()
        let cOptions = options.cmarkOptions
        guard let parser = cmark_parser_new(cOptions) else { fatalError("cmark-gfm: out of memory") }
        defer { cmark_parser_free(parser) }
        for name in CoreExtensions.names {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        // cmark_parser_finish mutates a process-wide table; it must not run on two threads at once.
        let document = CoreExtensions.finishLock.withLock { cmark_parser_finish(parser) }
        guard let document else { fatalError("cmark-gfm: out of memory") }
        defer { cmark_node_free(document) }

        var walker = TreeWalker(reservedAnchors: reservedAnchors, embedLanguages: options.embedLanguages, terms: options.terms)
        walker.walk(document, isInternal: isInternal)
        guard let cHTML = cmark_render_html(document, cOptions, cmark_parser_get_syntax_extensions(parser)) else {
            fatalError("cmark-gfm: out of memory")
        }
        defer { free(cHTML) }
        var html = walker.finishHTML(String(cString: cHTML))
        if let labels = options.footnoteLabels, cmarkHasFootnotes(document) { html = labels.apply(to: html) }
        var rendered = RenderedMarkdown(
            html: html,
            headings: walker.headings,
            internalLinks: walker.links,
            images: walker.images,
            plainText: walker.plainText,
            embeds: walker.embeds,
            externalLinks: walker.externalLinks,
            termUses: walker.termUses
        )
        rendered.proseText = walker.proseText
        return rendered
    }
}

/// True when the document has a footnote list (its last block).
private func cmarkHasFootnotes(_ document: OpaquePointer) -> Bool {
    guard let last = cmark_node_last_child(document) else { return false }
    return cmark_node_get_type(last) == CMARK_NODE_FOOTNOTE_DEFINITION
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
    static let finishLock = NSLock()
    private static let registration: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    static func ensureRegistered() { _ = registration }
}
