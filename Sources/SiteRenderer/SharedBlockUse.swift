import CommonMark
public import SiteModel
public import SiteResolver

/// One shared block as `spinesite check` reports it: the pages placing it and its translation
/// state in each locale.
public struct SharedBlockUse: Sendable, Equatable {
    public var name: String
    /// Ids of the pages placing it (directly or through another block), in any locale, sorted.
    public var pages: [String]
    /// Per locale, in the site's order.
    public var states: [LocaleState]

    /// The block's translation state in one locale.
    public struct LocaleState: Sendable, Equatable {
        /// The locale's tag: `es`.
        public var locale: String
        /// `original`, `current`, `stale`, `unstamped` or `missing`.
        public var state: String
    }

    /// `safety/implanted-devices: used by therapies/pns, therapies/tens; en original, es current, ar missing`.
    public var line: String {
        let used = pages.isEmpty ? "used by no page" : "used by \(pages.joined(separator: ", "))"
        return "\(name): \(used); " + states.map { "\($0.locale) \($0.state)" }.joined(separator: ", ")
    }
}

extension RenderSession {
    /// Every block of the default locale (and any other name a locale has), as `check` reports it.
    public var blockUses: [SharedBlockUse] {
        let graph = self.graph
        guard !graph.blocks.isEmpty else { return [] }
        var pagesByName: [String: Set<String>] = [:]
        for (index, page) in graph.pages.enumerated() where !page.isFallback {
            let embeds = markdown.converted[index].embeds
            guard embeds.contains(where: BlockStage.isPlacement) else { continue }
            for name in blocks.placedNames(embeds, locale: page.locale) {
                pagesByName[name, default: []].insert(page.id)
            }
        }
        let names = Set(graph.blocks.map(\.name)).sorted()
        return names.map { name in
            let states = graph.locales.map { locale -> SharedBlockUse.LocaleState in
                guard let index = graph.blocksByName[locale.tag]?[name] else {
                    return SharedBlockUse.LocaleState(locale: locale.tag, state: "missing")
                }
                return SharedBlockUse.LocaleState(
                    locale: locale.tag, state: graph.blocks[index].translationStatus.rawValue)
            }
            return SharedBlockUse(name: name, pages: (pagesByName[name] ?? []).sorted(), states: states)
        }
    }
}
