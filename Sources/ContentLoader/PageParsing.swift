import Foundation
import SiteModel

extension ContentLoader {
    /// Reads and parses every page on all cores; output order follows input order.
    static func parsePages(_ sources: [PageSource], includeDrafts: Bool) -> ([SourcePage], [Diagnostic]) {
        let results = ParallelMap.map(sources) { source in parsePage(source) }
        var pages: [SourcePage] = []
        var diagnostics: [Diagnostic] = []
        for (page, pageDiagnostics) in results {
            diagnostics += pageDiagnostics
            if let page, includeDrafts || !page.frontMatter.draft { pages.append(page) }
        }
        return (pages, diagnostics)
    }

    static func parsePage(_ source: PageSource) -> (SourcePage?, [Diagnostic]) {
        let split: SplitDocument
        switch readText(source.url, file: source.file).flatMap({ FrontMatterSplitter.split($0, file: source.file) }) {
        case .failure(let failure): return (nil, failure.diagnostics)
        case .success(let value): split = value
        }
        let (frontMatter, diagnostics) = FrontMatterDecoder.decode(split, file: source.file)
        guard let frontMatter else { return (nil, diagnostics) }
        let fileName = source.relativePath.split(separator: "/").last!
        let kind: SourcePage.Kind = fileName != "_index.md" ? .topic : (source.relativePath == "_index.md" ? .home : .section)
        let page = SourcePage(
            locale: source.locale, relativePath: source.relativePath, kind: kind, frontMatter: frontMatter,
            body: split.body, bodyLocation: SourceLocation(file: source.file, line: split.bodyFirstLine, column: 1)
        )
        return (page, diagnostics)
    }
}

/// Orders locales: `locales:` from site.yml if given, else default first then by tag.
enum LocaleOrder {
    static func order(_ locales: [LocaleConfig], config: SiteConfig, diagnostics: inout [Diagnostic]) -> [LocaleConfig] {
        let byTag = Dictionary(locales.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first })
        if byTag[config.defaultLocale] == nil {
            diagnostics.append(.error(config.location, "site.yml: defaultLocale '\(config.defaultLocale)' has no folder Content/\(config.defaultLocale)/ with a locale.yml"))
        }
        guard !config.localeOrder.isEmpty else {
            return locales.sorted { lhs, rhs in
                let lhsDefault = lhs.tag == config.defaultLocale, rhsDefault = rhs.tag == config.defaultLocale
                return lhsDefault != rhsDefault ? lhsDefault : lhs.tag < rhs.tag
            }
        }
        for tag in config.localeOrder where byTag[tag] == nil {
            diagnostics.append(.error(config.location, "site.yml: locale '\(tag)' in 'locales' has no folder with a locale.yml"))
        }
        for locale in locales where !config.localeOrder.contains(locale.tag) {
            diagnostics.append(.warning(locale.location, "locale '\(locale.tag)' is not listed in site.yml 'locales'; it is built last"))
        }
        let listed = config.localeOrder.compactMap { byTag[$0] }
        return listed + locales.filter { !config.localeOrder.contains($0.tag) }
    }
}
