/// A page file the build leaves out: a draft, or a page whose own errors stop it from loading.
/// Enough for a link or a `related:` id that points at it to say why it does not resolve (a
/// draft) or to stay quiet (a page with errors, which are reported at their own lines).
public struct LeftOutPage: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        case draft
        case hasErrors
    }

    public var locale: String
    /// Under the locale folder (`therapies/scs.md`).
    public var relativePath: String
    /// The page's id: its `id:`, or the one its path gives when its front matter did not load.
    public var id: String
    public var reason: Reason

    public init(_ page: SourcePage) {
        locale = page.locale
        relativePath = page.relativePath
        id = page.id
        reason = .draft
    }

    /// A page that did not load: its id is the one its path gives.
    public init(brokenAt relativePath: String, locale: String) {
        self.locale = locale
        self.relativePath = relativePath
        id = SourcePage.pathID(relativePath)
        reason = .hasErrors
    }

    /// What to do about a reference to this page; nil when its own errors say it.
    public var advice: String? {
        switch reason {
        case .draft: "'\(relativePath)' is a draft: remove `draft: true` to publish it, or preview with --drafts"
        case .hasErrors: nil
        }
    }
}
