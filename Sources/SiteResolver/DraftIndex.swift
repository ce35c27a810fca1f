public import SiteModel

/// The drafts a build leaves out, by id and by source path per locale, so that a link or a
/// `related:` id pointing at one says it is a draft instead of suggesting another page.
public struct DraftIndex: Sendable {
    private var byID: [String: [String: DraftPage]] = [:]
    private var byPath: [String: [String: DraftPage]] = [:]
    public private(set) var count = 0

    public init(_ drafts: [DraftPage] = []) {
        for draft in drafts {
            byID[draft.locale, default: [:]][draft.id] = draft
            byPath[draft.locale, default: [:]][draft.relativePath] = draft
        }
        count = drafts.count
    }

    /// The draft with `id` in `locale`, else in `fallback` (a link to an untranslated page).
    public func draft(id: String, in locale: String, fallback: String) -> DraftPage? {
        byID[locale]?[id] ?? byID[fallback]?[id]
    }

    /// The draft at `path` under `locale`'s folder, else under `fallback`'s.
    public func draft(path: String, in locale: String, fallback: String) -> DraftPage? {
        byPath[locale]?[path] ?? byPath[fallback]?[path]
    }
}
