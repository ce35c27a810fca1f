import SiteModel

/// Pages whose files changed in their body alone: the one kind of edit that
/// leaves the graph's shape as it was (URLs, sections, lists, titles), so the
/// graph can be patched instead of resolved again. Only the pages that show
/// the body (the page and its borrowed copies) and the translations whose
/// status it moves are affected.
public struct BodyEdit: Sendable {
    /// The graph with the new bodies and translation statuses.
    public var graph: SiteGraph
    /// The edited pages (their own nodes, not borrowed copies).
    public var edited: [Int]
    /// Borrowed copies of the edited pages: they show the new body too.
    public var copies: [Int]
    /// Translations whose status (current or stale) the edit changed.
    public var restated: [Int]

    /// - Returns: nil unless each source is a page of the graph whose front
    ///   matter, kind and body position are unchanged.
    public static func apply(_ sources: [SourcePage], to old: SiteGraph) -> BodyEdit? {
        var graph = old
        var edited: [Int] = []
        var newSources: [SourcePage] = []
        for source in sources {
            guard let index = old.pagesBySourcePath[source.locale]?[source.relativePath] else { return nil }
            let before = old.pages[index]
            guard !before.isFallback, !before.isGenerated, !before.source.isSynthesized, before.source.locale == source.locale,
                  before.source.kind == source.kind, before.source.frontMatter == source.frontMatter,
                  before.source.bodyLocation == source.bodyLocation else { return nil }
            guard !edited.contains(index) else { return nil }
            edited.append(index)
            newSources.append(source)
        }
        var copies: [Int] = []
        var restated: [Int] = []
        for (index, source) in zip(edited, newSources) {
            graph.pages[index].source = source
            for other in old.pages[index].translations where old.pages[other].fallbackOf == index {
                graph.pages[other].source = source
                copies.append(other)
            }
        }
        for index in edited where old.pages[index].locale == old.config.defaultLocale {
            let digests = (old: TranslationTracker.digest(of: old.pages[index].source), new: TranslationTracker.digest(of: graph.pages[index].source))
            guard digests.old != digests.new else { continue }
            for translation in old.pages[index].translations where old.pages[translation].original == index && !old.pages[translation].isFallback {
                let before = TranslationTracker.assess(translation, in: old, originalDigest: digests.old)
                let after = TranslationTracker.assess(translation, in: graph, originalDigest: digests.new)
                guard before.0 != after.0 else { continue }
                graph.pages[translation].translationStatus = after.0
                if let warning = before.1, let position = graph.warnings.firstIndex(of: warning) { graph.warnings.remove(at: position) }
                if let warning = after.1 { graph.warnings.append(warning) }
                restated.append(translation)
            }
        }
        return BodyEdit(graph: graph, edited: edited, copies: copies, restated: restated)
    }
}
