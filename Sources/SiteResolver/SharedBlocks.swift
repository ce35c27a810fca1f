public import SiteModel
import SiteSupport

/// A shared block of one locale, resolved: how it stands against the default locale's block of
/// the same name (its original), as a translated page stands against its original.
public struct BlockNode: Sendable {
    public var source: SourceBlock
    /// `.original` in the default locale (or without a counterpart there), else `.current`,
    /// `.stale` or `.unstamped`, exactly as for pages.
    public var translationStatus: TranslationStatus = .original
    /// Index in `SiteGraph.blocks` of the default locale's block of the same name, for a translation.
    public var original: Int?

    public var name: String { source.name }
    public var locale: String { source.locale }
    /// The file's path under the locale folder (`_blocks/safety/implanted-devices.md`).
    public var relativePath: String { source.relativePath }
    /// The digest a translation of this block records in `translationOf`.
    public var digest: String { TranslationTracker.digest(of: source) }
}

extension SiteGraph {
    /// The block a reader of `locale` sees for `name`: the locale's own, else the first along its
    /// fallback chain, ending with the default locale's. A stale translation is passed over, so a
    /// reader is never shown an outdated warning as if it were current.
    public func block(named name: String, forReader locale: String) -> Int? {
        let chain = [locale] + (locales[locale]?.fallbackChain ?? []) + [config.defaultLocale]
        for tag in chain {
            if let index = blocksByName[tag]?[name], blocks[index].translationStatus != .stale { return index }
        }
        return nil
    }

    /// The block names a page of `locale` may place: its own and the default locale's.
    public func blockNames(visibleFrom locale: String) -> Set<String> {
        Set((blocksByName[locale] ?? [:]).keys).union((blocksByName[config.defaultLocale] ?? [:]).keys)
    }

    /// The blocks of `locale`, by name; each translation's status per locale comes with it.
    public func blocks(in locale: String) -> [BlockNode] {
        (blocksByName[locale] ?? [:]).values.sorted().map { blocks[$0] }
    }
}

/// Gives every loaded block its node, pairs translations with their originals and checks
/// `requiredBlocks` names and sections.
enum SharedBlocks {
    static func resolve(_ graph: inout SiteGraph, blocks: [SourceBlock], diagnostics: inout [Diagnostic]) {
        let defaultLocale = graph.config.defaultLocale
        let known = Set(graph.locales.map(\.tag))
        graph.blocks = blocks.filter { known.contains($0.locale) }.sorted {
            ($0.locale, $0.name) < ($1.locale, $1.name)
        }.map { BlockNode(source: $0) }
        for (index, block) in graph.blocks.enumerated() {
            graph.blocksByName[block.locale, default: [:]][block.name] = index
        }
        var translations: [Int] = []
        for index in graph.blocks.indices where graph.blocks[index].locale != defaultLocale {
            let block = graph.blocks[index]
            guard let original = graph.blocksByName[defaultLocale]?[block.name] else {
                diagnostics.append(
                    .warning(
                        SourceLocation(file: block.source.file, line: 1, column: 1),
                        "no block in '\(defaultLocale)' is named '\(block.name)', so this block is nobody's "
                            + "translation (rename it to match one)"))
                continue
            }
            graph.blocks[index].original = original
            translations.append(index)
        }
        let originals = Array(Set(translations.compactMap { graph.blocks[$0].original })).sorted()
        let sources = graph.blocks.map(\.source)
        let digests = Dictionary(
            uniqueKeysWithValues: zip(
                originals, ParallelMap.map(originals) { TranslationTracker.digest(of: sources[$0]) }))
        for index in translations {
            let assessed = TranslationTracker.assess(
                graph.blocks[index], original: graph.blocks[graph.blocks[index].original!],
                originalDigest: digests[graph.blocks[index].original!]!)
            graph.blocks[index].translationStatus = assessed.status
            if let warning = assessed.warning { graph.warnings.append(warning) }
        }
        checkRequired(graph, diagnostics: &diagnostics)
    }

    /// Every name in `requiredBlocks` is a block of the default locale, every key a section there.
    private static func checkRequired(_ graph: SiteGraph, diagnostics: inout [Diagnostic]) {
        let defaultLocale = graph.config.defaultLocale
        let names = (graph.blocksByName[defaultLocale] ?? [:]).keys
        let sections = Set(
            graph.pages.filter { $0.locale == defaultLocale && $0.source.kind == .section }.map(\.source.folder))
        for required in graph.config.requiredBlocks {
            if !sections.contains(required.section.value) {
                let hint = Suggestion.closest(to: required.section.value, in: sections).map {
                    " (did you mean '\($0)'?)"
                }
                diagnostics.append(
                    .error(
                        required.section.location,
                        "site.yml: requiredBlocks: no section '\(required.section.value)' in '\(defaultLocale)'"
                            + (hint ?? "")))
            }
            checkExceptions(required, graph, diagnostics: &diagnostics)
            for name in required.blocks
            where graph.blocksByName[defaultLocale]?[name.value] == nil && !graph.brokenBlocks.contains(name.value) {
                let hint = Suggestion.closestID(to: name.value, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(
                    .error(
                        name.location,
                        "site.yml: requiredBlocks: no block '\(name.value)' in Content/\(defaultLocale)/"
                            + "\(SourceBlock.folder)/\(hint)"))
            }
        }
    }

    /// Every id in `except:` is a topic page of the section in the default locale.
    private static func checkExceptions(
        _ required: RequiredBlocks, _ graph: SiteGraph, diagnostics: inout [Diagnostic]
    ) {
        let section = required.section.value
        let ids = Set(
            graph.pages.filter {
                $0.locale == graph.config.defaultLocale && $0.source.kind == .topic
                    && ($0.source.folder == section || $0.source.folder.hasPrefix(section + "/"))
            }.map(\.id))
        for id in required.except where !ids.contains(id.value) {
            let hint = Suggestion.closestID(to: id.value, in: ids).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.append(
                .error(
                    id.location,
                    "site.yml: requiredBlocks: \(section): except: no topic page '\(id.value)' in '\(section)'"
                        + hint))
        }
    }
}
