import Foundation
import SiteModel
import SiteRenderer
import SiteResolver
import SpinesiteKit
import XLIFF

/// What an import did to one page.
public struct ImportedPage: Sendable {
    /// The translation written (`Content/fr/therapies/tens.md`).
    public var file: String
    public var original: String
    /// The digest the translation is stamped with: the export's.
    public var digest: String
    /// Units with a target.
    public var translated: [String] = []
    /// Units whose text is now translated from the exported original: with a target the translator
    /// did not leave waiting, or a kept translation of a unit that has not changed.
    public var current: [String] = []
    /// Units that wait, recorded in `pendingUnits`: left `new` or `needs-…` by the translator, a
    /// kept translation of a unit that changed, or the original's text where nothing is translated.
    public var toReview: [String] = []
    /// False when no unit of the page was translated: the file is not written, and a page with no
    /// translation yet stays a fallback.
    public var written = true
    /// Whether the locale had a translation of the page before the import.
    public var hadTranslation = false
    /// Whether this is a shared block (`_blocks/safety/skin.md`), which the summary counts apart.
    public var isBlock = false
    /// Units with no target that kept the translation as it was.
    public var keptTranslation: [String] = []
    /// Units with no target and no earlier translation: the original's text stays.
    public var keptOriginal: [String] = []
    /// Set when the original changed after the export: the page will show as stale.
    public var staleBecause: String?
}

/// One page of an import: the original as it was exported, with the targets put in its blocks.
enum PageImport {
    struct Context {
        var graph: SiteGraph
        var locale: LocaleConfig
        var options: BuildOptions
        var xliffFile: String
    }

    struct Plan {
        var report: ImportedPage
        /// The translation to write; nil when no unit was translated.
        var text: String?
    }

    /// The original a path of the export names, and the locale's own translation of it, if any.
    private struct Documents {
        var original: SourcePage
        var existing: SourcePage?
    }

    /// The original as the export saw it: its file's text, the page, and why it differs from the
    /// original now (nil: it does not).
    private struct ExportedVersion {
        var text: String
        var page: SourcePage
        var staleBecause: String?
    }

    static func plan(_ key: ImportedUnits.PageKey, units: [ImportedUnits.Unit], context: Context)
        -> Result<Plan, BuildFailure>
    {
        let graph = context.graph
        let defaultLocale = graph.config.defaultLocale
        let firstLine = units.map(\.line).min() ?? 1
        guard let documents = documents(key.path, context: context) else {
            return .failure(
                BuildFailure([
                    .error(
                        SourceLocation(file: context.xliffFile, line: firstLine, column: 1),
                        "no page '\(key.path)' in Content/\(defaultLocale)/ (renamed or removed since the export?)")
                ]))
        }
        let (original, existing) = (documents.original, documents.existing)
        let exported = exportedVersion(original, digest: key.digest, context: context)
        guard let frontMatter = exported.page.frontMatter(in: exported.text) else {
            return .failure(BuildFailure([.error(SourceLocation(file: original.file), "cannot read the page")]))
        }
        var writer = PageWriter(
            original: exported.page, frontMatter: frontMatter, translation: existing,
            terms: graph.locales[known: defaultLocale].termPatterns, localTerms: context.locale.termPatterns)
        let translationUnits = existing.map { PageUnits(page: $0, terms: context.locale.termPatterns) }
        let imported = ImportedUnits.targets(
            units, of: key.path, xliffFile: context.xliffFile, source: writer.units.unit,
            unknown: { "unit '\($0)' does not exist in \(key.path) as exported" },
            convert: { target, unit in UnitContent.pieces(from: target, source: unit.pieces) },
            repeatsTranslation: { id, pieces in
                guard let match = translationUnits?.unit(id), let unit = writer.units.unit(id) else { return false }
                return PageWriter.sameText(pieces, TranslatedUnit.aligned(match.pieces, to: unit.pieces))
            })
        let (targets, waiting) = (imported.values, imported.waiting)
        var problems = imported.problems
        let text = writer.write(targets: targets) { id, problem in
            let line = units.first { $0.id == id }?.line ?? firstLine
            problems.append(
                .error(
                    SourceLocation(file: context.xliffFile, line: line, column: 1),
                    "unit '\(id)' of \(key.path): \(problem.message)"))
        }
        guard problems.isEmpty else { return .failure(BuildFailure(problems)) }
        let digest = key.digest ?? SharedBlockText.digest(of: original)
        var report = ImportedPage(
            file: existing?.file ?? context.options.display("Content/\(context.locale.tag)/\(original.relativePath)"),
            original: original.file, digest: digest, staleBecause: exported.staleBecause)
        report.hadTranslation = existing != nil
        report.isBlock = SharedBlockText.isBlock(original)
        report.translated = writer.units.units.map(\.id).filter { targets[$0] != nil }
        report.keptTranslation = writer.keptTranslation
        report.keptOriginal = writer.keptOriginal
        let pending = pendingUnits(
            writer.units, targets: targets, waiting: waiting, kept: Set(writer.keptTranslation), existing: existing,
            exported: exported.page, digest: digest, context: context, in: SourceLocation(file: report.file))
        report.toReview = pending.map(\.id)
        report.current = writer.units.units.map(\.id).filter { !report.toReview.contains($0) }
        report.written = targets.keys.contains { !waiting.contains($0) }
        let stamped = TranslationStamp.rewrite(text, digest: digest, pending: pending)
        return .success(Plan(report: report, text: report.written ? stamped : nil))
    }

    /// The original `path` names (a page, or a shared block's page value under `_blocks/`) and the
    /// locale's own translation of it, if it has one.
    private static func documents(_ path: String, context: Context) -> Documents? {
        let graph = context.graph
        let defaultLocale = graph.config.defaultLocale
        if let name = SourceBlock.name(ofRelativePath: path) {
            guard let index = graph.blocksByName[defaultLocale]?[name] else { return nil }
            let translation = graph.blocksByName[context.locale.tag]?[name]
            return Documents(
                original: SharedBlockText.page(graph.blocks[index].source),
                existing: translation.map { SharedBlockText.page(graph.blocks[$0].source) })
        }
        guard let index = graph.pagesBySourcePath[defaultLocale]?[path] else { return nil }
        let original = graph.pages[index]
        let translation = graph.pagesByID[context.locale.tag]?[original.id].flatMap {
            graph.pages[$0].isFallback ? nil : $0
        }
        return Documents(original: original.source, existing: translation.map { graph.pages[$0].source })
    }

    /// The units that wait after the import, with the version of the original each one's text
    /// translates (nil: none, the original's text stands in). A unit with a finished target is
    /// current; one without keeps the translation's text, current only if its source has not
    /// changed since that text was translated and it was not waiting already. Each is placed at
    /// `location`, the translation's file.
    private static func pendingUnits(
        _ units: PageUnits, targets: [String: [InlinePiece]], waiting: Set<String>, kept: Set<String>,
        existing: SourcePage?, exported: SourcePage, digest: String, context: Context, in location: SourceLocation
    ) -> [PendingUnit] {
        // Git history is read only when a kept translation has to be judged.
        let review = existing.flatMap { translation in
            kept.isEmpty
                ? nil
                : UnitReview(
                    translation: translation, original: exported, digest: digest,
                    terms: context.graph.locales[known: context.graph.config.defaultLocale].termPatterns,
                    options: context.options)
        }
        let earlier = Dictionary(
            (existing?.frontMatter.pendingUnits ?? []).map { ($0.id, $0.translatedFrom) },
            uniquingKeysWith: { a, _ in a })
        /// The version the translation's own text of `id` was translated from, if it has any.
        func translatedFrom(_ id: String) -> String? {
            guard kept.contains(id) || waiting.contains(id), existing != nil else { return nil }
            if let recorded = earlier[id] { return recorded }
            return existing?.frontMatter.translationOf?.value
        }
        func waits(_ id: String, translatedFrom: String?) -> PendingUnit {
            PendingUnit(id: id, translatedFrom: translatedFrom, location: location)
        }
        var pending: [PendingUnit] = []
        for unit in units.units {
            if targets[unit.id] != nil {
                if waiting.contains(unit.id) {
                    pending.append(waits(unit.id, translatedFrom: translatedFrom(unit.id)))
                }
            } else if kept.contains(unit.id) {
                if review?.state(unit.id)?.waits ?? true {
                    pending.append(waits(unit.id, translatedFrom: translatedFrom(unit.id)))
                }
            } else {
                pending.append(waits(unit.id, translatedFrom: nil))
            }
        }
        return pending
    }

    /// The original as it was when exported: as it is now, or else the revision in git history with
    /// the export's digest, or else (with a note) as it is now.
    private static func exportedVersion(_ current: SourcePage, digest: String?, context: Context) -> ExportedVersion {
        let text = (try? String(contentsOfFile: current.file, encoding: .utf8)) ?? ""
        let now = SharedBlockText.digest(of: current)
        guard let digest, digest != now else { return ExportedVersion(text: text, page: current, staleBecause: nil) }
        let changed =
            "\(current.file) changed after the export (exported \(digest), now \(now)); the translation is "
            + "stamped \(digest), so it shows as stale: see 'spinesite translations diff' for what changed"
        if let earlier = TranslationDiff.earlierVersion(of: current, digest: digest, options: context.options) {
            return ExportedVersion(
                text: String(decoding: earlier.data, as: UTF8.self), page: earlier.page, staleBecause: changed)
        }
        return ExportedVersion(
            text: text, page: current,
            staleBecause: changed
                + "; the exported version is not in git history, so the units were placed in the original as it is now"
        )
    }
}
