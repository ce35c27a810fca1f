public import Foundation
public import SiteModel
import SiteSupport

/// Stage 1: reads `Content/` into `LoadedSite` — configuration, locales and
/// pages with typed front matter. Collects every problem before failing.
public enum ContentLoader {
    /// - Parameters:
    ///   - contentURL: the `Content` folder.
    ///   - displayRoot: how that folder is named in diagnostics (`Content`).
    ///   - includeDrafts: keep pages with `draft: true`.
    ///   - includeUnpublishedLocales: keep locales whose `locale.yml` says `published: false`.
    public static func load(
        contentURL: URL, displayRoot: String, includeDrafts: Bool, includeUnpublishedLocales: Bool = false
    ) throws(BuildFailure) -> LoadedSite {
        let tree = ContentTree(rootURL: contentURL, displayRoot: displayRoot)
        var diagnostics: [Diagnostic] = []
        let top = tree.children(of: "")
        diagnostics += top.diagnostics

        let siteFile = tree.display("site.yml")
        guard top.files.contains(where: { $0.relativePath == "site.yml" }) else {
            throw BuildFailure(
                diagnostics + [
                    .error(
                        SourceLocation(file: siteFile),
                        "site.yml is missing: it names the site's title, baseURL and defaultLocale")
                ])
        }
        let siteConfig = readText("\(tree.rootPath)/site.yml", file: siteFile)
            .decode { SiteConfigDecoder.decode($0, file: siteFile) }
        let config = siteConfig.value
        diagnostics += siteConfig.diagnostics
        for file in top.files where file.relativePath != "site.yml" && !knownTopLevelFiles.contains(file.relativePath)
        {
            diagnostics.append(
                .warning(
                    SourceLocation(file: tree.display(file.relativePath)), "not a locale folder or site.yml; ignored"))
        }

        var locales: [LocaleConfig] = []
        var sources: [PageSource] = []
        var blockSources: [PageSource] = []
        var files: [ContentFile] = []
        // The locale folders read on every core, their results taken in folder order below: one
        // after another, 40 locales' locale.yml files and listings held the build's start to one core.
        let localeTags = top.folders.map(\.relativePath).filter {
            $0 != ContentFile.siteWideFolder && LanguageTag.isValid($0)
        }
        let scannedLocales = Dictionary(
            uniqueKeysWithValues: zip(localeTags, ParallelMap.map(localeTags) { scanLocale($0, tree: tree) }))
        for folder in top.folders {
            let tag = folder.relativePath
            if tag == ContentFile.siteWideFolder {
                let shared = tree.files(under: tag)
                diagnostics += shared.diagnostics
                files += shared.files.map {
                    ContentFile(
                        locale: nil, relativePath: String($0.relativePath.dropFirst(tag.count + 1)), url: $0.url,
                        file: tree.display($0.relativePath))
                }
                continue
            }
            // Every folder with a valid tag was scanned above: one without a scan has none.
            guard let scanned = scannedLocales[tag] else {
                diagnostics.append(
                    .error(
                        SourceLocation(file: tree.display(tag)),
                        "locale folder '\(tag)' is not a BCP 47 language tag (like en, es, ar, pt-BR)"))
                continue
            }
            diagnostics += scanned.diagnostics
            if let locale = scanned.locale { locales.append(locale) }
            // `_blocks/` holds shared blocks, never pages.
            blockSources += scanned.sources.filter { SourceBlock.name(ofRelativePath: $0.relativePath) != nil }
            sources += scanned.sources.filter { SourceBlock.name(ofRelativePath: $0.relativePath) == nil }
            files += scanned.files
        }

        var pulsePresets: SourceText?
        if top.files.contains(where: { $0.relativePath == "pulse-presets.yml" }) {
            let file = tree.display("pulse-presets.yml")
            switch readText("\(tree.rootPath)/pulse-presets.yml", file: file) {
            case .success(let text): pulsePresets = SourceText(file: file, text: text)
            case .failure(let failure): diagnostics += failure.diagnostics
            }
        }

        // A locale in progress is left out whole: no page, switcher entry, hreflang, sitemap line or
        // search entry. Its locale.yml is still checked, and its place in the order and chains.
        let unpublished = Set(
            locales.filter { !$0.published && !includeUnpublishedLocales && $0.tag != config?.defaultLocale }.map(
                \.tag))
        for locale in locales where !locale.published && locale.tag == config?.defaultLocale {
            diagnostics.append(
                .error(
                    locale.location,
                    "locale.yml: the default locale is always published; remove 'published: false'"))
        }
        sources.removeAll { unpublished.contains($0.locale) }
        blockSources.removeAll { unpublished.contains($0.locale) }
        files.removeAll { $0.locale.map(unpublished.contains) ?? false }
        let parsed = parsePages(sources, includeDrafts: includeDrafts, limits: config?.pageLimits ?? .defaults)
        var pageDiagnostics = parsed.diagnostics
        let parsedBlocks = parseBlocks(blockSources, limits: config?.pageLimits ?? .defaults)
        pageDiagnostics += parsedBlocks.diagnostics
        guard let config else { throw BuildFailure(diagnostics + pageDiagnostics) }
        var ordered = LocaleOrder.order(locales, config: config, diagnostics: &diagnostics)
        FallbackChains.resolve(&ordered, defaultLocale: config.defaultLocale, diagnostics: &diagnostics)
        ordered.removeAll { unpublished.contains($0.tag) }
        for index in ordered.indices { ordered[index].fallbackChain.removeAll { unpublished.contains($0) } }
        // Without its configuration and locales no later stage can run; a page with errors is left
        // out instead, so that the other pages' problems are found in the same run.
        if diagnostics.hasErrors { throw BuildFailure(diagnostics + pageDiagnostics) }
        diagnostics += pageDiagnostics
        var site = LoadedSite(
            config: config, locales: ordered, pages: parsed.pages, pulsePresets: pulsePresets,
            warnings: diagnostics.filter { $0.severity != .error }.sorted())
        site.errors = diagnostics.filter { $0.severity == .error }.sorted()
        site.leftOut = parsed.leftOut
        site.files = files
        site.blocks = parsedBlocks.blocks
        site.brokenBlocks = parsedBlocks.broken
        return site
    }

    /// One page read again, as `load` reads it (size limit included): the
    /// preview's fast path for a saved file. Nil unless the folder listing
    /// would take it as a file (anything else takes a full load, which
    /// reports it).
    /// - Parameter relativePath: under the locale folder (`therapies/tens.md`).
    public static func reloadPage(
        contentURL: URL, displayRoot: String, locale: String, relativePath: String, limits: PageLimits
    ) -> Decoded<SourcePage>? {
        let tree = ContentTree(rootURL: contentURL, displayRoot: displayRoot)
        guard let entry = tree.file("\(locale)/\(relativePath)") else { return nil }
        let source = PageSource(
            locale: locale, relativePath: relativePath, path: entry.path, file: tree.display(entry.relativePath),
            size: entry.size)
        return parsePage(source, limits: limits)
    }

    /// Top-level files that other features read; the loader leaves them alone.
    static let knownTopLevelFiles: Set<String> = ["pulse-presets.yml", "README.md"]

    struct PageSource: Sendable {
        var locale: String
        var relativePath: String
        /// On disk.
        var path: String
        var file: String
        /// Bytes when the folder was listed.
        var size: Int
    }

    /// A locale folder as found: its configuration, its Markdown files, and the other files pages may use.
    private struct LocaleFolder {
        var locale: LocaleConfig?
        var sources: [PageSource]
        var files: [ContentFile]
        var diagnostics: [Diagnostic]
    }

    private static func scanLocale(_ tag: String, tree: ContentTree) -> LocaleFolder {
        var diagnostics: [Diagnostic] = []
        let localeFile = tree.display("\(tag)/locale.yml")
        var locale: LocaleConfig?
        let localePath = "\(tree.rootPath)/\(tag)/locale.yml"
        if FileManager.default.fileExists(atPath: localePath) {
            let result = readText(localePath, file: localeFile)
                .decode { LocaleConfigDecoder.decode($0, tag: tag, file: localeFile) }
            locale = result.value
            diagnostics += result.diagnostics
        } else {
            diagnostics.append(
                .error(
                    SourceLocation(file: localeFile),
                    "locale.yml is missing: every locale folder names its language, direction and strings"))
        }
        let glossaryPath = "\(tree.rootPath)/\(tag)/glossary.yml"
        if locale != nil, FileManager.default.fileExists(atPath: glossaryPath) {
            let glossary = readText(glossaryPath, file: tree.display("\(tag)/glossary.yml"))
                .decode { GlossaryDecoder.decode($0, file: tree.display("\(tag)/glossary.yml")) }
            locale?.glossary = glossary.value ?? []
            diagnostics += glossary.diagnostics
        }
        let listing = tree.files(under: tag)
        diagnostics += listing.diagnostics
        var sources: [PageSource] = []
        var others: [ContentFile] = []
        for entry in listing.files {
            let relative = String(entry.relativePath.dropFirst(tag.count + 1))
            let display = tree.display(entry.relativePath)
            if relative == "locale.yml" || knownLocaleFiles.contains(relative) { continue }
            // Anything else is a file the pages may use (a picture, a handout): published if one does.
            guard relative.hasSuffix(".md") else {
                others.append(ContentFile(locale: tag, relativePath: relative, url: entry.url, file: display))
                continue
            }
            if let problem = pathProblem(relative) {
                diagnostics.append(.error(SourceLocation(file: display), problem))
                continue
            }
            sources.append(
                PageSource(locale: tag, relativePath: relative, path: entry.path, file: display, size: entry.size))
        }
        return LocaleFolder(locale: locale, sources: sources, files: others, diagnostics: diagnostics)
    }

    /// Locale files that other features read.
    static let knownLocaleFiles: Set<String> = ["glossary.yml"]

    /// File and folder names become URL segments (a lower-case slug of each) unless a slug replaces them.
    private static func pathProblem(_ relative: String) -> String? {
        var segments = PathSegments.of(relative).map(String.init)
        let fileName = segments.removeLast()
        for folder in segments {
            if let problem = PathSafety.problem(withFileName: folder) { return "folder name \(problem)" }
        }
        let stem = String(fileName.dropLast(3))
        if stem == "_index" { return nil }
        if let problem = PathSafety.problem(withFileName: stem) { return "file name \(problem)" }
        return nil
    }

    static func readText(_ path: String, file: String) -> Result<String, BuildFailure> {
        readBytes(path, file: file).flatMap { TextDecoding.decode($0, file: file) }
    }

    static func readBytes(_ path: String, file: String) -> Result<[UInt8], BuildFailure> {
        guard let bytes = FileBytes.read(path) else {
            return .failure(
                BuildFailure([
                    .error(SourceLocation(file: file), "cannot read file (it may have been removed during the build)")
                ]))
        }
        return .success(bytes)
    }
}

extension Result where Failure == BuildFailure {
    /// Runs a decoder on success; a failure becomes its diagnostics, with no value.
    func decode<T>(with decode: (Success) -> Decoded<T>) -> Decoded<T> {
        switch self {
        case .success(let value): return decode(value)
        case .failure(let failure): return .failed(failure.diagnostics)
        }
    }
}
