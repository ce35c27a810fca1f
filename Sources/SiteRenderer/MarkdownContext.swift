import CommonMark
import Foundation
import Readability
import SiteModel
import SiteResolver
import SiteSupport
import SiteWideOutputs

/// What single pages are converted and finished against: the site's links,
/// glossary, strings, pictures and explainer HTML, and each locale's Markdown
/// options. A render makes it once; a session keeps it to render a page again.
struct MarkdownContext: Sendable {
    /// Per page, each explainer block's HTML in the page's locale.
    let embedHTML: [[String]]
    var pictures: PictureStage
    let options: LocaleOptions
    /// `site.yml`'s `remotePictures: allow`.
    let allowsRemotePictures: Bool
    let resolver: LinkResolver
    let glossary: GlossaryLinks
    let strings: LocaleStrings
    /// The shared blocks pages place.
    let blocks: BlockStage

    /// The pictures and files the pages use, by output path, handed over once to be written: the
    /// context is kept between the preview's saves, which never need these bytes again.
    mutating func takePublishedFiles() -> [String: Data] {
        defer { pictures.outputs = [:] }
        return pictures.outputs
    }

    /// What link previews of page `index` show: its own picture (a borrowed copy: its
    /// original's), else the site's.
    func socialImage(of index: Int, in graph: SiteGraph) -> OpenGraphImage? {
        pictures.socialImages[graph.pages[index].fallbackOf ?? index] ?? pictures.siteImage
    }

    /// The site's link-preview picture, for pages without content of their own.
    var siteImage: OpenGraphImage? { pictures.siteImage }

    /// Page `index`'s own Markdown (as `page` has it) converted, or found in
    /// `memo`, and checked against the site, as `MarkdownStage.run` does for each page.
    func convert(_ index: Int, page: PageNode, graph: SiteGraph, memo: MarkdownMemo) -> MarkdownStage.ConvertedPage {
        checked(
            index, page: page, conversion: MarkdownStage.conversion(of: page, options: options, memo: memo),
            graph: graph)
    }

    /// Links, terms and citations of a converted page, and its problems.
    func checked(
        _ index: Int, page: PageNode, conversion: MarkdownMemo.Entry, graph: SiteGraph
    ) -> MarkdownStage.ConvertedPage {
        let own = sharedFill(index, page: page, rendered: conversion.conversion.rendered)
        let reading = reading(page, conversion: conversion.conversion, config: graph.config)
        return MarkdownStage.ConvertedPage(
            index: index, input: conversion.input, conversion: conversion.conversion, fill: own.fill,
            diagnostics: own.diagnostics, readingStats: reading.stats, readingDiagnostic: reading.diagnostic
        )
    }

    /// A page's reading level and its warning: a page placing shared blocks is read with their text
    /// (in its locale) as its own.
    private func reading(_ page: PageNode, conversion: MarkdownConversion, config: SiteConfig) -> PageReading {
        let rendered = conversion.rendered
        guard rendered.embeds.contains(where: BlockStage.isPlacement) else {
            return PageReading(
                stats: conversion.stats,
                diagnostic: ReadingLevelCheck.diagnostic(page, stats: conversion.stats, config: config))
        }
        let prose = ([rendered.proseText] + blocks.prose(of: rendered.embeds, locale: page.locale))
            .joined(separator: "\n")
        let stats = ReadingLevelCheck.stats(prose, language: page.locale)
        return PageReading(stats: stats, diagnostic: ReadingLevelCheck.diagnostic(page, stats: stats, config: config))
    }

    /// The body of page `shown` (the converted page itself, or a borrowed copy of it).
    func finish(_ shown: Int, page: PageNode, from converted: MarkdownStage.ConvertedPage)
        -> MarkdownStage.FinishedPage
    {
        let finished = finish(shown, page: page, rendered: converted.conversion.rendered, shared: converted.fill)
        let diagnostics = finished.diagnostics + (shown == converted.index ? converted.diagnostics : [])
        return MarkdownStage.FinishedPage(
            index: shown, rendered: converted.conversion.rendered, shared: converted.fill, body: finished.body,
            diagnostics: diagnostics)
    }

    /// Where a page's own body links, its glossary terms and citations,
    /// resolved once for it and its borrowed copies; and the problems found.
    private func sharedFill(_ index: Int, page: PageNode, rendered: RenderedMarkdown) -> CheckedFill {
        let base = page.source.bodyLocation
        var diagnostics = URLCheck.diagnostics(rendered, body: base, allowsRemotePictures: allowsRemotePictures)
        let fileURLs = index < pictures.linkURLs.count ? pictures.linkURLs[index] : [:]
        // The folder `.md` links are read from, cut once for all the page's links.
        let folder = PathSegments.of(page.source.folder).map(String.init)
        let targets = rendered.internalLinks.enumerated().map { number, link -> LinkTarget? in
            // A file: the picture stage resolved it (and reported it if it does not resolve).
            if FileIndex.isFileReference(link.destination) { return fileURLs[number].map { .file(url: $0) } }
            if link.destination.hasPrefix(LinkDestination.generatedScheme) {
                switch resolver.generatedURL(link.destination, locale: page.locale) {
                case .success: return .generated(link.destination)
                case .failure(let problem):
                    diagnostics.append(
                        .error(base.within(line: link.position.line, column: link.position.column), problem.message))
                    return nil
                }
            }
            switch resolver.target(link.destination, from: index, relativeTo: folder) {
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
        return CheckedFill(fill: fill, diagnostics: diagnostics + cited.diagnostics)
    }

    /// Page `index`'s body, every hole filled for it, and its problems.
    func finish(_ index: Int, page: PageNode, rendered: RenderedMarkdown, shared: PageBody.SharedFill)
        -> CheckedBody
    {
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
            case .generated(let destination):
                return (try? resolver.generatedURL(destination, locale: page.locale).get()) ?? ""
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
        var embeds = embedHTML[index]
        var fill = shared
        if let placed = blocks.place(
            on: index, page: page, rendered: rendered, explainerHTML: embeds, termTags: shared.termTags,
            resolver: resolver, glossary: glossary,
            referencesTitle: strings.strings(for: page.source.locale)["referencesTitle"] ?? "")
        {
            embeds = placed.embedHTML
            fill.termTags = placed.termTags
            fill.referenceList = placed.referenceList
            diagnostics += placed.diagnostics
        }
        let body = PageBody(markdown: rendered, linkURLs: urls, embedHTML: embeds, shared: fill)
        // A borrowed page's problems are its original's, reported there once.
        return CheckedBody(body: body, diagnostics: page.isFallback ? [] : diagnostics)
    }
}

extension MarkdownContext {
    /// A page's reading level and its warning, if it reads harder than its language's target.
    struct PageReading {
        var stats: ProseStats
        var diagnostic: Diagnostic?
    }

    /// Where a page's own body links, its terms and citations, and the problems found resolving them.
    struct CheckedFill {
        var fill: PageBody.SharedFill
        var diagnostics: [Diagnostic]
    }

    /// A page's body, every hole filled, and its problems.
    struct CheckedBody: Sendable {
        var body: PageBody
        var diagnostics: [Diagnostic]

        /// The body of a page that is not published.
        static let empty = CheckedBody(body: .empty, diagnostics: [])
    }
}
