public import Foundation

/// A file that is not a page: a picture or a handout beside the pages of a locale, or in the
/// site-wide folder `Content/files/` that every locale shares (logos, diagrams without words).
public struct ContentFile: Sendable, Hashable {
    /// `Content/files/`: published as it is, at `/files/…`.
    public static let siteWideFolder = "files"

    /// The locale folder it is in; nil for `Content/files/`.
    public var locale: String?
    /// Under its locale folder (`therapies/images/tens-pads.png`) or under `Content/files/`.
    public var relativePath: String
    /// Where it is on disk.
    public var url: URL
    /// How diagnostics name it (`Content/en/therapies/images/tens-pads.png`).
    public var file: String

    public init(locale: String?, relativePath: String, url: URL, file: String) {
        self.locale = locale
        self.relativePath = relativePath
        self.url = url
        self.file = file
    }

    /// The lower-cased extension (`png`), empty without one.
    public var fileExtension: String {
        guard let dot = relativePath.lastIndex(of: "."), !relativePath[dot...].contains("/") else { return "" }
        return relativePath[relativePath.index(after: dot)...].lowercased()
    }
}
