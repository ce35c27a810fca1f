/// A page left out of a build because it says `draft: true`: enough to tell a link or a
/// `related:` id that points at it why it does not resolve, and to count it in the summary.
public struct DraftPage: Sendable, Hashable {
    public var locale: String
    /// Under the locale folder (`therapies/scs.md`).
    public var relativePath: String
    public var id: String

    public init(_ page: SourcePage) {
        locale = page.locale
        relativePath = page.relativePath
        id = page.id
    }

    /// What to do about a reference to this page.
    public var advice: String {
        "'\(relativePath)' is a draft: remove `draft: true` to publish it, or preview with --drafts"
    }
}
