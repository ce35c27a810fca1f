import CommonMark
import SiteModel
import SiteResolver
import SiteSupport

/// One page's blocks, rendered for it: each in the reader's locale (the page's), its links
/// resolved from the block's own file to this page's URLs, its citations numbered after the
/// page's, in a `<div class="shared-block">` that carries the block's `lang` and `dir` when they
/// are not the surrounding text's.
struct BlockPlacement {
    /// The page's embed HTML, each block placement filled.
    var embedHTML: [String]
    /// The page's reference list with the blocks' references joined.
    var referenceList: String
    var diagnostics: [Diagnostic] = []
}

extension BlockStage {
    /// What shown page `index` (`page`) gets of the blocks `rendered` places; nil when it places none.
    func place(
        on index: Int, page: PageNode, rendered: RenderedMarkdown, explainerHTML: [String],
        resolver: LinkResolver, glossary: GlossaryLinks, referencesTitle: String
    ) -> BlockPlacement? {
        guard rendered.embeds.contains(where: Self.isPlacement) else { return nil }
        var numbering = CitationNumbering(page: page.source, citations: rendered.citations)
        var diagnostics: [Diagnostic] = []
        var html = explainerHTML + Array(repeating: "", count: max(0, rendered.embeds.count - explainerHTML.count))
        for (number, embed) in rendered.embeds.enumerated() where Self.isPlacement(embed) {
            guard let name = Self.name(in: embed), let shown = block(named: name, forReader: page.locale) else {
                continue
            }
            let context = Context(index: index, page: page, resolver: resolver, glossary: glossary)
            html[number] = self.html(
                of: shown, in: context, surrounding: page.source.locale, stack: [name], numbering: &numbering,
                diagnostics: &diagnostics)
        }
        return BlockPlacement(
            embedHTML: html, referenceList: numbering.list(title: referencesTitle),
            diagnostics: diagnostics + numbering.diagnostics)
    }

    private struct Context {
        let index: Int
        let page: PageNode
        let resolver: LinkResolver
        let glossary: GlossaryLinks
    }

    /// Block `shown` as the page shows it, in text of language `surrounding`.
    private func html(
        of shown: Int, in context: Context, surrounding: String, stack: [String],
        numbering: inout CitationNumbering, diagnostics: inout [Diagnostic]
    ) -> String {
        let block = source(shown)
        let markdown = converted(shown)
        let location = { (position: SourcePosition) in
            block.bodyLocation.within(line: position.line, column: position.column)
        }
        let urls = markdown.internalLinks.map { link -> String in
            switch context.resolver.target(link.destination, from: context.index, relativeTo: block.folderSegments) {
            case .success(let target): return context.resolver.url(of: target, on: context.index)
            case .failure(let problem):
                if !problem.followsFromAnotherError {
                    diagnostics.append(.error(location(link.position), problem.message))
                }
                return ""
            }
        }
        for image in markdown.images {
            diagnostics.append(
                .error(
                    location(image.position),
                    "a shared block cannot show pictures: place '\(image.source)' on the page"))
        }
        let embeds = markdown.embeds.map { embed -> String in
            guard Self.isPlacement(embed) else {
                diagnostics.append(
                    .error(
                        location(embed.position),
                        "a ```\(embed.language) block cannot be inside a shared block: place it on the page"))
                return ""
            }
            // A loop is reported once by the checks; here it just ends.
            guard let name = Self.name(in: embed), !stack.contains(name),
                let nested = self.block(named: name, forReader: context.page.locale)
            else { return "" }
            return html(
                of: nested, in: context, surrounding: block.locale, stack: stack + [name], numbering: &numbering,
                diagnostics: &diagnostics)
        }
        let fill = HoleFill(
            linkURLs: urls, embedHTML: embeds,
            termTags: markdown.termUses.map { context.glossary.tags(term: $0, contentLocale: block.locale) },
            citationHTML: numbering.html(for: markdown.citations, of: block))
        return wrap(markdown.html(filling: fill), block: block, page: context.page, surrounding: surrounding)
    }

    /// The wrapper: the block's language where it is not the surrounding text's; a notice in the
    /// reader's language when the reader's locale has no current translation of it (not on a
    /// borrowed page showing a block in that page's own language: the page says so already).
    private func wrap(_ html: String, block: SourceBlock, page: PageNode, surrounding: String) -> String {
        var open = "<div class=\"shared-block\""
        if block.locale != surrounding {
            open += " lang=\"\(HTMLEscape.text(block.locale))\" dir=\"\(direction(of: block.locale).rawValue)\""
        }
        open += ">\n"
        let reader = page.locale
        if block.locale != reader, !(page.isFallback && block.locale == page.source.locale),
            let notice = notice(for: reader), !notice.isEmpty
        {
            open +=
                "<p class=\"notice\" role=\"note\" lang=\"\(HTMLEscape.text(reader))\" "
                + "dir=\"\(direction(of: reader).rawValue)\">\(HTMLEscape.text(notice))</p>\n"
        }
        return open + html + "</div>\n"
    }
}
