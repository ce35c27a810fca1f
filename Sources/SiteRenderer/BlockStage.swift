import CommonMark
import SiteModel
import SiteResolver
import SiteSupport

/// Shared blocks on pages: each block's Markdown converted once, in its own language; the checks
/// of every ```` ```block ```` fence (the name, cycles, `requiredBlocks`); and, per page that
/// places blocks, their HTML in the reader's locale, wrapped and joined to the page's citations.
struct BlockStage: Sendable {
    /// Per block of `SiteGraph.blocks`: its Markdown as converted, prose kept for reading levels.
    private var rendered: [RenderedMarkdown] = []
    private var sources: [SourceBlock] = []
    private var byName: [String: [String: Int]] = [:]
    private var stale: Set<Int> = []
    /// Per locale: itself, its fallback chain, the default locale.
    private var chains: [String: [String]] = [:]
    private var directions: [String: TextDirection] = [:]
    /// Per locale, the notice shown above a block it lacks (or whose translation is stale).
    private var notices: [String: String] = [:]
    /// Fences naming no block, cycles, pages lacking required blocks: each reported once.
    private(set) var diagnostics: [Diagnostic] = []

    static let noticeKey = "blockNotice"

    static func isPlacement(_ embed: Embed) -> Bool { embed.language == SourceBlock.fenceLanguage }

    /// The name a fence holds: exactly one non-blank line.
    static func name(in embed: Embed) -> String? {
        let lines = embed.source.split(separator: "\n").map(\.trimmed).filter { !$0.isEmpty }
        return lines.count == 1 && !lines[0].contains(" ") ? lines[0] : nil
    }

    /// The strings blocks need, when the site has any.
    static func usedStrings(_ graph: SiteGraph) -> [String: String] {
        graph.blocks.isEmpty ? [:] : [noticeKey: "shared blocks shown untranslated"]
    }

    init() {}

    /// - Parameter pages: every page's converted Markdown (a borrowed page: its original's).
    init(_ graph: SiteGraph, pages: [RenderedMarkdown], options: LocaleOptions, strings: LocaleStrings) {
        let placing = graph.pages.indices.filter { index in
            !graph.pages[index].isFallback && pages[index].embeds.contains(where: Self.isPlacement)
        }
        guard !graph.blocks.isEmpty || !placing.isEmpty || !graph.config.requiredBlocks.isEmpty else { return }
        sources = graph.blocks.map(\.source)
        byName = graph.blocksByName
        stale = Set(graph.blocks.indices.filter { graph.blocks[$0].translationStatus == .stale })
        for locale in graph.locales {
            chains[locale.tag] = [locale.tag] + locale.fallbackChain + [graph.config.defaultLocale]
            directions[locale.tag] = locale.direction
            notices[locale.tag] = strings.strings(for: locale.tag)[Self.noticeKey] ?? ""
        }
        rendered = ParallelMap.map(sources) { block in
            MarkdownConverter.convert(
                block.body, options: options.options(locale: block.locale, isGlossary: false).options,
                reservedAnchors: MarkdownStage.templateAnchors, isInternal: LinkDestination.isInternal)
        }
        for index in placing {
            let page = graph.pages[index].source
            checkNames(pages[index].embeds, at: page.bodyLocation, locale: page.locale, graph: graph)
        }
        for (index, block) in sources.enumerated() {
            checkNames(rendered[index].embeds, at: block.bodyLocation, locale: block.locale, graph: graph)
            for heading in rendered[index].headings where heading.level == 1 {
                diagnostics.append(
                    .error(
                        block.bodyLocation.within(line: heading.position.line, column: heading.position.column),
                        "a level-1 heading ('# \(heading.text)') in a block: the page title is the page's only h1; "
                            + "use '##' or lower"))
            }
        }
        checkCycles()
        checkRequired(graph, pages: pages)
    }

    /// The block a reader of `locale` sees for `name` (see `SiteGraph.block(named:forReader:)`).
    func block(named name: String, forReader locale: String) -> Int? {
        for tag in chains[locale] ?? [locale] {
            if let index = byName[tag]?[name], !stale.contains(index) { return index }
        }
        return nil
    }

    /// Every block name a page in `locale` places, through the blocks it places too.
    func placedNames(_ embeds: [Embed], locale: String) -> [String] {
        var names: [String] = []
        var pending = embeds.filter(Self.isPlacement).compactMap(Self.name(in:))
        while let name = pending.first {
            pending.removeFirst()
            guard !names.contains(name) else { continue }
            names.append(name)
            if let index = block(named: name, forReader: locale) {
                pending += rendered[index].embeds.filter(Self.isPlacement).compactMap(Self.name(in:))
            }
        }
        return names
    }

    /// The running text of the blocks a page of `locale` places (for its reading level).
    func prose(of embeds: [Embed], locale: String) -> [String] {
        placedNames(embeds, locale: locale).compactMap { block(named: $0, forReader: locale) }.map {
            rendered[$0].proseText
        }
    }

    /// The headings of the blocks a page of `locale` places (for the search index).
    func headings(of embeds: [Embed], locale: String) -> [Heading] {
        placedNames(embeds, locale: locale).compactMap { block(named: $0, forReader: locale) }.flatMap {
            rendered[$0].headings
        }
    }

    func source(_ index: Int) -> SourceBlock { sources[index] }
    func converted(_ index: Int) -> RenderedMarkdown { rendered[index] }
    func direction(of locale: String) -> TextDirection { directions[locale] ?? .ltr }
    func notice(for locale: String) -> String? { notices[locale] }

    // MARK: Checks

    private mutating func checkNames(_ embeds: [Embed], at base: SourceLocation, locale: String, graph: SiteGraph) {
        for embed in embeds where Self.isPlacement(embed) {
            let location = base.within(line: embed.position.line, column: embed.position.column)
            guard let name = Self.name(in: embed) else {
                diagnostics.append(
                    .error(
                        location,
                        "a ```block fence holds one block name on one line, like 'safety/implanted-devices'"))
                continue
            }
            guard block(named: name, forReader: locale) == nil, !graph.brokenBlocks.contains(name) else { continue }
            let known = graph.blockNames(visibleFrom: locale)
            let hint = Suggestion.closestID(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.append(
                .error(
                    location,
                    "no block '\(name)': no Content/\(locale)/\(SourceBlock.folder)/\(name).md"
                        + (locale == graph.config.defaultLocale
                            ? "" : " or Content/\(graph.config.defaultLocale)/\(SourceBlock.folder)/\(name).md")
                        + hint))
        }
    }

    /// A block that places itself, directly or through others: an error at the fence that closes
    /// the loop, with the chain of names.
    private mutating func checkCycles() {
        var reported: Set<Set<String>> = []
        for start in sources.indices {
            var path = [start]
            var fences: [Embed] = []
            walk(&path, &fences, reported: &reported)
        }
    }

    private mutating func walk(_ path: inout [Int], _ fences: inout [Embed], reported: inout Set<Set<String>>) {
        let current = path.last!
        let locale = sources[current].locale
        for embed in rendered[current].embeds where Self.isPlacement(embed) {
            guard let name = Self.name(in: embed), let next = block(named: name, forReader: locale) else { continue }
            if let loop = path.firstIndex(where: { sources[$0].name == sources[next].name }) {
                let names = path[loop...].map { sources[$0].name } + [name]
                guard loop == 0, reported.insert(Set(names)).inserted else { continue }
                diagnostics.append(
                    .error(
                        sources[current].bodyLocation.within(line: embed.position.line, column: embed.position.column),
                        "a block places itself: \(names.joined(separator: " -> "))"))
                continue
            }
            guard path.count < 64 else { continue }
            path.append(next)
            walk(&path, &fences, reported: &reported)
            path.removeLast()
        }
    }

    /// Each topic page of a section in `requiredBlocks` places each of its blocks (a borrowed page
    /// has its original's text, checked there).
    private mutating func checkRequired(_ graph: SiteGraph, pages: [RenderedMarkdown]) {
        let defaultLocale = graph.config.defaultLocale
        for required in graph.config.requiredBlocks {
            let section = required.section.value
            let names = required.blocks.map(\.value).filter { byName[defaultLocale]?[$0] != nil }
            let exempt = Set(required.except.map(\.value))
            for (index, page) in graph.pages.enumerated()
            where !page.isFallback && page.source.kind == .topic && !page.source.isSynthesized
                && !exempt.contains(page.id)
                && (page.source.folder == section || page.source.folder.hasPrefix(section + "/"))
            {
                let placed = Set(placedNames(pages[index].embeds, locale: page.locale))
                let missing = names.filter { !placed.contains($0) }
                guard !missing.isEmpty else { continue }
                diagnostics.append(
                    .error(
                        SourceLocation(file: page.source.file, line: 1, column: 1),
                        "the page does not place the required block"
                            + (missing.count == 1 ? " " : "s ")
                            + missing.map { "'\($0)'" }.joined(separator: ", ")
                            + " (site.yml requiredBlocks: \(section)); add a ```block fence naming each"))
            }
        }
    }
}
