public import Foundation
public import SiteModel
import SiteSupport

extension ContentLoader {
    /// Reads and parses every page on all cores; output order follows input order.
    /// - Returns: the pages to build; the pages left out, drafts and pages with errors (a link to one
    ///   then says why, or stays quiet); and diagnostics.
    static func parsePages(_ sources: [PageSource], includeDrafts: Bool, limits: PageLimits) -> ParsedPages {
        let results = ParallelMap.map(sources) { source in parsePage(source, limits: limits) }
        var parsed = ParsedPages()
        for (source, result) in zip(sources, results) {
            parsed.diagnostics += result.diagnostics
            guard let page = result.value, !result.diagnostics.hasErrors else {
                parsed.leftOut.append(LeftOutPage(brokenAt: source.relativePath, locale: source.locale))
                continue
            }
            if includeDrafts || !page.frontMatter.draft {
                parsed.pages.append(page)
            } else {
                parsed.leftOut.append(LeftOutPage(page))
            }
        }
        return parsed
    }

    /// Every page read, sorted into those to build and those left out.
    struct ParsedPages {
        var pages: [SourcePage] = []
        /// Drafts, and pages with errors.
        var leftOut: [LeftOutPage] = []
        var diagnostics: [Diagnostic] = []
    }

    static func parsePage(_ source: PageSource, limits: PageLimits) -> Decoded<SourcePage> {
        let maxBytes = limits.maxBytes
        // Checked before reading (with the size the folder listing found), so a
        // multi-gigabyte file is never loaded.
        if source.size > maxBytes {
            let message =
                "page is \(megabytes(source.size)) MB; pages may be at most \(megabytes(maxBytes)) MB (split it, or "
                + "raise 'maxPageMegabytes' in site.yml)"
            return .failed([.error(SourceLocation(file: source.file), message)])
        }
        switch readBytes(source.path, file: source.file) {
        case .failure(let failure): return .failed(failure.diagnostics)
        case .success(let data):
            return parsePage(
                data, locale: source.locale, relativePath: source.relativePath, file: source.file, limits: limits)
        }
    }

    /// One page from its bytes, as `load` reads each file: decoding, front
    /// matter and body. Public for the fuzz target, which has no disk.
    /// - Parameters:
    ///   - relativePath: the path under the locale folder (`therapies/tens.md`).
    ///   - file: how the file is named in diagnostics (`Content/en/therapies/tens.md`).
    public static func parsePage(
        _ data: [UInt8], locale: String, relativePath: String, file: String, limits: PageLimits = .defaults
    ) -> Decoded<SourcePage> {
        let split: SplitDocument
        switch TextDecoding.decode(data, file: file).flatMap({ FrontMatterSplitter.split($0, file: file) }) {
        case .failure(let failure): return .failed(failure.diagnostics)
        case .success(let value): split = value
        }
        let decoded = FrontMatterDecoder.decode(split, file: file)
        var diagnostics = decoded.diagnostics
        guard let frontMatter = decoded.value else { return .failed(diagnostics) }
        if !frontMatter.draft, let placeholder = placeholder(in: split, file: file) { diagnostics.append(placeholder) }
        let bodyLocation = SourceLocation(file: file, line: split.bodyFirstLine, column: 1)
        diagnostics += TableBudget.problems(in: split.body, at: bodyLocation, limits: limits)
        let fileName = PathSegments.last(of: relativePath).map(String.init) ?? relativePath
        let kind: SourcePage.Kind = fileName != "_index.md" ? .topic : (relativePath == "_index.md" ? .home : .section)
        let page = SourcePage(
            locale: locale, relativePath: relativePath, kind: kind, frontMatter: frontMatter,
            body: split.body, bodyLocation: bodyLocation
        )
        return Decoded(page, diagnostics: diagnostics)
    }
}

/// The first scaffold placeholder (`[[TODO: …]]`) of a page that is no longer a draft.
private func placeholder(in split: SplitDocument, file: String) -> Diagnostic? {
    let yamlStart = SourceLocation(file: file, line: split.yamlFirstLine)
    let bodyStart = SourceLocation(file: file, line: split.bodyFirstLine)
    let found =
        ScaffoldPlaceholder.firstMark(in: split.yaml).map { yamlStart.within(line: $0.line, column: $0.column) }
        ?? ScaffoldPlaceholder.firstMark(in: split.body).map { bodyStart.within(line: $0.line, column: $0.column) }
    guard let found else { return nil }
    return .error(
        found,
        "the page still holds a placeholder of 'spinesite new topic': \(ScaffoldPlaceholder.advice) "
            + "('draft: true')")
}

private func megabytes(_ bytes: Int) -> String {
    let value = Double(bytes) / (1024 * 1024)
    return value >= 10 || value == value.rounded() ? String(Int(value.rounded())) : String(format: "%.1f", value)
}

/// Orders locales: `locales:` from site.yml if given, else default first then by tag.
enum LocaleOrder {
    static func order(_ locales: [LocaleConfig], config: SiteConfig, diagnostics: inout [Diagnostic]) -> [LocaleConfig]
    {
        let byTag = Dictionary(locales.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first })
        if byTag[config.defaultLocale] == nil {
            diagnostics.append(
                .error(
                    config.location,
                    "site.yml: defaultLocale '\(config.defaultLocale)' has no folder "
                        + "Content/\(config.defaultLocale)/ with a locale.yml"
                ))
        }
        guard !config.localeOrder.isEmpty else {
            return locales.sorted { lhs, rhs in
                let lhsDefault = lhs.tag == config.defaultLocale
                let rhsDefault = rhs.tag == config.defaultLocale
                return lhsDefault != rhsDefault ? lhsDefault : lhs.tag < rhs.tag
            }
        }
        for tag in config.localeOrder where byTag[tag] == nil {
            diagnostics.append(
                .error(config.location, "site.yml: locale '\(tag)' in 'locales' has no folder with a locale.yml"))
        }
        for locale in locales where !config.localeOrder.contains(locale.tag) {
            diagnostics.append(
                .warning(
                    locale.location, "locale '\(locale.tag)' is not listed in site.yml 'locales'; it is built last"))
        }
        let listed = config.localeOrder.compactMap { byTag[$0] }
        return listed + locales.filter { !config.localeOrder.contains($0.tag) }
    }
}
