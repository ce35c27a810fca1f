public import SiteModel

/// The page files a build leaves out (drafts, pages with errors), by id and by source path per
/// locale, so that a reference to one says it is a draft instead of suggesting another page, or is
/// not reported at all when the page's own errors explain it.
public struct LeftOutPages: Sendable {
    private var byID: [String: [String: LeftOutPage]] = [:]
    private var byPath: [String: [String: LeftOutPage]] = [:]
    /// How many drafts were left out.
    public private(set) var draftCount = 0

    public init(_ pages: [LeftOutPage] = []) {
        for page in pages {
            byID[page.locale, default: [:]][page.id] = page
            byPath[page.locale, default: [:]][page.relativePath] = page
        }
        draftCount = pages.filter { $0.reason == .draft }.count
    }

    /// The page left out with `id` in `locale`, else in `fallback` (a link to an untranslated page).
    public func page(id: String, in locale: String, fallback: String) -> LeftOutPage? {
        byID[locale]?[id] ?? byID[fallback]?[id]
    }

    /// The drafts of `locale`: a mistyped link or id may mean one of them.
    public func drafts(in locale: String) -> [LeftOutPage] {
        (byPath[locale] ?? [:]).values.filter { $0.reason == .draft }.sorted { $0.relativePath < $1.relativePath }
    }

    /// The page left out at `path` under `locale`'s folder, else under `fallback`'s.
    public func page(path: String, in locale: String, fallback: String) -> LeftOutPage? {
        byPath[locale]?[path] ?? byPath[fallback]?[path]
    }
}
