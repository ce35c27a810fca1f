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
    /// The tags around each glossary use of the page's own text: nil where a block before it marked the term.
    var termTags: [TermLinkTags?]
    /// The page's reference list with the blocks' references joined.
    var referenceList: String
    var diagnostics: [Diagnostic] = []
}

extension BlockStage {
    /// What shown page `index` (`page`) gets of the blocks `rendered` places; nil when it places none.
    /// - Parameter termTags: the tags around each glossary use of the page's own text.
    func place(
        on index: Int, page: PageNode, rendered: RenderedMarkdown, explainerHTML: [String],
        termTags: [TermLinkTags?], resolver: LinkResolver, glossary: GlossaryLinks,
        referencesTitle: String
    ) -> BlockPlacement? {
        guard rendered.embeds.contains(where: Self.isPlacement) else { return nil }
        var numbering = CitationNumbering(page: page.source, citations: rendered.citations)
        var diagnostics: [Diagnostic] = []
        var html = explainerHTML + Array(repeating: "", count: max(0, rendered.embeds.count - explainerHTML.count))
        let context = Context(index: index, page: page, resolver: resolver, glossary: glossary)
        var marked = MarkedTerms()
        var pageTags = termTags
        // In document order: a term is marked at its first use in the page's text or its blocks.
        for hole in rendered.holes {
            switch hole.kind {
            case .termStart(let use) where use < pageTags.count && use < rendered.termUses.count:
                if pageTags[use] != nil, !marked.insert(rendered.termUses[use], locale: page.source.locale) {
                    pageTags[use] = nil
                }
            case .embed(let number) where number < rendered.embeds.count && Self.isPlacement(rendered.embeds[number]):
                guard let name = Self.name(in: rendered.embeds[number]),
                    let shown = block(named: name, forReader: page.locale)
                else { continue }
                html[number] = self.html(
                    of: shown, in: context, surrounding: page.source.locale, stack: [name], numbering: &numbering,
                    marked: &marked, diagnostics: &diagnostics)
            default: continue
            }
        }
        return BlockPlacement(
            embedHTML: html, termTags: pageTags, referenceList: numbering.list(title: referencesTitle),
            diagnostics: diagnostics + numbering.diagnostics)
    }

    private struct Context {
        let index: Int
        let page: PageNode
        let resolver: LinkResolver
        let glossary: GlossaryLinks
    }

    /// The glossary terms a page has marked so far, each in the glossary of its text's language.
    private struct MarkedTerms {
        private var terms: Set<String> = []

        /// Whether `term` of `locale`'s glossary was not marked yet; it is from now on.
        mutating func insert(_ term: Int, locale: String) -> Bool {
            terms.insert("\(locale) \(term)").inserted
        }
    }

    /// Block `shown` as the page shows it, in text of language `surrounding`.
    private func html(
        of shown: Int, in context: Context, surrounding: String, stack: [String],
        numbering: inout CitationNumbering, marked: inout MarkedTerms, diagnostics: inout [Diagnostic]
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
        var embeds = [String](repeating: "", count: markdown.embeds.count)
        var termTags = [TermLinkTags?](repeating: nil, count: markdown.termUses.count)
        // In document order, as the page's own text (see `place`).
        for hole in markdown.holes {
            switch hole.kind {
            case .termStart(let use) where use < termTags.count:
                let term = markdown.termUses[use]
                guard let tags = context.glossary.tags(term: term, contentLocale: block.locale),
                    marked.insert(term, locale: block.locale)
                else { continue }
                termTags[use] = tags
            case .embed(let number) where number < embeds.count:
                embeds[number] = nestedHTML(
                    markdown.embeds[number], at: location, in: context, surrounding: block.locale, stack: stack,
                    numbering: &numbering, marked: &marked, diagnostics: &diagnostics)
            default: continue
            }
        }
        let fill = HoleFill(
            linkURLs: urls, embedHTML: embeds, termTags: termTags,
            citationHTML: numbering.html(for: markdown.citations, of: block))
        return wrap(markdown.html(filling: fill), block: block, page: context.page, surrounding: surrounding)
    }

    /// What a fence inside a block shows: the block it names, or nothing (an explainer there is an error).
    private func nestedHTML(
        _ embed: Embed, at location: (SourcePosition) -> SourceLocation, in context: Context, surrounding: String,
        stack: [String], numbering: inout CitationNumbering, marked: inout MarkedTerms,
        diagnostics: inout [Diagnostic]
    ) -> String {
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
            of: nested, in: context, surrounding: surrounding, stack: stack + [name], numbering: &numbering,
            marked: &marked, diagnostics: &diagnostics)
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
