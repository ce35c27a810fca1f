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
    public var translated: [String] = []
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
        var text: String
    }

    static func plan(_ key: ImportedUnits.PageKey, units: [ImportedUnits.Unit], context: Context)
        -> Result<Plan, BuildFailure>
    {
        let graph = context.graph
        let defaultLocale = graph.config.defaultLocale
        let firstLine = units.map(\.line).min() ?? 1
        guard let index = graph.pagesBySourcePath[defaultLocale]?[key.path] else {
            return .failure(
                BuildFailure([
                    .error(
                        SourceLocation(file: context.xliffFile, line: firstLine, column: 1),
                        "no page '\(key.path)' in Content/\(defaultLocale)/ (renamed or removed since the export?)")
                ]))
        }
        let original = graph.pages[index]
        let exported = exportedVersion(original.source, digest: key.digest, context: context)
        guard let frontMatter = exported.page.frontMatter(in: exported.text) else {
            return .failure(BuildFailure([.error(SourceLocation(file: original.source.file), "cannot read the page")]))
        }
        let translationIndex = graph.pagesByID[context.locale.tag]?[original.id].flatMap {
            graph.pages[$0].isFallback ? nil : $0
        }
        var writer = PageWriter(
            original: exported.page, frontMatter: frontMatter,
            translation: translationIndex.map { graph.pages[$0].source },
            terms: graph.locales[known: defaultLocale].termPatterns,
            localTerms: context.locale.termPatterns)
        var (targets, problems) = ImportedUnits.targets(
            units, of: key.path, xliffFile: context.xliffFile, source: writer.units.unit,
            unknown: { "unit '\($0)' does not exist in \(key.path) as exported" },
            convert: { target, unit in UnitContent.pieces(from: target, source: unit.pieces) })
        let text = writer.write(targets: targets) { id, problem in
            let line = units.first { $0.id == id }?.line ?? firstLine
            problems.append(
                .error(
                    SourceLocation(file: context.xliffFile, line: line, column: 1),
                    "unit '\(id)' of \(key.path): \(problem.message)"))
        }
        guard problems.isEmpty else { return .failure(BuildFailure(problems)) }
        let digest = key.digest ?? TranslationTracker.digest(of: original.source)
        var report = ImportedPage(
            file: translationIndex.map { graph.pages[$0].source.file }
                ?? context.options.display("Content/\(context.locale.tag)/\(original.source.relativePath)"),
            original: original.source.file, digest: digest, staleBecause: exported.staleBecause)
        report.translated = writer.units.units.map(\.id).filter { targets[$0] != nil }
        report.keptTranslation = writer.keptTranslation
        report.keptOriginal = writer.keptOriginal
        return .success(Plan(report: report, text: TranslationStamp.rewrite(text, digest: digest)))
    }

    /// The original as it was when exported: as it is now, or else the revision in git history with
    /// the export's digest, or else (with a note) as it is now.
    private static func exportedVersion(_ current: SourcePage, digest: String?, context: Context) -> (
        text: String, page: SourcePage, staleBecause: String?
    ) {
        let text = (try? String(contentsOfFile: current.file, encoding: .utf8)) ?? ""
        let now = TranslationTracker.digest(of: current)
        guard let digest, digest != now else { return (text, current, nil) }
        let changed =
            "\(current.file) changed after the export (exported \(digest), now \(now)); the translation is "
            + "stamped \(digest), so it shows as stale: see 'spinesite translations diff' for what changed"
        if let earlier = TranslationDiff.earlierVersion(of: current, digest: digest, options: context.options) {
            return (String(decoding: earlier.data, as: UTF8.self), earlier.page, changed)
        }
        return (
            text, current,
            changed + "; the exported version is not in git history, so the units were placed in the original as "
                + "it is now"
        )
    }
}
