import Foundation
public import SiteModel

/// What `spinesite build` needs to know.
public struct BuildOptions: Sendable {
    /// The folder holding `Content/` and `Templates/`, as the user wrote it.
    public var root: String
    /// The output folder; default `<root>/Site`.
    public var output: String?
    public var includeDrafts: Bool
    /// Build locales whose locale.yml says `published: false` (the preview does; default: with drafts).
    public var includeUnpublishedLocales: Bool
    /// The templates folder; default `<root>/Templates`.
    public var templates: String?
    /// The day review dates are checked against (tests set it; default: today, UTC).
    public var today: CalendarDate
    /// Ignore `.spinesite-cache/` and render every page (the cache is still written).
    public var fromScratch: Bool
    /// The process exits after this one build (`spinesite build`): the build's values are left for
    /// the exit to take back. Freeing a 25,000-page site's strings, arrays and nodes one by one
    /// took 0.2 s of one core at the end of every build.
    public var exitsAfterBuild = false

    public init(
        root: String = ".", output: String? = nil, includeDrafts: Bool = false, templates: String? = nil,
        today: CalendarDate? = nil, fromScratch: Bool = false
    ) {
        self.root = root
        self.output = output
        self.includeDrafts = includeDrafts
        self.includeUnpublishedLocales = includeDrafts
        self.templates = templates
        self.today = today ?? Self.currentDay()
        self.fromScratch = fromScratch
    }

    private static func currentDay() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// `Content`, or `ROOT/Content`: how files are named in diagnostics.
    public func display(_ name: String) -> String {
        root == "." || root.isEmpty ? name : (root.hasSuffix("/") ? root + name : "\(root)/\(name)")
    }

    public var outputPath: String { output ?? siteFolderPath }

    /// `<root>/Site`, what `spinesite build` writes and a host deploys.
    public var siteFolderPath: String { display("Site") }

    /// Where `spinesite serve` builds: git-ignored, beside the build records, never `Site/`, so drafts
    /// and unfinished edits shown in the preview cannot be deployed by mistake.
    public var previewOutputPath: String { display(".spinesite-cache/preview") }

    public var templatesPath: String { templates ?? display("Templates") }

    public var contentPath: String { display("Content") }

    /// `Content/` as a URL, for the loader.
    var contentURL: URL { URL(fileURLWithPath: root).appendingPathComponent("Content") }
}
