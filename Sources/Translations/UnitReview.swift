import CommonMark
import Foundation
import SiteModel
import SiteResolver
import SpinesiteKit

/// Which units of a translation were translated from a version of its original, and which wait:
/// those whose source changed since the translation's stamp (the earlier text taken from git
/// history, as `translations diff` takes it) and those its front matter lists in `pendingUnits`.
/// The page's status is decided by `TranslationTracker`; this says which of its units make it so.
struct UnitReview {
    enum State: Equatable {
        case current
        /// The unit's source changed since its text was translated: `before` is the source then,
        /// nil when no earlier text was found (or the unit is new in the original).
        case changed(before: [InlinePiece]?)
        /// Listed in `pendingUnits`: `before` is the source its text translates (nil when unknown),
        /// `translated` false when the original's text stands in for a translation.
        case pending(before: [InlinePiece]?, translated: Bool)

        var waits: Bool { self != .current }
    }

    /// What the review could compare the translation with.
    enum Basis: Equatable {
        /// The stamped version of the original was found (or is the version reviewed against).
        case stamped
        /// No `translationOf`: nothing says which version the translation follows.
        case unstamped
        /// The stamped version is not in git history: every unit counts as changed.
        case noHistory(String)
    }

    /// The original's units, in page order, each with its state.
    private(set) var units: [ReviewedUnit] = []
    private(set) var basis = Basis.stamped

    /// One unit of the original, by its id (`p3`), and its state.
    struct ReviewedUnit {
        let id: String
        let state: State
    }

    var current: Int { units.filter { !$0.state.waits }.count }
    var waiting: [String] { units.filter(\.state.waits).map(\.id) }
    func state(_ id: String) -> State? { units.first { $0.id == id }?.state }

    /// `translation` against `original` (a version of the page whose digest is `digest`).
    init(
        translation: SourcePage, original: SourcePage, digest: String, terms: [TermPattern], options: BuildOptions
    ) {
        let now = PageUnits(page: original, terms: terms)
        var versions = EarlierUnits(original: original, digest: digest, units: now, terms: terms, options: options)
        let stamp = translation.frontMatter.translationOf?.value
        var changed: [String: [InlinePiece]?] = [:]
        if let stamp, stamp != digest {
            if let earlier = versions.units(at: stamp) {
                for unit in now.units {
                    let old = earlier.unit(unit.id).flatMap { TranslatedUnit.sameKind($0.part, unit.part) ? $0 : nil }
                    if let old, PageWriter.sameText(old.pieces, unit.pieces) { continue }
                    changed[unit.id] = .some(old?.pieces)
                }
            } else {
                let place = TranslationDiff.gitPlace(of: original, options: options)
                basis = .noHistory(
                    "no revision of \(place.path) in the git history of \(place.root) has digest \(stamp), which "
                        + "\(translation.file) was stamped with, so every unit is marked for review")
                for unit in now.units { changed[unit.id] = .some(nil) }
            }
        } else if stamp == nil {
            basis = .unstamped
            for unit in now.units { changed[unit.id] = .some(nil) }
        }
        let pending = Dictionary(
            translation.frontMatter.pendingUnits.map { ($0.id, $0.translatedFrom) }, uniquingKeysWith: { a, _ in a })
        for unit in now.units {
            if let from = pending[unit.id] {
                let before = from.flatMap { versions.units(at: $0)?.unit(unit.id)?.pieces }
                units.append(ReviewedUnit(id: unit.id, state: .pending(before: before, translated: from != nil)))
            } else if let before = changed[unit.id] {
                units.append(ReviewedUnit(id: unit.id, state: .changed(before: before)))
            } else {
                units.append(ReviewedUnit(id: unit.id, state: .current))
            }
        }
    }
}

/// The units of an original's earlier versions, by digest, each looked up in git history once.
private struct EarlierUnits {
    let original: SourcePage
    let terms: [TermPattern]
    let options: BuildOptions
    private var found: [String: PageUnits?]

    init(original: SourcePage, digest: String, units: PageUnits, terms: [TermPattern], options: BuildOptions) {
        (self.original, self.terms, self.options) = (original, terms, options)
        found = [digest: units]
    }

    mutating func units(at digest: String) -> PageUnits? {
        if let known = found[digest] { return known }
        let units = TranslationDiff.earlierVersion(of: original, digest: digest, options: options).map {
            PageUnits(page: $0.page, terms: terms)
        }
        found[digest] = units
        return units
    }
}
