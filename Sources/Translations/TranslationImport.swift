import Foundation
public import SiteModel
import SiteResolver
public import SpinesiteKit
import XLIFF

/// `spinesite translations import FILE.xlf`: writes the translations an XLIFF file carries into
/// `Content/<locale>/`, in the structure of their originals. All or nothing: any refusal, and no
/// file is written; any failure while writing, and `Content/` is as before or complete
/// (`ContentTransaction`).
public enum TranslationImport {
    public struct Outcome: Sendable {
        public var pages: [ImportedPage] = []
        /// `Content/<locale>/locale.yml` and the strings set in it, if any.
        public var stringsFile: String?
        public var strings: [String] = []
        /// `Content/<locale>/glossary.yml` and the terms translated in it, if any.
        public var glossaryFile: String?
        public var glossaryTerms: [String] = []
    }

    public static func run(_ path: String, locale argument: String?, options: BuildOptions) throws(BuildFailure)
        -> Outcome
    {
        let document = try read(path)
        let graph = try TranslationLocale.resolve(options)
        let locale = try targetLocale(of: document, argument: argument, file: path, graph: graph)
        let (pages, others, unplaced) = ImportedUnits.group(document, file: path)
        let strings = others[InterfaceStrings.original] ?? []
        let glossary = others[GlossaryExchange.original] ?? []
        var problems = unplaced
        /// A plan's value, or nil with its refusals kept: every file is planned before any is written.
        func take<Plan>(_ result: Result<Plan, BuildFailure>) -> Plan? {
            if case .failure(let failure) = result { problems += failure.diagnostics }
            return try? result.get()
        }
        var outcome = Outcome()
        var writes: [ContentTransaction.File] = []
        let context = PageImport.Context(graph: graph, locale: locale, options: options, xliffFile: path)
        for (key, units) in pages.sorted(by: { $0.key.path < $1.key.path }) {
            guard let plan = take(PageImport.plan(key, units: units, context: context)) else { continue }
            outcome.pages.append(plan.report)
            writes.append(.init(path: plan.report.file, text: plan.text))
        }
        if !strings.isEmpty,
            let plan = take(
                StringsImport.plan(strings, locale: locale, graph: graph, options: options, xliffFile: path))
        {
            (outcome.stringsFile, outcome.strings) = (plan.file, plan.keys)
            writes.append(.init(path: plan.file, text: plan.text))
        }
        let defaultLocale = graph.locales[known: graph.config.defaultLocale]
        if !glossary.isEmpty,
            let plan = take(
                GlossaryExchange.plan(
                    glossary, locale: locale, defaultLocale: defaultLocale, options: options, xliffFile: path))
        {
            (outcome.glossaryFile, outcome.glossaryTerms) = (plan.file, plan.terms)
            if !plan.terms.isEmpty { writes.append(.init(path: plan.file, text: plan.text)) }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        try ContentTransaction.write(writes, root: options.root)
        return outcome
    }

    /// The document, refused before it is read when it is larger than a reader takes.
    private static func read(_ path: String) throws(BuildFailure) -> XLIFFDocument {
        let location = SourceLocation(file: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size else { throw BuildFailure([.error(location, "cannot read the file (does it exist?)")]) }
        if let problem = XLIFFReader.sizeProblem(size) { throw BuildFailure([.error(location, problem.message)]) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BuildFailure([.error(location, "cannot read the file")])
        }
        do {
            return try XLIFFReader.read(data)
        } catch {
            let place = SourceLocation(file: path, line: max(error.line, 1), column: max(error.column, 1))
            throw BuildFailure([.error(error.line == 0 ? location : place, error.message)])
        }
    }

    /// The one locale the file is for: every `<file>`'s `target-language`, and `--locale` if given.
    private static func targetLocale(of document: XLIFFDocument, argument: String?, file: String, graph: SiteGraph)
        throws(BuildFailure) -> LocaleConfig
    {
        var problems: [Diagnostic] = []
        let languages = Set(document.files.compactMap(\.targetLanguage))
        for entry in document.files {
            if let language = entry.targetLanguage, let argument, language != argument {
                problems.append(
                    .error(
                        SourceLocation(file: file, line: max(entry.line, 1), column: 1),
                        "<file original=\"\(entry.original)\"> was exported for locale '\(language)', not "
                            + "'\(argument)'; import it into '\(language)', or export again for '\(argument)'"))
            }
            if !LanguageTag.same(entry.sourceLanguage, graph.config.defaultLocale) {
                problems.append(
                    .error(
                        SourceLocation(file: file, line: max(entry.line, 1), column: 1),
                        "<file original=\"\(entry.original)\"> translates from '\(entry.sourceLanguage)', but this "
                            + "site's originals are in '\(graph.config.defaultLocale)'"))
            }
        }
        if argument == nil, languages.count > 1 {
            problems.append(
                .error(
                    SourceLocation(file: file),
                    "the file mixes locales (\(languages.sorted().joined(separator: ", "))); import one at a time"))
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        guard let tag = argument ?? languages.first else {
            throw BuildFailure([
                .error(
                    SourceLocation(file: file),
                    "the file does not say which locale it is for (no target-language); give --locale")
            ])
        }
        return try TranslationLocale.check(tag, in: graph, argument: argument == nil ? file : "--locale")
    }
}

/// The units of a document by the page they belong to, found by their location (which survives
/// tools that renumber units) or else by their `<file>`.
enum ImportedUnits {
    struct PageKey: Hashable {
        var path: String
        var digest: String?
    }

    struct Unit {
        var id: String
        var target: [XLIFFInline]?
        var line: Int
    }

    /// The locale's own files, exported beside the pages: their units are found by key, not digest.
    static let localeFiles: Set<String> = [InterfaceStrings.original, GlossaryExchange.original]

    /// Each unit's target made a `Value` from its `Source` (a page's unit, a string, a glossary
    /// field), and the units refused, each at its line: one `file` names (`therapies/tens.md`) has no
    /// unit with that id (`unknown` says so), the unit is in the XLIFF twice, or `convert` refuses it.
    static func targets<Source, Value>(
        _ units: [Unit], of file: String, xliffFile: String, source: (String) -> Source?,
        unknown: (String) -> String, convert: ([XLIFFInline], Source) -> Result<Value, UnitProblem>
    ) -> ([String: Value], [Diagnostic]) {
        var targets: [String: Value] = [:]
        var problems: [Diagnostic] = []
        var seen = Set<String>()
        for unit in units {
            let location = SourceLocation(file: xliffFile, line: unit.line, column: 1)
            guard let original = source(unit.id) else {
                problems.append(.error(location, unknown(unit.id)))
                continue
            }
            guard seen.insert(unit.id).inserted else {
                problems.append(.error(location, "unit '\(unit.id)' of \(file) is in the file twice"))
                continue
            }
            guard let target = unit.target else { continue }
            switch convert(target, original) {
            case .success(let value): targets[unit.id] = value
            case .failure(let problem):
                problems.append(.error(location, "unit '\(unit.id)' of \(file): \(problem.message)"))
            }
        }
        return (targets, problems)
    }

    /// Units by page, and by the locale's other files (`locale.yml`, `glossary.yml`).
    static func group(_ document: XLIFFDocument, file: String) -> (
        pages: [PageKey: [Unit]], others: [String: [Unit]], problems: [Diagnostic]
    ) {
        var pages: [PageKey: [Unit]] = [:]
        var others: [String: [Unit]] = [:]
        var problems: [Diagnostic] = []
        for entry in document.files {
            for unit in entry.units {
                let target = unit.target.flatMap { $0.plainText.isEmpty && !$0.hasCodes ? nil : $0 }
                guard let place = place(of: unit, in: entry) else {
                    problems.append(
                        .error(
                            SourceLocation(file: file, line: unit.line, column: 1),
                            "unit '\(unit.id)': no spinesite location (a sourcefile context such as "
                                + "'therapies/tens.md@1a2b3c4d5e6f#p3'); was this file exported by spinesite?"))
                    continue
                }
                let imported = Unit(id: place.unit, target: target, line: unit.line)
                if localeFiles.contains(place.path) {
                    others[place.path, default: []].append(imported)
                } else {
                    pages[PageKey(path: place.path, digest: place.digest), default: []].append(imported)
                }
            }
        }
        return (pages, others, problems)
    }

    /// `therapies/tens.md@1a2b3c4d5e6f#p3` → page, digest and unit; `locale.yml#home` → a string.
    private static func place(of unit: XLIFFUnit, in file: XLIFFFile) -> (path: String, digest: String?, unit: String)?
    {
        if let location = unit.location, let hash = location.lastIndex(of: "#") {
            let page = location[..<hash]
            let id = String(location[location.index(after: hash)...])
            if let at = page.lastIndex(of: "@") {
                return (String(page[..<at]), String(page[page.index(after: at)...]), id)
            }
            return (String(page), nil, id)
        }
        guard !file.original.isEmpty, file.digest != nil || localeFiles.contains(file.original) else {
            return nil
        }
        return (file.original, file.digest, unit.id)
    }
}
