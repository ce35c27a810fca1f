import Foundation
import CommonMark
import SiteModel
import SiteResolver

/// Converts every page's Markdown on all cores, then resolves its links
/// against the whole site (anchors of every page are known by then).
public enum MarkdownStage {
    /// Ids the templates use; headings never take them.
    static let templateAnchors: Set<String> = ["references", "main", "top", "toc", "breadcrumbs", "related", "site-header", "site-footer", "disclaimer", "languages", "topics"]

    struct Result: Sendable {
        /// Each page's body, every hole filled for the page.
        var bodies: [PageBody]
        /// Each page's Markdown as converted (a borrowed page: its original's):
        /// its headings, explainer blocks and external links.
        var converted: [RenderedMarkdown]
        /// Each page's reading level (nil: borrowed or not scored).
        var readingLevels: [ReadingLevelCheck.ProseStats?]
        /// The explainers' shared state grid, if any.
        var explainerStates: (path: String, contents: Data)?
        /// This build's conversions, for the next build's memo.
        var conversions: [ConversionInput: MarkdownConversion]
        /// What `update` needs to redo single pages.
        fileprivate var kept: Kept

        var diagnostics: [Diagnostic] {
            kept.embedDiagnostics + kept.pageDiagnostics.flatMap { $0 } + kept.readingDiagnostics.compactMap { $0 }
        }

        /// Page `index`'s links to PubMed and doi.org: its citations.
        func citations(_ index: Int) -> [String] {
            converted[index].externalLinks.filter(MarkdownStage.isCitation)
        }
    }

    /// The parts of a run that single pages are finished against.
    fileprivate struct Kept: Sendable {
        var embedHTML: [[String]]
        var embedDiagnostics: [Diagnostic]
        /// Each page's link, image, heading and citation problems.
        var pageDiagnostics: [[Diagnostic]]
        var readingDiagnostics: [Diagnostic?]
        var options: LocaleOptions
        var resolver: LinkResolver
        var glossary: GlossaryLinks
        /// Per page, what it fills in alike with every page showing its source.
        var shared: [PageBody.SharedFill]
    }

    /// Strings the Markdown HTML needs besides those the templates use.
    static let usedStrings = ["footnotesTitle": "footnotes in Markdown", "backToContent": "footnotes in Markdown", "referencesTitle": "reference lists"]

    /// - Parameter memo: earlier conversions; a page whose input matches one is not converted again.
    static func run(_ graph: SiteGraph, strings: LocaleStrings, explainers: ExplainerStage, memo: [ConversionInput: MarkdownConversion] = [:]) -> Result {
        let options = LocaleOptions(graph, strings: strings)
        // A borrowed page has its original's Markdown: converted once, links resolved per page.
        let own = graph.pages.indices.filter { !graph.pages[$0].isFallback }
        let conversions = ParallelMap.map(own) { index in convert(graph.pages[index], options: options, memo: memo) }
        var slot = [Int](repeating: 0, count: graph.pages.count)
        for (position, index) in own.enumerated() { slot[index] = position }
        let source = { (index: Int) in slot[graph.pages[index].fallbackOf ?? index] }
        let converted = graph.pages.indices.map { conversions[source($0)].conversion.rendered }
        let readingLevels = graph.pages.indices.map { index in
            graph.pages[index].isFallback ? nil : conversions[slot[index]].conversion.stats
        }
        let embeds = explainers.render(graph, embeds: converted.map(\.embeds), strings: strings)
        let resolver = LinkResolver(graph: graph, anchors: converted.map { Set($0.headings.map(\.anchor)) })
        let glossary = GlossaryLinks(graph: graph, converted: converted)
        // Links, glossary terms and citations once per source, shared by its borrowed copies.
        let ownFills = ParallelMap.map(own) { index in
            sharedFill(index, page: graph.pages[index], rendered: converted[index], resolver: resolver, glossary: glossary, strings: strings)
        }
        var result = Result(
            bodies: [], converted: converted, readingLevels: readingLevels, explainerStates: embeds.states,
            conversions: Dictionary(conversions.map { ($0.key, $0.conversion) }, uniquingKeysWith: { first, _ in first }),
            kept: Kept(
                embedHTML: embeds.html, embedDiagnostics: embeds.diagnostics, pageDiagnostics: [],
                readingDiagnostics: graph.pages.indices.map { ReadingLevelCheck.diagnostic(graph.pages[$0], stats: readingLevels[$0], config: graph.config) },
                options: options, resolver: resolver, glossary: glossary,
                shared: graph.pages.indices.map { ownFills[source($0)].fill }
            )
        )
        let finished = ParallelMap.map(Array(graph.pages.indices)) { [result] index in
            // A page that is only linked to has no body to write.
            guard graph.pages[index].isPublished else { return (body: PageBody.empty, diagnostics: [Diagnostic]()) }
            return result.kept.finish(index, page: graph.pages[index], rendered: converted[index], shared: result.kept.shared[index])
        }
        result.bodies = finished.map(\.body)
        result.kept.pageDiagnostics = graph.pages.indices.map { index in
            finished[index].diagnostics + (graph.pages[index].isFallback ? [] : ownFills[slot[index]].diagnostics)
        }
        return result
    }

    /// Where a page's own body links, its glossary terms and citations,
    /// resolved once for it and its borrowed copies; and the problems found.
    private static func sharedFill(
        _ index: Int, page: PageNode, rendered: RenderedMarkdown, resolver: LinkResolver, glossary: GlossaryLinks, strings: LocaleStrings
    ) -> (fill: PageBody.SharedFill, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let base = page.source.bodyLocation
        let targets = rendered.internalLinks.map { link -> LinkResolver.Target? in
            switch resolver.target(link.destination, from: index) {
            case .success(let target):
                return target
            case .failure(let problem):
                diagnostics.append(.error(SourceLocation(file: base.file, line: base.line + link.position.line - 1, column: link.position.column), problem.message))
                return nil
            }
        }
        // References are in the content's language: the list's heading too.
        let title = strings.strings(for: page.source.locale)["referencesTitle"] ?? ""
        let cited = Citations.fill(rendered.citations, page: page.source, title: title)
        let tags = rendered.termUses.map { glossary.tags(term: $0, contentLocale: page.source.locale) }
        let fill = PageBody.SharedFill(linkTargets: targets, termTags: tags, citationHTML: cited.html, referenceList: cited.list)
        return (fill, diagnostics + cited.diagnostics)
    }

    /// New values for the pages a body edit affects, found without changing the run.
    struct Patch: Sendable {
        /// Each edited page's conversion, and the memo key it replaces.
        fileprivate var conversions: [(index: Int, key: ConversionInput, oldKey: ConversionInput, conversion: MarkdownConversion)] = []
        /// Each page showing an edited body: its body and problems.
        fileprivate var finished: [(index: Int, rendered: RenderedMarkdown, shared: PageBody.SharedFill, body: PageBody, diagnostics: [Diagnostic])] = []
        fileprivate var readingDiagnostics: [(index: Int, diagnostic: Diagnostic?)] = []
    }

    /// The edited pages converted again and every page showing them finished
    /// again; nil if a page's headings or explainer blocks changed, which
    /// other pages and files depend on (links to anchors, the search index,
    /// the explainer state grid).
    static func prepare(_ result: Result, edit: BodyEdit, graph: SiteGraph, strings: LocaleStrings) -> Patch? {
        var patch = Patch()
        for index in edit.edited {
            let page = edit.page(index, in: graph)
            let (key, conversion) = convert(page, options: result.kept.options, memo: result.conversions)
            let before = result.converted[index]
            guard conversion.rendered.headings.map(\.outline) == before.headings.map(\.outline),
                  conversion.rendered.embeds.map(\.block) == before.embeds.map(\.block),
                  !result.kept.embedDiagnostics.contains(where: { $0.location.file == page.source.file }) else { return nil }
            patch.conversions.append((index, key, memoKey(graph.pages[index], options: result.kept.options), conversion))
            patch.readingDiagnostics.append((index, ReadingLevelCheck.diagnostic(page, stats: conversion.stats, config: graph.config)))
            let own = sharedFill(index, page: page, rendered: conversion.rendered, resolver: result.kept.resolver, glossary: result.kept.glossary, strings: strings)
            for shown in [index] + edit.copies.filter({ graph.pages[$0].fallbackOf == index }) {
                let finished = result.kept.finish(shown, page: edit.page(shown, in: graph), rendered: conversion.rendered, shared: own.fill)
                let diagnostics = finished.diagnostics + (shown == index ? own.diagnostics : [])
                patch.finished.append((shown, conversion.rendered, own.fill, finished.body, diagnostics))
            }
        }
        return patch
    }

    /// The run's problems once `patch` is applied (for a failed edit's report: it copies the run).
    static func diagnostics(of result: Result, with patch: Patch) -> [Diagnostic] {
        var patched = result
        apply(patch, to: &patched)
        return patched.diagnostics
    }

    /// The problems `patch` takes away from the run and those it brings.
    static func changes(in result: Result, with patch: Patch) -> (removed: [Diagnostic], added: [Diagnostic]) {
        var removed: [Diagnostic] = [], added: [Diagnostic] = []
        for item in patch.finished {
            removed += result.kept.pageDiagnostics[item.index]
            added += item.diagnostics
        }
        for item in patch.readingDiagnostics {
            if let old = result.kept.readingDiagnostics[item.index] { removed.append(old) }
            if let new = item.diagnostic { added.append(new) }
        }
        return (removed, added)
    }

    /// Applies `patch` in place (a copy of the run would cost more than the edit).
    static func apply(_ patch: Patch, to result: inout Result) {
        for item in patch.conversions {
            // The old entry goes, or a long preview would keep every version of
            // the page. Another page with the same body only misses the memo.
            if item.oldKey != item.key { result.conversions[item.oldKey] = nil }
            result.conversions[item.key] = item.conversion
            result.readingLevels[item.index] = item.conversion.stats
        }
        for item in patch.readingDiagnostics { result.kept.readingDiagnostics[item.index] = item.diagnostic }
        for item in patch.finished {
            result.converted[item.index] = item.rendered
            result.kept.shared[item.index] = item.shared
            result.bodies[item.index] = item.body
            result.kept.pageDiagnostics[item.index] = item.diagnostics
        }
    }

    /// The Markdown of pages as loaded, converted before the site is
    /// resolved (the builder runs it beside the resolver): a memo `run` finds
    /// every page's conversion in. Only the locales' settings are needed.
    /// - Parameter memo: earlier conversions; a page whose input matches one is not converted again.
    public static func convert(_ pages: [SourcePage], config: SiteConfig, locales: LocaleTable, memo: RenderMemo = RenderMemo()) -> RenderMemo {
        let options = LocaleOptions(config: config, locales: locales) { key, locale in
            locale.strings[key] ?? locales.stringSource(key, for: locale, defaultLocale: config.defaultLocale)?.strings[key]
        }
        let conversions = ParallelMap.map(pages) { page in
            convert(body: page.body, language: page.locale, options: options.options(locale: page.locale, isGlossary: false), memo: memo.conversions)
        }
        return RenderMemo(conversions: Dictionary(conversions.map { ($0.key, $0.conversion) }, uniquingKeysWith: { first, _ in first }))
    }

    /// Page `index`'s Markdown through cmark-gfm and the reading-level score, or the memo's copy.
    private static func convert(_ page: PageNode, options: LocaleOptions, memo: [ConversionInput: MarkdownConversion]) -> (key: ConversionInput, conversion: MarkdownConversion) {
        convert(body: page.source.body, language: page.locale, options: options.options(for: page), memo: memo)
    }

    private static func convert(
        body: String, language: String, options: (options: MarkdownOptions, fingerprint: Fingerprint), memo: [ConversionInput: MarkdownConversion]
    ) -> (key: ConversionInput, conversion: MarkdownConversion) {
        let key = memoKey(body: body, language: language, options: options.fingerprint)
        if let known = memo[key] { return (key, known) }
        var rendered = MarkdownConverter.convert(body, options: options.options, reservedAnchors: templateAnchors, isInternal: LinkDestination.isInternal)
        // Score the prose now and drop the texts: kept for every page they cost ~10 % of peak memory.
        let stats = ReadingLevelCheck.stats(rendered.proseText, language: language)
        rendered.proseText = ""
        return (key, MarkdownConversion(rendered: rendered, words: stats.words, level: stats.level))
    }

    /// Each locale's Markdown options, hashed once (with and without glossary terms), not once per page.
    fileprivate struct LocaleOptions: Sendable {
        private var byLocale: [String: (options: MarkdownOptions, withTerms: Fingerprint, withoutTerms: Fingerprint)] = [:]

        init(_ graph: SiteGraph, strings: LocaleStrings) {
            self.init(config: graph.config, locales: graph.locales) { key, locale in strings.strings(for: locale.tag)[key] }
        }

        /// - Parameter text: a string of a locale, as its fallback chain gives it.
        init(config: SiteConfig, locales: LocaleTable, text: (String, LocaleConfig) -> String?) {
            for locale in locales {
                let options = MarkdownOptions(
                    smartPunctuation: config.smartPunctuation, unsafeHTML: config.unsafeHTML,
                    footnoteLabels: FootnoteLabels(title: text("footnotesTitle", locale) ?? "", backLink: text("backToContent", locale) ?? ""),
                    embedLanguages: [ExplainerStage.language],
                    terms: GlossaryLinks.patterns(locale), collectsPlainText: false
                )
                var withoutTerms = options
                withoutTerms.terms = []
                byLocale[locale.tag] = (options, MarkdownStage.optionsKey(options), MarkdownStage.optionsKey(withoutTerms))
            }
        }

        /// `page`'s options and their fingerprint.
        func options(for page: PageNode) -> (options: MarkdownOptions, fingerprint: Fingerprint) {
            options(locale: page.locale, isGlossary: page.id == GlossaryPages.id && page.source.isSynthesized)
        }

        func options(locale: String, isGlossary: Bool) -> (options: MarkdownOptions, fingerprint: Fingerprint) {
            let entry = byLocale[locale]!
            // The glossary page defines the terms; it does not link them to itself.
            guard isGlossary else { return (entry.options, entry.withTerms) }
            var options = entry.options
            options.terms = []
            return (options, entry.withoutTerms)
        }
    }

    /// The memo key of `page`'s conversion: everything it reads, the body,
    /// the options and the language its reading level is scored in.
    private static func memoKey(_ page: PageNode, options: LocaleOptions) -> ConversionInput {
        memoKey(body: page.source.body, language: page.locale, options: options.options(for: page).fingerprint)
    }

    private static func memoKey(body: String, language: String, options: Fingerprint) -> ConversionInput {
        ConversionInput(body: body, language: language, options: options)
    }

    fileprivate static func optionsKey(_ options: MarkdownOptions) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(options.smartPunctuation)
        hasher.combine(options.unsafeHTML)
        hasher.combine(options.footnoteLabels != nil)
        hasher.combine(options.footnoteLabels?.title ?? "")
        hasher.combine(options.footnoteLabels?.backLink ?? "")
        hasher.combine(texts: options.embedLanguages.sorted())
        hasher.combine(options.terms.count)
        for term in options.terms { hasher.combine(texts: term.phrases) }
        hasher.combine(texts: templateAnchors.sorted())
        return hasher.finalize()
    }

    static func isCitation(_ url: String) -> Bool {
        url.hasPrefix("https://pubmed.ncbi.nlm.nih.gov/") || url.hasPrefix("https://doi.org/")
    }

}

private extension MarkdownStage.Kept {
    /// Page `index`'s body, every hole filled for it, and its problems.
    func finish(_ index: Int, page: PageNode, rendered: RenderedMarkdown, shared: PageBody.SharedFill) -> (body: PageBody, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let base = page.source.bodyLocation
        func location(_ position: SourcePosition) -> SourceLocation {
            SourceLocation(file: base.file, line: base.line + position.line - 1, column: position.column)
        }
        // A borrowed copy links where its original does, in the copy's locale.
        let urls = shared.linkTargets.map { target -> String in
            guard let target else { return "" }
            return resolver.url(of: page.isFallback ? resolver.target(target, inLocale: page.locale) : target, on: index)
        }
        for image in rendered.images where image.altText.trimmed.isEmpty {
            diagnostics.append(.error(location(image.position), "image '\(image.source)' has no alt text: describe it, as in ![A TENS unit with two pads](tens.jpg)"))
        }
        var previousLevel = 1
        for heading in rendered.headings {
            if heading.level == 1 {
                diagnostics.append(.error(location(heading.position), "a level-1 heading ('# \(heading.text)') in the body: the page title is the page's only h1; use '##'"))
            } else if heading.level > previousLevel + 1 {
                let marks = String(repeating: "#", count: heading.level)
                diagnostics.append(.warning(location(heading.position), "heading level skipped: '\(marks) \(heading.text)' follows a level-\(previousLevel) heading; use '\(String(repeating: "#", count: previousLevel + 1))'"))
            }
            previousLevel = heading.level
        }
        let body = PageBody(markdown: rendered, linkURLs: urls, embedHTML: embedHTML[index], shared: shared)
        // A borrowed page's problems are its original's, reported there once.
        return (body, page.isFallback ? [] : diagnostics)
    }
}

private extension Heading {
    /// What other pages and files see of a heading: not its line.
    var outline: [String] { [String(level), anchor, text] }
}

private extension Embed {
    /// What the explainer stage renders from a block: not its line.
    var block: [String] { [language, source] }
}
