import Foundation
import CommonMark
import SiteModel
import SiteResolver

/// Converts every page's Markdown on all cores, then resolves its links
/// against the whole site (anchors of every page are known by then).
enum MarkdownStage {
    /// Ids the templates use; headings never take them.
    static let templateAnchors: Set<String> = ["references", "main", "top", "toc", "breadcrumbs", "related", "site-header", "site-footer", "disclaimer", "languages", "topics"]

    struct Result: Sendable {
        /// Final HTML of each page body, links resolved.
        var bodies: [String]
        var headings: [[Heading]]
        /// Which pages have a pulse explainer (they load its script).
        var hasExplainer: [Bool]
        /// Each page's links to PubMed and doi.org: its citations.
        var citations: [[String]]
        /// Each page's reading level (nil: borrowed or not scored).
        var readingLevels: [ReadingLevelCheck.ProseStats?]
        /// The explainers' shared state grid, if any.
        var explainerStates: (path: String, contents: Data)?
        var diagnostics: [Diagnostic]
        /// This build's conversions, for the next build's memo.
        var conversions: [Fingerprint: MarkdownConversion]
    }

    /// Strings the Markdown HTML needs besides those the templates use.
    static let usedStrings = ["footnotesTitle": "footnotes in Markdown", "backToContent": "footnotes in Markdown", "referencesTitle": "reference lists"]

    /// - Parameter memo: earlier conversions; a page whose input matches one is not converted again.
    static func run(_ graph: SiteGraph, strings: LocaleStrings, explainers: ExplainerStage, memo: [Fingerprint: MarkdownConversion] = [:]) -> Result {
        var optionsByLocale: [String: MarkdownOptions] = [:]
        for locale in graph.locales {
            let text = strings.strings(for: locale.tag)
            optionsByLocale[locale.tag] = MarkdownOptions(
                smartPunctuation: graph.config.smartPunctuation, unsafeHTML: graph.config.unsafeHTML,
                footnoteLabels: FootnoteLabels(title: text["footnotesTitle"] ?? "", backLink: text["backToContent"] ?? ""),
                embedLanguages: [ExplainerStage.language],
                terms: GlossaryLinks.patterns(locale)
            )
        }
        // Each locale's options hashed once (with and without glossary terms), not once per page.
        var optionKeys: [String: (withTerms: Fingerprint, withoutTerms: Fingerprint)] = [:]
        for (tag, options) in optionsByLocale {
            var withoutTerms = options
            withoutTerms.terms = []
            optionKeys[tag] = (optionsKey(options), optionsKey(withoutTerms))
        }
        // A borrowed page has its original's Markdown: converted once, links resolved per page.
        let own = graph.pages.indices.filter { !graph.pages[$0].isFallback }
        let conversions = ParallelMap.map(own) { [optionsByLocale, optionKeys] index -> (key: Fingerprint, conversion: MarkdownConversion) in
            let page = graph.pages[index]
            var options = optionsByLocale[page.locale]!
            var optionsFingerprint = optionKeys[page.locale]!.withTerms
            // The glossary page defines the terms; it does not link them to itself.
            if page.id == GlossaryPages.id, page.source.isSynthesized {
                options.terms = []
                optionsFingerprint = optionKeys[page.locale]!.withoutTerms
            }
            let key = conversionKey(page, options: optionsFingerprint)
            if let known = memo[key] { return (key, known) }
            var rendered = MarkdownConverter.convert(page.source.body, options: options, reservedAnchors: templateAnchors, isInternal: LinkDestination.isInternal)
            // Score the prose now and drop the texts: kept for every page they cost ~10 % of peak memory.
            let stats = ReadingLevelCheck.stats(rendered.proseText, language: page.locale)
            rendered.proseText = ""
            rendered.plainText = ""
            return (key, MarkdownConversion(rendered: rendered, words: stats.words, level: stats.level))
        }
        var slot = [Int](repeating: 0, count: graph.pages.count)
        for (position, index) in own.enumerated() { slot[index] = position }
        let converted = graph.pages.indices.map { index in
            conversions[slot[graph.pages[index].fallbackOf ?? index]].conversion.rendered
        }
        let readingLevels = graph.pages.indices.map { index in
            graph.pages[index].isFallback ? nil : conversions[slot[index]].conversion.stats
        }
        let embeds = explainers.render(graph, embeds: converted.map(\.embeds), strings: strings)
        let resolver = LinkResolver(graph: graph, anchors: converted.map { Set($0.headings.map(\.anchor)) })
        let glossary = GlossaryLinks(graph: graph, converted: converted)
        let resolved = ParallelMap.map(Array(graph.pages.indices)) { index in
            let page = graph.pages[index]
            var (html, diagnostics) = finish(converted[index], embeds: embeds.html[index], glossary: glossary, page: page, index: index, resolver: resolver)
            // References are in the content's language: the list's heading too.
            let cited = Citations.apply(to: html, page: page.source, title: strings.strings(for: page.source.locale)["referencesTitle"] ?? "")
            html = cited.html
            if !page.isFallback { diagnostics += cited.diagnostics }
            return (html: html, diagnostics: diagnostics)
        }
        return Result(
            bodies: resolved.map(\.html), headings: converted.map(\.headings), hasExplainer: converted.map { !$0.embeds.isEmpty },
            citations: converted.map { $0.externalLinks.filter(isCitation) }, readingLevels: readingLevels,
            explainerStates: embeds.states,
            diagnostics: embeds.diagnostics + resolved.flatMap(\.diagnostics) + ReadingLevelCheck.diagnostics(graph, scores: readingLevels),
            conversions: Dictionary(conversions.map { ($0.key, $0.conversion) }, uniquingKeysWith: { first, _ in first })
        )
    }

    /// Everything a conversion reads: the body, the options and the language
    /// its reading level is scored in.
    private static func conversionKey(_ page: PageNode, options: Fingerprint) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(page.source.body)
        hasher.combine(page.locale)
        hasher.combine(options)
        return hasher.finalize()
    }

    private static func optionsKey(_ options: MarkdownOptions) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(options.smartPunctuation)
        hasher.combine(options.unsafeHTML)
        hasher.combine(options.footnoteLabels != nil)
        hasher.combine(options.footnoteLabels?.title ?? "")
        hasher.combine(options.footnoteLabels?.backLink ?? "")
        hasher.combine(value: options.embedLanguages.sorted())
        hasher.combine(value: options.terms.map(\.phrases))
        hasher.combine(value: templateAnchors.sorted())
        return hasher.finalize()
    }

    static func isCitation(_ url: String) -> Bool {
        url.hasPrefix("https://pubmed.ncbi.nlm.nih.gov/") || url.hasPrefix("https://doi.org/")
    }

    private static func finish(
        _ markdown: RenderedMarkdown, embeds: [String], glossary: GlossaryLinks, page: PageNode, index: Int, resolver: LinkResolver
    ) -> (html: String, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let base = page.source.bodyLocation
        func location(_ position: SourcePosition) -> SourceLocation {
            SourceLocation(file: base.file, line: base.line + position.line - 1, column: position.column)
        }
        let html = markdown.html(resolvingLinks: { link in
            switch resolver.resolve(link.destination, from: index) {
            case .success(let url):
                return url
            case .failure(let problem):
                diagnostics.append(.error(location(link.position), problem.message))
                return nil
            }
        }, embeds: embeds, terms: { term in
            glossary.tags(term: term, contentLocale: page.source.locale)
        })
        for image in markdown.images where image.altText.trimmed.isEmpty {
            diagnostics.append(.error(location(image.position), "image '\(image.source)' has no alt text: describe it, as in ![A TENS unit with two pads](tens.jpg)"))
        }
        var previousLevel = 1
        for heading in markdown.headings {
            if heading.level == 1 {
                diagnostics.append(.error(location(heading.position), "a level-1 heading ('# \(heading.text)') in the body: the page title is the page's only h1; use '##'"))
            } else if heading.level > previousLevel + 1 {
                let marks = String(repeating: "#", count: heading.level)
                diagnostics.append(.warning(location(heading.position), "heading level skipped: '\(marks) \(heading.text)' follows a level-\(previousLevel) heading; use '\(String(repeating: "#", count: previousLevel + 1))'"))
            }
            previousLevel = heading.level
        }
        // A borrowed page's problems are its original's, reported there once.
        return (html, page.isFallback ? [] : diagnostics)
    }
}
