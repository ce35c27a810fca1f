import CommonMark
import Foundation
public import SiteModel
public import SiteResolver
import SiteSupport
import SiteWideOutputs

/// Converts every page's Markdown on all cores, then resolves its links
/// against the whole site (anchors of every page are known by then).
public enum MarkdownStage {
    /// Ids the templates use; headings never take them.
    static let templateAnchors: Set<String> = [
        "references", "main", "top", "toc", "breadcrumbs", "related", "site-header", "site-footer", "disclaimer",
        "languages", "topics",
    ]

    public struct Result: Sendable {
        /// Each page's body, every hole filled for the page.
        var bodies: [PageBody]
        /// Each page's Markdown as converted (a borrowed page: its original's):
        /// its headings, explainer blocks and external links.
        var converted: [RenderedMarkdown]
        /// Each page's reading level (nil: borrowed or not scored).
        var readingLevels: [ProseStats?]
        /// The explainers' shared state grid, if any.
        var explainerStates: (path: String, contents: Data)?
        /// This run's conversions: a later run finds its pages' conversions here.
        public internal(set) var memo: MarkdownMemo
        /// What single pages are converted and finished against.
        fileprivate var kept: Kept

        /// Every problem of the run: the explainers' and every page's.
        public var diagnostics: [Diagnostic] {
            kept.embedDiagnostics + kept.pictures.diagnostics + kept.pageDiagnostics.flatMap { $0 }
                + kept.readingDiagnostics.compactMap { $0 }
        }

        /// The pictures and files the pages use, by output path, handed over once to be written: the
        /// result is kept between the preview's saves, which never need these bytes again.
        mutating func takePublishedFiles() -> [String: Data] {
            defer { kept.pictures.outputs = [:] }
            return kept.pictures.outputs
        }

        /// What link previews of page `index` show: its own picture (a borrowed copy: its
        /// original's), else the site's.
        func socialImage(of index: Int, in graph: SiteGraph) -> OpenGraphImage? {
            kept.pictures.socialImages[graph.pages[index].fallbackOf ?? index] ?? kept.pictures.siteImage
        }

        /// The site's link-preview picture, for pages without content of their own.
        var siteImage: OpenGraphImage? { kept.pictures.siteImage }

        /// Page `index`'s links to PubMed and doi.org: its citations.
        func citations(_ index: Int) -> [String] {
            converted[index].externalLinks.filter(MarkdownStage.isCitation)
        }
    }

    /// The parts of a run that single pages are converted and finished against.
    fileprivate struct Kept: Sendable {
        var embedHTML: [[String]]
        var embedDiagnostics: [Diagnostic]
        var pictures: PictureStage
        /// Each page's link, image, heading and citation problems.
        var pageDiagnostics: [[Diagnostic]]
        var readingDiagnostics: [Diagnostic?]
        var options: LocaleOptions
        /// `site.yml`'s `remotePictures: allow`.
        var allowsRemotePictures: Bool
        var resolver: LinkResolver
        var glossary: GlossaryLinks
        var strings: LocaleStrings
        /// Per page, what it fills in alike with every page showing its source.
        var shared: [PageBody.SharedFill]
    }

    /// One page's own Markdown, converted and its links, terms and
    /// citations resolved: what `run` computes for every page with content
    /// of its own, and what `convert` computes for one.
    public struct ConvertedPage: Sendable {
        public let index: Int
        fileprivate let input: ConversionInput
        fileprivate let conversion: MarkdownConversion
        fileprivate let fill: PageBody.SharedFill
        /// Its links' and citations' problems.
        fileprivate let diagnostics: [Diagnostic]
        public let readingDiagnostic: Diagnostic?

        /// What other pages and files show of it: its headings and explainer blocks (not their lines),
        /// and the pictures and files it uses (published by the whole build).
        public var outline: PageOutline { PageOutline(conversion.rendered) }
    }

    /// One page's body, finished for the page that shows it (the page
    /// itself, or a borrowed copy).
    public struct FinishedPage: Sendable {
        public let index: Int
        fileprivate let rendered: RenderedMarkdown
        fileprivate let shared: PageBody.SharedFill
        fileprivate let body: PageBody
        /// Its body's problems (for the page itself, its links' too).
        public let diagnostics: [Diagnostic]
    }

    /// Strings the Markdown HTML needs besides those the templates use.
    static let usedStrings = [
        "footnotesTitle": "footnotes in Markdown", "backToContent": "footnotes in Markdown",
        "referencesTitle": "reference lists", "tableLabel": "tables in Markdown (their scrolling region)",
    ]

    /// - Parameter memo: earlier conversions; a page whose input matches one is not converted again.
    static func run(
        _ graph: SiteGraph, strings: LocaleStrings, explainers: ExplainerStage,
        memo: MarkdownMemo = MarkdownMemo(), pictures settings: PictureStage.Settings
    ) -> Result {
        let options = LocaleOptions(config: graph.config, locales: graph.locales)
        // A borrowed page has its original's Markdown: converted once, links resolved per page.
        let own = graph.pages.indices.filter { !graph.pages[$0].isFallback }
        let conversions = ParallelMap.map(own) { index in
            conversion(of: graph.pages[index], options: options, memo: memo)
        }
        var slots = [Int](repeating: 0, count: graph.pages.count)
        for (position, index) in own.enumerated() { slots[index] = position }
        let slot = slots
        let source = { (index: Int) in slot[graph.pages[index].fallbackOf ?? index] }
        let converted = graph.pages.indices.map { conversions[source($0)].conversion.rendered }
        let readingLevels = graph.pages.indices.map { index in
            graph.pages[index].isFallback ? nil : conversions[slot[index]].conversion.stats
        }
        let embeds = explainers.render(graph, embeds: converted.map(\.embeds), strings: strings)
        let pictures = PictureStage.run(graph, converted: converted, own: own, settings: settings)
        let resolver = LinkResolver(graph: graph, headingAnchors: converted.map { $0.headings.map(\.anchor) })
        let glossary = GlossaryLinks(graph: graph, converted: converted)
        var result = Result(
            bodies: [], converted: converted, readingLevels: readingLevels, explainerStates: embeds.states,
            memo: MarkdownMemo(conversions),
            kept: Kept(
                embedHTML: embeds.html, embedDiagnostics: embeds.diagnostics, pictures: pictures, pageDiagnostics: [],
                readingDiagnostics: [],
                options: options, allowsRemotePictures: graph.config.allowsRemotePictures, resolver: resolver,
                glossary: glossary, strings: strings, shared: []
            )
        )
        // Links, glossary terms and citations once per source, shared by its borrowed copies.
        let ownPages = ParallelMap.map(own) { [result] index in
            result.checked(index, page: graph.pages[index], conversion: conversions[slot[index]], graph: graph)
        }
        result.kept.shared = graph.pages.indices.map { ownPages[source($0)].fill }
        result.kept.readingDiagnostics = graph.pages.indices.map {
            graph.pages[$0].isFallback ? nil : ownPages[slot[$0]].readingDiagnostic
        }
        let finished = ParallelMap.map(Array(graph.pages.indices)) { [result] index in
            // A page that is only linked to has no body to write.
            guard graph.pages[index].isPublished else { return (body: PageBody.empty, diagnostics: [Diagnostic]()) }
            return result.kept.finish(
                index, page: graph.pages[index], rendered: converted[index], shared: result.kept.shared[index])
        }
        result.bodies = finished.map(\.body)
        result.kept.pageDiagnostics = graph.pages.indices.map { index in
            finished[index].diagnostics + (graph.pages[index].isFallback ? [] : ownPages[slot[index]].diagnostics)
        }
        return result
    }

    /// Where a page's own body links, its glossary terms and citations,
    /// resolved once for it and its borrowed copies; and the problems found.
    fileprivate static func sharedFill(
        _ index: Int, page: PageNode, rendered: RenderedMarkdown, resolver: LinkResolver, glossary: GlossaryLinks,
        strings: LocaleStrings, pictures: PictureStage, allowsRemotePictures: Bool
    ) -> (fill: PageBody.SharedFill, diagnostics: [Diagnostic]) {
        let base = page.source.bodyLocation
        var diagnostics = URLCheck.diagnostics(rendered, body: base, allowsRemotePictures: allowsRemotePictures)
        let fileURLs = index < pictures.linkURLs.count ? pictures.linkURLs[index] : [:]
        let targets = rendered.internalLinks.enumerated().map { number, link -> LinkTarget? in
            // A file: the picture stage resolved it (and reported it if it does not resolve).
            if FileIndex.isFileReference(link.destination) { return fileURLs[number].map { .file(url: $0) } }
            switch resolver.target(link.destination, from: index) {
            case .success(let target):
                return .page(target)
            case .failure(let problem) where problem.followsFromAnotherError:
                return nil
            case .failure(let problem):
                diagnostics.append(
                    .error(
                        base.within(line: link.position.line, column: link.position.column),
                        problem.message))
                return nil
            }
        }
        // References are in the content's language: the list's heading too.
        let title = strings.strings(for: page.source.locale)["referencesTitle"] ?? ""
        let cited = Citations.fill(rendered.citations, page: page.source, title: title)
        let tags = rendered.termUses.map { glossary.tags(term: $0, contentLocale: page.source.locale) }
        let images = index < pictures.imageHTML.count ? pictures.imageHTML[index] : []
        let fill = PageBody.SharedFill(
            linkTargets: targets, imageHTML: images.count == rendered.images.count ? images : [], termTags: tags,
            citationHTML: cited.html, referenceList: cited.list)
        return (fill, diagnostics + cited.diagnostics)
    }

    /// The Markdown of pages as loaded, converted before the site is
    /// resolved (the builder runs it beside the resolver): a memo `run` finds
    /// every page's conversion in. Only the locales' settings are needed.
    /// - Parameter memo: earlier conversions; a page whose input matches one is not converted again.
    public static func convert(
        _ pages: [SourcePage], config: SiteConfig, locales: LocaleTable,
        memo: MarkdownMemo = MarkdownMemo()
    ) -> MarkdownMemo {
        let options = LocaleOptions(config: config, locales: locales)
        let conversions = ParallelMap.map(pages) { page in
            convert(
                body: page.body, language: page.locale,
                options: options.options(locale: page.locale, isGlossary: false), memo: memo)
        }
        return MarkdownMemo(conversions)
    }

    /// A page's Markdown through cmark-gfm and the reading-level score, or the memo's copy.
    fileprivate static func conversion(
        of page: PageNode, options: LocaleOptions, memo: MarkdownMemo
    ) -> (input: ConversionInput, conversion: MarkdownConversion) {
        convert(body: page.source.body, language: page.locale, options: options.options(for: page), memo: memo)
    }

    private static func convert(
        body: String, language: String, options: (options: MarkdownOptions, fingerprint: Fingerprint),
        memo: MarkdownMemo
    ) -> (input: ConversionInput, conversion: MarkdownConversion) {
        let input = ConversionInput(body: body, language: language, options: options.fingerprint)
        if let known = memo[input] { return (input, known) }
        var rendered = MarkdownConverter.convert(
            body, options: options.options, reservedAnchors: templateAnchors, isInternal: LinkDestination.isInternal)
        // Score the prose now and drop the texts: kept for every page they cost ~10 % of peak memory.
        let stats = ReadingLevelCheck.stats(rendered.proseText, language: language)
        rendered.proseText = ""
        return (input, MarkdownConversion(rendered: rendered, words: stats.words, level: stats.level))
    }

    /// Each locale's Markdown options, hashed once (with and without glossary terms), not once per page.
    fileprivate struct LocaleOptions: Sendable {
        private var byLocale: [String: (options: MarkdownOptions, withTerms: Fingerprint, withoutTerms: Fingerprint)] =
            [:]

        /// Both the conversion beside the resolver and `run` make these, and their fingerprints must
        /// agree for `run` to find the first's conversions: one initialiser, one way to read strings.
        init(config: SiteConfig, locales: LocaleTable) {
            // A string of a locale, as its fallback chain gives it (as `LocaleStrings` does).
            func text(_ key: String, _ locale: LocaleConfig) -> String? {
                locale.strings[key]
                    ?? locales.stringSource(key, for: locale, defaultLocale: config.defaultLocale)?.strings[key]
            }
            for locale in locales {
                let options = MarkdownOptions(
                    smartPunctuation: config.smartPunctuation, unsafeHTML: config.unsafeHTML,
                    footnoteLabels: FootnoteLabels(
                        title: text("footnotesTitle", locale) ?? "", backLink: text("backToContent", locale) ?? ""),
                    embedLanguages: [ExplainerStage.language],
                    terms: locale.termPatterns, collectsPlainText: false,
                    tableLabel: text("tableLabel", locale) ?? ""
                )
                var withoutTerms = options
                withoutTerms.terms = []
                byLocale[locale.tag] = (
                    options, MarkdownStage.optionsKey(options), MarkdownStage.optionsKey(withoutTerms)
                )
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

    /// The memo input of `page`'s conversion: everything it reads, the body,
    /// the options and the language its reading level is scored in.
    fileprivate static func conversionInput(_ page: PageNode, options: LocaleOptions) -> ConversionInput {
        ConversionInput(body: page.source.body, language: page.locale, options: options.options(for: page).fingerprint)
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

extension MarkdownStage.Result {
    /// Page `index`'s own Markdown (as `page` now has it) converted and
    /// checked against this run's site, as `run` does for each page.
    public func convert(_ index: Int, page: PageNode, graph: SiteGraph) -> MarkdownStage.ConvertedPage {
        checked(
            index, page: page,
            conversion: MarkdownStage.conversion(of: page, options: kept.options, memo: memo), graph: graph)
    }

    /// Links, terms and citations of a converted page, and its problems.
    fileprivate func checked(
        _ index: Int, page: PageNode, conversion: (input: ConversionInput, conversion: MarkdownConversion),
        graph: SiteGraph
    ) -> MarkdownStage.ConvertedPage {
        let own = MarkdownStage.sharedFill(
            index, page: page, rendered: conversion.conversion.rendered, resolver: kept.resolver,
            glossary: kept.glossary, strings: kept.strings, pictures: kept.pictures,
            allowsRemotePictures: kept.allowsRemotePictures
        )
        return MarkdownStage.ConvertedPage(
            index: index, input: conversion.input, conversion: conversion.conversion, fill: own.fill,
            diagnostics: own.diagnostics,
            readingDiagnostic: ReadingLevelCheck.diagnostic(
                page, stats: conversion.conversion.stats, config: graph.config)
        )
    }

    /// The body of page `shown` (the converted page itself, or a borrowed copy of it).
    public func finish(_ shown: Int, page: PageNode, from converted: MarkdownStage.ConvertedPage)
        -> MarkdownStage.FinishedPage
    {
        let finished = kept.finish(shown, page: page, rendered: converted.conversion.rendered, shared: converted.fill)
        let diagnostics = finished.diagnostics + (shown == converted.index ? converted.diagnostics : [])
        return MarkdownStage.FinishedPage(
            index: shown, rendered: converted.conversion.rendered, shared: converted.fill, body: finished.body,
            diagnostics: diagnostics)
    }

    /// What other pages and files show of page `index` now (see `ConvertedPage.outline`).
    public func outline(of index: Int) -> PageOutline { PageOutline(converted[index]) }

    /// Whether page `index`'s explainer blocks had problems (which the state grid reflects).
    public func hasEmbedProblems(in file: String) -> Bool {
        kept.embedDiagnostics.contains { $0.location.file == file }
    }

    /// Page `index`'s problems: its body's and its reading level's.
    public func diagnostics(of index: Int) -> [Diagnostic] {
        kept.pageDiagnostics[index] + (kept.readingDiagnostics[index].map { [$0] } ?? [])
    }

    /// Keeps a converted page in place of what the run had for it; `replacing`
    /// is the page as it was, whose memo entry goes (or a long preview would
    /// keep every version of the page).
    public mutating func store(_ page: MarkdownStage.ConvertedPage, replacing old: PageNode) {
        let oldInput = MarkdownStage.conversionInput(old, options: kept.options)
        if oldInput != page.input { memo[oldInput] = nil }
        memo[page.input] = page.conversion
        readingLevels[page.index] = page.conversion.stats
        kept.readingDiagnostics[page.index] = page.readingDiagnostic
    }

    /// Keeps a finished body in place of what the run had for its page.
    public mutating func store(_ page: MarkdownStage.FinishedPage) {
        converted[page.index] = page.rendered
        kept.shared[page.index] = page.shared
        bodies[page.index] = page.body
        kept.pageDiagnostics[page.index] = page.diagnostics
    }
}

extension MarkdownStage.Kept {
    /// Page `index`'s body, every hole filled for it, and its problems.
    fileprivate func finish(_ index: Int, page: PageNode, rendered: RenderedMarkdown, shared: PageBody.SharedFill) -> (
        body: PageBody, diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        let base = page.source.bodyLocation
        func location(_ position: SourcePosition) -> SourceLocation {
            base.within(line: position.line, column: position.column)
        }
        // A borrowed copy links where its original does, in the copy's locale.
        let urls = shared.linkTargets.map { target -> String in
            switch target {
            case nil: return ""
            case .file(let url): return url
            case .page(let target):
                return resolver.url(
                    of: page.isFallback ? resolver.target(target, inLocale: page.locale) : target, on: index)
            }
        }
        for image in rendered.images where image.altText.trimmed.isEmpty {
            diagnostics.append(
                .error(
                    location(image.position),
                    "image '\(image.source)' has no alt text: describe it, as in ![A TENS unit with two "
                        + "pads](tens.jpg)"
                ))
        }
        var previousLevel = 1
        for heading in rendered.headings {
            if heading.level == 1 {
                diagnostics.append(
                    .error(
                        location(heading.position),
                        "a level-1 heading ('# \(heading.text)') in the body: the page title is the page's only h1; "
                            + "use '##'"
                    ))
            } else if heading.level > previousLevel + 1 {
                let marks = String(repeating: "#", count: heading.level)
                diagnostics.append(
                    .warning(
                        location(heading.position),
                        "heading level skipped: '\(marks) \(heading.text)' follows a level-\(previousLevel) "
                            + "heading; use '\(String(repeating: "#", count: previousLevel + 1))'"
                    ))
            }
            previousLevel = heading.level
        }
        let body = PageBody(markdown: rendered, linkURLs: urls, embedHTML: embedHTML[index], shared: shared)
        // A borrowed page's problems are its original's, reported there once.
        return (body, page.isFallback ? [] : diagnostics)
    }
}
