public import SiteModel
public import SiteResolver

/// Pages whose files changed in their body alone: the one kind of edit that
/// leaves the graph's shape as it was (URLs, sections, lists, titles), so the
/// preview can patch its graph instead of resolving the site again. Only the
/// pages that show the body (the page and its borrowed copies) and the
/// translations whose status it moves are affected.
///
/// Planned apart from being applied, so that a renderer can find the edit's
/// errors before changing anything, and then change the graph in place: a
/// copy of every page would cost more than the rest of the edit.
public struct BodyEdit: Sendable {
    /// Page index → its new source, for the edited pages and their borrowed copies.
    public private(set) var sources: [Int: SourcePage] = [:]
    /// The edited pages (their own nodes, not borrowed copies).
    public private(set) var edited: [Int] = []
    /// Borrowed copies of the edited pages: they show the new body too.
    public private(set) var copies: [Int] = []
    /// Translations whose status (current or stale) the edit moves, and to what.
    public private(set) var statuses: [Int: TranslationStatus] = [:]
    /// The stale-translation warnings the edit takes away and adds.
    public private(set) var removedWarnings: [Diagnostic] = []
    public private(set) var addedWarnings: [Diagnostic] = []

    /// Every page whose template values the edit changes.
    public var affected: [Int] { Set(edited + copies + statuses.keys).sorted() }

    /// - Returns: nil unless each source is a page of the graph whose front
    ///   matter, kind and body position are unchanged.
    public static func plan(_ newSources: [SourcePage], in graph: SiteGraph) -> BodyEdit? {
        var edit = BodyEdit()
        for source in newSources {
            guard let index = graph.pagesBySourcePath[source.locale]?[source.relativePath],
                !edit.edited.contains(index)
            else { return nil }
            let before = graph.pages[index]
            guard !before.isFallback, !before.isGenerated, !before.source.isSynthesized,
                before.source.locale == source.locale,
                before.source.kind == source.kind, before.source.frontMatter == source.frontMatter,
                before.source.bodyLocation == source.bodyLocation
            else { return nil }
            edit.edited.append(index)
            edit.sources[index] = source
            for other in before.translations where graph.pages[other].fallbackOf == index {
                edit.sources[other] = source
                edit.copies.append(other)
            }
            if before.locale == graph.config.defaultLocale {
                edit.restate(translationsOf: index, newSource: source, in: graph)
            }
        }
        return edit
    }

    /// The statuses of `index`'s translations against its new digest.
    private mutating func restate(translationsOf index: Int, newSource: SourcePage, in graph: SiteGraph) {
        let digests = (
            old: TranslationTracker.digest(of: graph.pages[index].source),
            new: TranslationTracker.digest(of: newSource)
        )
        guard digests.old != digests.new else { return }
        for translation in graph.pages[index].translations
        where graph.pages[translation].original == index && !graph.pages[translation].isFallback {
            let before = TranslationTracker.assess(translation, in: graph, originalDigest: digests.old)
            let after = TranslationTracker.assess(translation, in: graph, originalDigest: digests.new)
            guard before.status != after.status else { continue }
            statuses[translation] = after.status
            if let warning = before.warning { removedWarnings.append(warning) }
            if let warning = after.warning { addedWarnings.append(warning) }
        }
    }

    /// Page `index` as the edit makes it.
    public func page(_ index: Int, in graph: SiteGraph) -> PageNode {
        var page = graph.pages[index]
        if let source = sources[index] { page.source = source }
        if let status = statuses[index] { page.translationStatus = status }
        return page
    }

    /// The graph's warnings as the edit makes them.
    public func warnings(in graph: SiteGraph) -> [Diagnostic] {
        var warnings = graph.warnings
        for warning in removedWarnings {
            if let position = warnings.firstIndex(of: warning) { warnings.remove(at: position) }
        }
        return warnings + addedWarnings
    }

    /// Makes the edit to `graph`, in place.
    public func apply(to graph: inout SiteGraph) {
        graph.warnings = warnings(in: graph)
        for (index, source) in sources { graph.pages[index].source = source }
        for (index, status) in statuses { graph.pages[index].translationStatus = status }
    }
}
