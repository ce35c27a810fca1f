public import SiteModel
public import SiteRenderer
import SiteResolver

/// What a build produced and what it did: reported by `spinesite build` and the preview, and kept
/// in the build record for a later build that finds nothing changed.
public struct BuildSummary: Sendable, Equatable {
    public var pageCounts: [PageCount]
    public var totalPages: Int { pageCounts.reduce(0) { $0 + $1.pages } }
    /// Every file of the output folder.
    public var filesWritten: Int
    /// Every warning of the build, sorted.
    public var warnings: [Diagnostic]
    /// The path part of the site's baseURL (`/`, or `/docs/`): where the site lives on its host.
    public var basePath: String
    /// Pages with `draft: true` left out of the build.
    public var draftsSkipped: Int
    public var mode: RebuildMode
    /// Pages whose bytes changed; in a patch, the pages rendered.
    public var pagesRendered: Int
    /// Output files written or removed because their bytes changed (all of them when staged).
    public var changedFiles: [String]
    public var filesChanged: Int { changedFiles.count }

    public init(
        pageCounts: [PageCount], filesWritten: Int, warnings: [Diagnostic], basePath: String, draftsSkipped: Int,
        mode: RebuildMode, pagesRendered: Int = 0, changedFiles: [String] = []
    ) {
        self.pageCounts = pageCounts
        self.filesWritten = filesWritten
        self.warnings = warnings
        self.basePath = basePath
        self.draftsSkipped = draftsSkipped
        self.mode = mode
        self.pagesRendered = pagesRendered
        self.changedFiles = changedFiles
    }

    /// The summary of `site`, rendered by a build in `mode`.
    public init(_ site: RenderedSite, mode: RebuildMode, pagesRendered: Int, changedFiles: [String]) {
        self.init(
            pageCounts: site.pageCounts, filesWritten: site.outputPaths.count, warnings: site.siteWarnings,
            basePath: site.graph.config.basePath, draftsSkipped: site.graph.leftOut.draftCount, mode: mode,
            pagesRendered: pagesRendered, changedFiles: changedFiles)
    }

    /// This summary, as a later build that finds nothing changed reports it: the same site, no work.
    public var repeated: BuildSummary {
        var summary = self
        summary.mode = .unchanged
        summary.pagesRendered = 0
        summary.changedFiles = []
        return summary
    }
}
