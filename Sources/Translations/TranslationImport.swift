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
        let grouped = ImportedUnits.group(document, file: path)
        let strings = grouped.others[InterfaceStrings.original] ?? []
        let glossary = grouped.others[GlossaryExchange.original] ?? []
        var problems = grouped.problems
        /// A plan's value, or nil with its refusals kept: every file is planned before any is written.
        func take<Plan>(_ result: Result<Plan, BuildFailure>) -> Plan? {
            if case .failure(let failure) = result { problems += failure.diagnostics }
            return try? result.get()
        }
        var outcome = Outcome()
        var writes: [ContentTransaction.File] = []
        let context = PageImport.Context(graph: graph, locale: locale, options: options, xliffFile: path)
        for (key, units) in grouped.pages.sorted(by: { $0.key.path < $1.key.path }) {
            guard let plan = take(PageImport.plan(key, units: units, context: context)) else { continue }
            outcome.pages.append(plan.report)
            if let text = plan.text { writes.append(.init(path: plan.report.file, text: text)) }
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
        guard problems.isEmpty else { throw BuildFailure(conflictSummary(problems, file: path) + problems) }
        try ContentTransaction.write(writes, root: options.root)
        return outcome
    }

    /// One line before the conflicts, if there are any: what makes them and how to mend the file.
    private static func conflictSummary(_ problems: [Diagnostic], file: String) -> [Diagnostic] {
        let count = problems.filter { $0.message.contains(ImportedUnits.conflictMessage) }.count
        guard count > 0 else { return [] }
        return [
            .error(
                SourceLocation(file: file),
                "\(count) unit\(count == 1 ? " is" : "s are") in the file twice with different targets: it holds two "
                    + "translations of the same units (two files joined, or a tool that appended a copy); keep one "
                    + "copy of each unit, or export again and translate there, then import")
        ]
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
        var state: String? = nil

        /// Whether the translator left the unit for later: XLIFF's `new` and `needs-…` states
        /// (`needs-translation`, `needs-review-translation`), which is also how po2xliff writes a
        /// fuzzy PO entry.
        var waits: Bool { state.map { $0 == "new" || $0.hasPrefix("needs-") } ?? false }
    }

    /// The locale's own files, exported beside the pages: their units are found by key, not digest.
    static let localeFiles: Set<String> = [InterfaceStrings.original, GlossaryExchange.original]

    /// What a conflict's message says, so that an import can sum them up once.
    static let conflictMessage = "is in the file twice with different targets"

    /// What an import takes from the units of one file.
    struct Targets<Value> {
        /// By unit id, each target made a value.
        var values: [String: Value] = [:]
        /// The ids of the units the translator left waiting.
        var waiting = Set<String>()
        /// The units refused, each at its line.
        var problems: [Diagnostic] = []
    }

    /// Each unit's target made a `Value` from its `Source` (a page's unit, a string, a glossary
    /// field), the ids of those the translator left waiting, and the units refused, each at its
    /// line: one `file` names (`therapies/tens.md`) has no unit with that id (`unknown` says so),
    /// the unit is in the XLIFF twice with different targets, or `convert` refuses it.
    ///
    /// A unit in the file twice is taken once when its copies agree, or when all but one carry
    /// no target or only repeat the translation as it was (`repeatsTranslation`): so reads the file
    /// translate-toolkit's `po2xliff -t` writes, its template followed by the PO's units.
    static func targets<Source, Value: Equatable>(
        _ units: [Unit], of file: String, xliffFile: String, source: (String) -> Source?,
        unknown: (String) -> String, convert: ([XLIFFInline], Source) -> Result<Value, UnitProblem>,
        repeatsTranslation: (String, Value) -> Bool = { _, _ in false }
    ) -> Targets<Value> {
        var targets = Targets<Value>()
        var copies: [String: [Unit]] = [:]
        var order: [String] = []
        for unit in units {
            guard source(unit.id) != nil else {
                targets.problems.append(
                    .error(SourceLocation(file: xliffFile, line: unit.line, column: 1), unknown(unit.id)))
                continue
            }
            if copies[unit.id] == nil { order.append(unit.id) }
            copies[unit.id, default: []].append(unit)
        }
        for id in order {
            let chosen: Unit
            let original = source(id)!
            let value = { (unit: Unit) in unit.target.flatMap { try? convert($0, original).get() } }
            switch choose(copies[id]!, value: value, repeatsTranslation: { repeatsTranslation(id, $0) }) {
            case .success(let unit): chosen = unit
            case .failure(let conflict):
                targets.problems.append(
                    .error(
                        SourceLocation(file: xliffFile, line: conflict.second.line, column: 1),
                        "unit '\(id)' of \(file) \(conflictMessage) (the other copy is at line \(conflict.first.line))"
                    ))
                continue
            }
            guard let target = chosen.target else { continue }
            switch convert(target, original) {
            case .success(let value):
                targets.values[id] = value
                if chosen.waits { targets.waiting.insert(id) }
            case .failure(let problem):
                targets.problems.append(
                    .error(
                        SourceLocation(file: xliffFile, line: chosen.line, column: 1),
                        "unit '\(id)' of \(file): \(problem.message)"))
            }
        }
        return targets
    }

    struct Conflict: Error {
        var first: Unit
        var second: Unit
    }

    /// One unit of its copies: those with a target, unless none has one; of those, the ones that
    /// change the translation, unless none does; then, if their targets agree, the first that is
    /// not waiting (a translator's approval outranks the template's "to review").
    private static func choose<Value: Equatable>(
        _ copies: [Unit], value: (Unit) -> Value?, repeatsTranslation: (Value) -> Bool
    ) -> Result<Unit, Conflict> {
        guard copies.count > 1 else { return .success(copies[0]) }
        var candidates = copies.filter { $0.target != nil }
        if candidates.isEmpty { return .success(copies[0]) }
        let changing = candidates.filter { unit in value(unit).map { !repeatsTranslation($0) } ?? true }
        if !changing.isEmpty { candidates = changing }
        // Compared as the site takes them too: a PO round trip writes a tag as a token ({1}) in text.
        func same(_ a: Unit, _ b: Unit) -> Bool { a.target == b.target || value(a).map { $0 == value(b) } ?? false }
        if let other = candidates.first(where: { !same($0, candidates[0]) }) {
            return .failure(Conflict(first: candidates[0], second: other))
        }
        return .success(candidates.first { !$0.waits } ?? candidates[0])
    }

    /// A document's units by the file they belong to.
    struct Grouped {
        var pages: [PageKey: [Unit]] = [:]
        /// By the locale's other files (`locale.yml`, `glossary.yml`).
        var others: [String: [Unit]] = [:]
        /// The units with no place.
        var problems: [Diagnostic] = []
    }

    /// Units by page, and by the locale's other files (`locale.yml`, `glossary.yml`).
    static func group(_ document: XLIFFDocument, file: String) -> Grouped {
        var grouped = Grouped()
        for entry in document.files {
            for unit in entry.units {
                let target = unit.target.flatMap { $0.plainText.isEmpty && !$0.hasCodes ? nil : $0 }
                guard let place = place(of: unit, in: entry) else {
                    grouped.problems.append(
                        .error(
                            SourceLocation(file: file, line: unit.line, column: 1),
                            "unit '\(unit.id)': no spinesite location (a sourcefile context such as "
                                + "'therapies/tens.md@1a2b3c4d5e6f#p3'); was this file exported by spinesite?"))
                    continue
                }
                let imported = Unit(id: place.unit, target: target, line: unit.line, state: unit.state)
                if localeFiles.contains(place.path) {
                    grouped.others[place.path, default: []].append(imported)
                } else {
                    grouped.pages[PageKey(path: place.path, digest: place.digest), default: []].append(imported)
                }
            }
        }
        return grouped
    }

    /// Where a unit belongs: the page or locale file, the digest it was exported at, and its id there.
    private struct Place {
        var path: String
        var digest: String?
        var unit: String
    }

    /// `therapies/tens.md@1a2b3c4d5e6f#p3` → page, digest and unit; `locale.yml#home` → a string.
    private static func place(of unit: XLIFFUnit, in file: XLIFFFile) -> Place? {
        if let location = unit.location, let hash = location.lastIndex(of: "#") {
            let page = location[..<hash]
            let id = String(location[location.index(after: hash)...])
            if let at = page.lastIndex(of: "@") {
                return Place(path: String(page[..<at]), digest: String(page[page.index(after: at)...]), unit: id)
            }
            return Place(path: String(page), digest: nil, unit: id)
        }
        guard !file.original.isEmpty, file.digest != nil || localeFiles.contains(file.original) else {
            return nil
        }
        return Place(path: file.original, digest: file.digest, unit: unit.id)
    }
}
