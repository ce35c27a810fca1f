public import Foundation
public import SiteModel
public import SiteResolver
import SiteSupport
import SiteWideOutputs
public import TemplateEngine

/// `Templates/`: the Mustache layouts and partials, compiled once per build
/// against the values of each page kind, and the assets they use.
public struct Theme: Sendable {
    /// Templates under `cached/` are rendered once per locale, with only the
    /// values every page shares, and included as `{{{cached.NAME}}}`.
    static let cachedPrefix = "cached/"

    /// Each page kind's compiled template.
    let pages: [PageKind: CompiledTemplate]
    /// The `cached/` templates, each with its name.
    let cached: [CachedTemplate]
    /// The keys of each key space the templates were compiled against.
    let keys: [String: Set<String>]
    /// `strings.KEY` names the templates use, with the template that uses it first.
    let usedStrings: [String: String]
    public let assets: [Asset]
    /// `Templates/stemmers/<algorithm>.wasm` by algorithm (`english`): the search page's
    /// Snowball stemmers (`Scripts/build-stemmers.sh`), published only for the site's languages.
    /// A theme without them searches unstemmed in the browser.
    public var stemmers: [String: Asset] = [:]

    /// A template under `cached/`, compiled against the values every page of a locale shares.
    struct CachedTemplate: Sendable {
        /// Its name without the prefix, as templates include it: `{{{cached.NAME}}}`.
        let name: String
        let template: CompiledTemplate
    }

    /// A file from `Templates/assets/`, published under a content-hashed name.
    public struct Asset: Sendable {
        /// `style.css`.
        public var name: String
        /// `assets/style.3f2a9c1b.css`.
        public var outputPath: String
        public var contents: Data
        public init(name: String, outputPath: String, contents: Data) {
            self.name = name
            self.outputPath = outputPath
            self.contents = contents
        }

        /// `style_css`: how templates refer to it (`{{assets.style_css}}`).
        public var key: String {
            name.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")
        }
    }

    /// Reads every `*.mustache` under `templatesURL` and every file in
    /// `assets/`, and compiles each page kind's template. Every problem is
    /// reported, each at its template's line and column.
    /// - Parameters:
    ///   - stringKeys: every key of the locales' `strings:`.
    ///   - kinds: the kinds of page the site publishes: their templates must exist.
    ///   - stringsFiles: the locales' `locale.yml`, the default locale's first: where a string the
    ///     templates name but no locale has is to be added.
    public static func load(
        from templatesURL: URL, displayRoot: String, stringKeys: Set<String>,
        kinds: Set<PageKind> = Set(PageKind.allCases), stringsFiles: [String] = []
    ) throws(BuildFailure) -> Theme {
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]
        let files = (FileManager.default.subpaths(atPath: templatesURL.path) ?? []).sorted()
        for path in files where path.hasSuffix(".mustache") {
            guard let text = try? String(contentsOf: templatesURL.appendingPathComponent(path), encoding: .utf8) else {
                diagnostics.append(
                    .error(SourceLocation(file: "\(displayRoot)/\(path)"), "cannot read template (is it UTF-8?)"))
                continue
            }
            sources[String(path.dropLast(".mustache".count))] = text
        }
        let assets = loadAssets(
            templatesURL.appendingPathComponent("assets"), diagnostics: &diagnostics, displayRoot: displayRoot)
        let stemmers = loadStemmers(
            templatesURL.appendingPathComponent("stemmers"), diagnostics: &diagnostics, displayRoot: displayRoot)
        var theme = try compile(
            sources, assets: assets, readErrors: diagnostics, displayRoot: displayRoot, stringKeys: stringKeys,
            kinds: kinds, stringsFiles: stringsFiles)
        theme.stemmers = stemmers
        return theme
    }

    /// The stemmer of `locale`'s language, if the theme has one.
    public func stemmer(forLocale locale: String) -> Asset? {
        SnowballAlgorithm.forLanguage(locale).flatMap { stemmers[$0] }
    }

    /// The URL of each of `locales`' stemmers, under `basePath`, for the locales that have one.
    func stemmerURLs(locales: [String], basePath: String) -> [String: String] {
        locales.reduce(into: [String: String]()) { urls, locale in
            urls[locale] = stemmer(forLocale: locale).map { basePath + $0.outputPath }
        }
    }

    /// Compiles templates already read (`home`, `partials/head`: paths under `Templates/`
    /// without `.mustache`) with the assets they use, as `load` does.
    /// - Parameter readErrors: the files that could not be read, reported with the rest.
    public static func compile(
        _ sources: [String: String], assets: [Asset] = [], readErrors: [Diagnostic] = [],
        displayRoot: String = "Templates", stringKeys: Set<String>, kinds: Set<PageKind> = Set(PageKind.allCases),
        stringsFiles: [String] = []
    ) throws(BuildFailure) -> Theme {
        var diagnostics = readErrors
        let parsed = TemplateLibrary.parse(sources)
        let (library, parseErrors) = (parsed.library, parsed.errors)
        diagnostics += parseErrors.map { diagnostic($0, displayRoot: displayRoot) }
        let unparsed = Set(parseErrors.map(\.template))
        let cachedNames = library.names.filter { $0.hasPrefix(cachedPrefix) }
        let keys: [String: Set<String>] = [
            KeySpace.strings: stringKeys,
            KeySpace.assets: Set(assets.map(\.key)),
            KeySpace.cached: Set(cachedNames.map { String($0.dropFirst(cachedPrefix.count)) }),
        ]
        var pages: [PageKind: CompiledTemplate] = [:]
        var compileErrors: [TemplateError] = []
        var shared = SharedPageValues.partials
        shared.including = PageKind.allCases.map(\.shape)
        let advice = [KeySpace.strings: stringAdvice(stringsFiles)]
        for kind in PageKind.allCases where !unparsed.contains(kind.templateName) {
            guard library.names.contains(kind.templateName) else {
                if kinds.contains(kind) {
                    diagnostics.append(
                        .error(
                            SourceLocation(file: "\(displayRoot)/\(kind.templateName).mustache"),
                            "template '\(kind.templateName)' is missing"))
                }
                continue
            }
            switch library.compile(kind.templateName, for: kind.shape, keys: keys, shared: shared, keyAdvice: advice) {
            case .success(let template): pages[kind] = template
            case .failure(let failure): compileErrors += failure.errors
            }
        }
        var cached: [CachedTemplate] = []
        for name in cachedNames where !unparsed.contains(name) {
            switch library.compile(name, for: .object(.of(LocaleValues.self)), keys: keys, keyAdvice: advice) {
            case .success(let template):
                cached.append(CachedTemplate(name: String(name.dropFirst(cachedPrefix.count)), template: template))
            case .failure(let failure): compileErrors += failure.errors
            }
        }
        diagnostics += reported(compileErrors, displayRoot: displayRoot)
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        let uses = (pages.values.map(\.usedKeys) + cached.map(\.template.usedKeys)).flatMap { $0 }
        var usedStrings: [String: String] = [:]
        for use in uses.filter({ $0.space == KeySpace.strings }).sorted(by: {
            ($0.template, $0.key) < ($1.template, $1.key)
        }) where usedStrings[use.key] == nil {
            usedStrings[use.key] = "\(displayRoot)/\(use.template).mustache"
        }
        return Theme(pages: pages, cached: cached, keys: keys, usedStrings: usedStrings, assets: assets)
    }

    /// How to define a string no locale has: in the default locale's `locale.yml`, then translated.
    private static func stringAdvice(_ files: [String]) -> @Sendable (String) -> String {
        { key in
            guard let first = files.first else { return "add `\(key): \"…\"` under `strings:` in each locale.yml" }
            let translations = files.dropFirst()
            return "add `\(key): \"…\"` under `strings:` in \(first)"
                + (translations.isEmpty ? "" : ", and its translation in " + translations.joined(separator: ", "))
        }
    }

    /// A mistake in a partial used by several page kinds, once, with the first chain of templates
    /// that includes it: `Templates/partials/tags.mustache:1:1: error: … [included from
    /// Templates/base.mustache:9:1, from Templates/redirect.mustache:1:1]`.
    private static func reported(_ errors: [TemplateError], displayRoot: String) -> [Diagnostic] {
        var order: [TemplateError] = []
        var chains: [TemplateError: [[TemplateInclusion]]] = [:]
        for error in errors {
            var key = error
            key.includedFrom = []
            if chains[key] == nil { order.append(key) }
            if !chains[key, default: []].contains(error.includedFrom) {
                chains[key, default: []].append(error.includedFrom)
            }
        }
        return order.map { error in
            let found = (chains[error] ?? []).filter { !$0.isEmpty }
            guard let first = found.first else { return diagnostic(error, displayRoot: displayRoot, note: "") }
            let chain = first.reversed().map { inclusion in
                "\(displayRoot)/\(inclusion.template).mustache:\(inclusion.position.line):\(inclusion.position.column)"
            }
            let more = found.count - 1
            let others = more == 0 ? "" : "; and through \(more) more \(more == 1 ? "template" : "templates")"
            return diagnostic(
                error, displayRoot: displayRoot,
                note: " [included from \(chain.joined(separator: ", from "))\(others)]")
        }
    }

    private static func diagnostic(_ error: TemplateError, displayRoot: String, note: String = "") -> Diagnostic {
        .error(
            SourceLocation(
                file: "\(displayRoot)/\(error.template).mustache", line: error.position.line,
                column: error.position.column), error.message + note)
    }

    private static func loadAssets(_ folder: URL, diagnostics: inout [Diagnostic], displayRoot: String) -> [Asset] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.filter { !$0.hasPrefix(".") }.compactMap { name in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else {
                diagnostics.append(.error(SourceLocation(file: "\(displayRoot)/assets/\(name)"), "cannot read asset"))
                return nil
            }
            return Asset(name: name, outputPath: "assets/\(hashed(name, data))", contents: data)
        }
    }

    /// `style.css` as `style.3f2a9c1b.css`.
    private static func hashed(_ name: String, _ data: Data) -> String {
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        return "\(name[..<dot]).\(ContentHash.of(data))\(name[dot...])"
    }

    /// `stemmers/english.wasm`, published as `assets/stemmer-english.3f2a9c1b.wasm`.
    private static func loadStemmers(_ folder: URL, diagnostics: inout [Diagnostic], displayRoot: String)
        -> [String: Asset]
    {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var stemmers: [String: Asset] = [:]
        for name in names where name.hasSuffix(".wasm") {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else {
                diagnostics.append(
                    .error(SourceLocation(file: "\(displayRoot)/stemmers/\(name)"), "cannot read stemmer"))
                continue
            }
            let algorithm = String(name.dropLast(".wasm".count))
            stemmers[algorithm] = Asset(
                name: name, outputPath: "assets/\(hashed("stemmer-" + name, data))", contents: data)
        }
        return stemmers
    }
}

/// The kinds of page the site publishes, each with its template and the
/// Swift type of the values that template may name.
public enum PageKind: String, CaseIterable, Sendable {
    /// The kinds `graph` publishes: a site without a glossary needs no glossary template.
    public static func published(in graph: SiteGraph) -> Set<PageKind> {
        // By index, in place: `contains` copied each node to test it.
        let hasGlossary = graph.pages.withUnsafeBufferPointer { pages in
            pages.indices.contains { pages[$0].id == GlossaryPages.id && pages[$0].source.isSynthesized }
        }
        return Set(allCases.filter { $0 != .glossary || hasGlossary })
    }

    case home, section, topic, glossary, search
    case notFound = "404"
    case redirect
    case languageChooser = "root"

    /// `Templates/<name>.mustache`.
    public var templateName: String { rawValue }

    /// What the template may name.
    public var shape: TemplateShape {
        switch self {
        case .home: .object(.of(HomePage.self))
        case .section: .object(.of(SectionPage.self))
        case .topic: .object(.of(TopicPage.self))
        case .glossary: .object(.of(GlossaryPage.self))
        case .search: .object(.of(SearchPage.self))
        case .notFound: .object(.of(NotFoundPage.self))
        case .redirect: .object(.of(RedirectPage.self))
        case .languageChooser: .object(.of(LanguageChooserPage.self))
        }
    }
}
