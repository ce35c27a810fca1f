public import SiteModel
import SiteSupport

/// Compares each translation's `translationOf` with the digest of its original in the default
/// locale: the one place a translation's status is decided. A translation is current only when it
/// was stamped with the original as it is now and none of its units waits (`pendingUnits`).
public enum TranslationTracker {
    /// How a translation stands, with the warning a stale one gets.
    public struct Assessment: Sendable {
        public var status: TranslationStatus
        public var warning: Diagnostic? = nil
    }

    /// SHA-256 of the normalised title, description and body; the first 12 hex digits.
    public static func digest(of page: SourcePage) -> String {
        SHA256Hex.of(TranslationDigest.normalisedText(of: page), digits: TranslationDigest.length)
    }

    /// A shared block's digest: its normalised body, as a page's.
    public static func digest(of block: SourceBlock) -> String {
        SHA256Hex.of(TranslationDigest.normalisedText(of: block), digits: TranslationDigest.length)
    }

    /// Each page's digest, on all cores. `pages` is held only for the call: a copy of the array
    /// still held while the graph's pages change made the first change copy every node.
    private static func digests(of indices: [Int], in pages: [PageNode]) -> [Int: String] {
        Dictionary(uniqueKeysWithValues: zip(indices, ParallelMap.map(indices) { digest(of: pages[$0].source) }))
    }

    static func track(_ graph: inout SiteGraph) {
        let defaultLocale = graph.config.defaultLocale
        var translations: [Int] = []
        for index in graph.pages.indices
        where graph.pages[index].locale != defaultLocale && !graph.pages[index].isFallback {
            guard !graph.pages[index].isGenerated, !graph.pages[index].source.isSynthesized else { continue }
            let id = graph.pages[index].id
            guard let original = graph.pagesByID[defaultLocale]?[id] else {
                let source = graph.pages[index].source
                let location = source.frontMatter.id?.location ?? SourceLocation(file: source.file, line: 1, column: 1)
                graph.warnings.append(
                    .warning(
                        location,
                        "no page in '\(defaultLocale)' has id '\(id)', so this page is nobody's translation (rename "
                            + "it or set 'id' to pair it)"
                    ))
                continue
            }
            guard !graph.pages[original].isGenerated else { continue }
            graph.pages[index].original = original
            translations.append(index)
        }
        // Each original's digest once, on all cores: a digest reads the whole body.
        let originals = Array(Set(translations.compactMap { graph.pages[$0].original })).sorted()
        let digests = Self.digests(of: originals, in: graph.pages)
        for index in translations {
            let assessed = assess(index, in: graph, originalDigest: digests[graph.pages[index].original!]!)
            graph.pages[index].translationStatus = assessed.status
            if let warning = assessed.warning { graph.warnings.append(warning) }
        }
    }

    /// How translation `index` (whose `original` is set) stands against its
    /// original's digest, with the warning a stale one gets.
    public static func assess(_ index: Int, in graph: SiteGraph, originalDigest: String) -> Assessment {
        let page = graph.pages[index]
        guard let original = page.original else { return Assessment(status: .unstamped) }
        return assess(
            stamp: page.source.frontMatter.translationOf, pending: page.source.frontMatter.pendingUnits,
            file: page.source.file, originalFile: graph.pages[original].source.file, originalDigest: originalDigest)
    }

    /// How translated block `block` stands against `original`'s digest, with a stale one's warning.
    public static func assess(_ block: BlockNode, original: BlockNode, originalDigest: String) -> Assessment {
        assess(
            stamp: block.source.translationOf, pending: block.source.pendingUnits, file: block.source.file,
            originalFile: original.source.file, originalDigest: originalDigest)
    }

    /// A translation's status from its stamp (nil: unstamped), its units that wait and its
    /// original's current digest.
    static func assess(
        stamp: Located<String>?, pending: [PendingUnit], file: String, originalFile: String, originalDigest: String
    ) -> Assessment {
        guard let recorded = stamp else { return Assessment(status: .unstamped) }
        if recorded.value == originalDigest {
            guard let first = pending.first else { return Assessment(status: .current) }
            let message =
                "translation is stale: \(pending.count) of its units \(pending.count == 1 ? "was" : "were") not "
                + "translated from the current \(originalFile) (\(listed(pending.map(\.id)))); translate them "
                + "('spinesite translations export --stale'), or update them and run 'spinesite translations stamp "
                + "\(file)'"
            return Assessment(status: .stale, warning: .warning(first.location, message))
        }
        let message =
            "translation is stale: \(originalFile) changed since it was translated (run "
            + "'spinesite translations stamp \(file)' once it is updated)"
        return Assessment(status: .stale, warning: .warning(recorded.location, message))
    }

    /// The first few of `ids`, and how many more.
    private static func listed(_ ids: [String]) -> String {
        ids.count <= 5
            ? ids.joined(separator: ", ") : ids.prefix(5).joined(separator: ", ") + " and \(ids.count - 5) more"
    }
}
