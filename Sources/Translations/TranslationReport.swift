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

    public static func make(_ options: BuildOptions) throws(BuildFailure) -> TranslationReport {
        let graph = try TranslationLocale.resolve(options)
        let tags = graph.locales.map(\.tag)
        let ids = Set(graph.pages.filter { !$0.isGenerated }.map(\.id)).sorted()
        let terms = graph.locales[known: graph.config.defaultLocale].termPatterns
        let rows = ids.map { id in
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
                    digest: TranslationTracker.digest(of: original), terms: terms, options: options)
                row.units[tag] = Units(
                    total: review.units.count, current: review.current, toReview: review.waiting,
                    compared: review.basis == .stamped)
            }
            return row
        }
        var counts: [String: [String: Int]] = [:]
        for row in rows {
            for (tag, cell) in row.locales { counts[tag, default: [:]][cell.rawValue, default: 0] += 1 }
        }
        return TranslationReport(locales: tags, rows: rows, counts: counts)
    }

    /// A fixed-width table: one row per page id, one column per locale, then totals.
    public var table: String {
        let idWidth = max(4, rows.map(\.id.count).max() ?? 0)
        let width = max(9, locales.map(\.count).max() ?? 0)
        func pad(_ text: String, _ size: Int) -> String {
            text + String(repeating: " ", count: max(0, size - text.count))
        }
        var lines = [pad("page", idWidth) + "  " + locales.map { pad($0, width) }.joined(separator: " ")]
        for row in rows {
            lines.append(
                pad(row.id, idWidth) + "  "
                    + locales.map { pad(row.locales[$0]!.rawValue, width) }.joined(separator: " "))
        }
        lines.append("")
        for tag in locales {
            let states = (counts[tag] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            lines.append("\(tag): " + states.joined(separator: ", "))
            for row in rows {
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
