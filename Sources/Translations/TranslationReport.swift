import CommonMark
import Foundation
public import SiteModel
import SiteRenderer
import SiteResolver
public import SpinesiteKit

/// `spinesite translations`: every page id × every locale, and whether each
/// translation keeps up with its original.
public struct TranslationReport: Sendable, Encodable {
    public enum Cell: String, Sendable, Encodable {
        /// `fallback`: not translated, published with another locale's content.
        case original, current, stale, unstamped, fallback, missing
    }

    public struct Row: Sendable, Encodable {
        public var id: String
        /// locale → state, for every locale of the site.
        public var locales: [String: Cell]
        /// locale → its units, for each stale translation: how many are translated from the
        /// original as it is now, and which wait.
        public var units: [String: Units] = [:]
    }

    public struct Units: Sendable, Encodable, Equatable {
        public var total: Int
        public var current: Int
        public var toReview: [String]
        /// False when the stamped original is not in git history: every unit counts as to review.
        public var compared: Bool
    }

    public var locales: [String]
    public var rows: [Row]
    /// locale → state → count.
    public var counts: [String: [String: Int]]
    /// One row per shared block (`_blocks/safety/skin`): a locale without its own shows the
    /// original's (`fallback`).
    public var blocks: [Row] = []
    /// locale → state → count, of the blocks.
    public var blockCounts: [String: [String: Int]] = [:]

    public static func make(_ options: BuildOptions) throws(BuildFailure) -> TranslationReport {
        let graph = try TranslationLocale.resolve(options)
        let tags = graph.locales.map(\.tag)
        let ids = Set(graph.pages.filter { !$0.isGenerated }.map(\.id)).sorted()
        let terms = graph.locales[known: graph.config.defaultLocale].termPatterns
        let rows: [Row] = ids.map { id in
            var row = Row(
                id: id,
                locales: Dictionary(
                    uniqueKeysWithValues: tags.map { tag in
                        guard let index = graph.pagesByID[tag]?[id], !graph.pages[index].isGenerated else {
                            return (tag, Cell.missing)
                        }
                        return (tag, Cell(rawValue: graph.pages[index].translationStatus.rawValue)!)
                    }))
            for tag in tags where row.locales[tag] == .stale {
                let translation = graph.pages[graph.pagesByID[tag]![id]!]
                let original = graph.pages[translation.original!].source
                let review = UnitReview(
                    translation: translation.source, original: original,
                    digest: SharedBlockText.digest(of: original), terms: terms, options: options)
                row.units[tag] = Units(
                    total: review.units.count, current: review.current, toReview: review.waiting,
                    compared: review.basis == .stamped)
            }
            return row
        }
        var report = TranslationReport(locales: tags, rows: rows, counts: counts(rows))
        report.blocks = blockRows(graph, terms: terms, options: options)
        report.blockCounts = counts(report.blocks)
        return report
    }

    private static func counts(_ rows: [Row]) -> [String: [String: Int]] {
        var counts: [String: [String: Int]] = [:]
        for row in rows {
            for (tag, cell) in row.locales { counts[tag, default: [:]][cell.rawValue, default: 0] += 1 }
        }
        return counts
    }

    /// A row per block of the default locale, with the unit counts of each stale translation.
    private static func blockRows(_ graph: SiteGraph, terms: [TermPattern], options: BuildOptions) -> [Row] {
        graph.blocks(in: graph.config.defaultLocale).map { original in
            var row = Row(id: "\(SourceBlock.folder)/\(original.name)", locales: [:])
            for tag in graph.locales.map(\.tag) {
                guard let index = graph.blocksByName[tag]?[original.name] else {
                    row.locales[tag] = .fallback
                    continue
                }
                let block = graph.blocks[index]
                row.locales[tag] = Cell(rawValue: block.translationStatus.rawValue)!
                guard block.translationStatus == .stale else { continue }
                let source = SharedBlockText.page(original.source)
                let review = UnitReview(
                    translation: SharedBlockText.page(block.source), original: source,
                    digest: SharedBlockText.digest(of: source), terms: terms, options: options)
                row.units[tag] = Units(
                    total: review.units.count, current: review.current, toReview: review.waiting,
                    compared: review.basis == .stamped)
            }
            return row
        }
    }

    /// A fixed-width table: one row per page id, one column per locale, then totals.
    public var table: String {
        let idWidth = max(4, (rows + blocks).map(\.id.count).max() ?? 0)
        let width = max(9, locales.map(\.count).max() ?? 0)
        func pad(_ text: String, _ size: Int) -> String {
            text + String(repeating: " ", count: max(0, size - text.count))
        }
        var lines = [pad("page", idWidth) + "  " + locales.map { pad($0, width) }.joined(separator: " ")]
        for row in rows + blocks {
            lines.append(
                pad(row.id, idWidth) + "  "
                    + locales.map { pad(row.locales[$0]!.rawValue, width) }.joined(separator: " "))
        }
        lines.append("")
        func summary(_ counts: [String: Int]?) -> String {
            (counts ?? [:]).sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        }
        for tag in locales {
            lines.append(
                "\(tag): " + summary(counts[tag]) + (blocks.isEmpty ? "" : "; blocks: " + summary(blockCounts[tag])))
            for row in rows + blocks {
                guard let units = row.units[tag] else { continue }
                lines.append(
                    "  \(row.id): \(units.current)/\(units.total) current, \(units.toReview.count) to review"
                        + (units.compared ? "" : " (the stamped original is not in git history)"))
            }
        }
        return lines.joined(separator: "\n")
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
