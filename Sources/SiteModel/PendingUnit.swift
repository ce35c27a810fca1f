public import SiteSupport

/// A unit of a translation that waits for a translator: its text was not translated from the
/// version of the original its page's `translationOf` names. Kept in the translation's front matter
/// (`pendingUnits: { p12: 1a2b3c4d5e6f, p13: new }`), so that the page stays stale until every unit
/// is translated from the current original, and an export can still show what the unit said when
/// its text was translated.
public struct PendingUnit: Sendable, Hashable {
    /// What `pendingUnits` records for a unit that has no translation yet.
    public static let untranslated = "new"

    /// The unit's id in its page (`p12`, `list1.item2.p1`, `title`).
    public var id: String
    /// The digest of the original whose text the unit's target translates; nil when the unit was
    /// never translated (the original's text stands in for it).
    public var translatedFrom: String?
    public var location: SourceLocation

    public init(id: String, translatedFrom: String?, location: SourceLocation) {
        self.id = id
        self.translatedFrom = translatedFrom
        self.location = location
    }

    /// The value the front matter records: a digest, or `new`.
    public var recorded: String { translatedFrom ?? Self.untranslated }
}
