import ContentLoader
import Foundation
import SiteModel
import SiteRenderer
import SiteResolver
import SiteWriter

/// What `spinesite build` needs to know.
public struct BuildOptions: Sendable {
    /// The folder holding `Content/` and `Templates/`, as the user wrote it.
    public var root: String
    /// The output folder; default `<root>/Site`.
    public var output: String?
    public var includeDrafts: Bool
    /// The templates folder; default `<root>/Templates`.
    public var templates: String?
    /// The day review dates are checked against (tests set it; default: today, UTC).
    public var today: CalendarDate

    public init(root: String = ".", output: String? = nil, includeDrafts: Bool = false, templates: String? = nil, today: CalendarDate? = nil) {
        self.root = root
        self.output = output
        self.includeDrafts = includeDrafts
        self.templates = templates
        self.today = today ?? Self.currentDay()
    }

    private static func currentDay() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// `Content`, or `ROOT/Content`: how files are named in diagnostics.
    func display(_ name: String) -> String {
        root == "." || root.isEmpty ? name : (root.hasSuffix("/") ? root + name : "\(root)/\(name)")
    }

    public var outputPath: String { output ?? display("Site") }

    public var templatesPath: String { templates ?? display("Templates") }

    public var contentPath: String { display("Content") }
}

public struct BuildReport: Sendable {
    public var pageCounts: [(locale: String, pages: Int)]
    public var totalPages: Int { pageCounts.reduce(0) { $0 + $1.pages } }
    public var filesWritten: Int
    public var warnings: [Diagnostic]
    public var outputPath: String
    /// The path part of the site's baseURL (`/`, or `/docs/`): where the site lives on its host.
    public var basePath: String = "/"
}

/// The pipeline: load → resolve → render → write. Any stage's errors stop the
/// build before anything is written.
public enum SiteBuilder {
    /// - Parameter progress: told each stage's name as it starts.
    public static func build(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws(BuildFailure) -> BuildReport {
        let graph = try resolve(options, progress: progress)
        let theme = try loadTheme(options, after: graph)
        progress("rendering")
        try OutputSafety.check(output: options.outputPath, protecting: [options.root, options.display("Content"), options.templatesPath])
        let staging: StagingFolder
        let rendered: RenderSummary
        do {
            staging = try StagingFolder(for: URL(fileURLWithPath: options.outputPath))
        } catch {
            throw BuildFailure(graph.warnings + error.diagnostics)
        }
        do {
            rendered = try SiteRenderer.render(graph, theme: theme, into: staging, today: options.today)
            progress("writing")
            try staging.commit()
        } catch {
            staging.discard()
            throw BuildFailure(graph.warnings + error.diagnostics)
        }
        return BuildReport(
            pageCounts: rendered.pageCounts,
            filesWritten: rendered.filesWritten,
            warnings: (graph.warnings + rendered.warnings).sorted(),
            outputPath: options.outputPath,
            basePath: graph.config.basePath
        )
    }

    /// The templates; a failure keeps the graph's warnings with it.
    static func loadTheme(_ options: BuildOptions, after graph: SiteGraph) throws(BuildFailure) -> Theme {
        do {
            return try Theme.load(from: URL(fileURLWithPath: options.templatesPath), displayRoot: options.templatesPath)
        } catch {
            throw BuildFailure(graph.warnings + error.diagnostics)
        }
    }

    /// Load and resolve: all that commands inspecting the site need. The
    /// graph's warnings include the loader's.
    public static func resolve(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws(BuildFailure) -> SiteGraph {
        progress("loading")
        let loaded = try ContentLoader.load(
            contentURL: URL(fileURLWithPath: options.root).appendingPathComponent("Content"),
            displayRoot: options.display("Content"),
            includeDrafts: options.includeDrafts
        )
        progress("resolving")
        do {
            var graph = try SiteResolver.resolve(loaded)
            graph.warnings = loaded.warnings + graph.warnings + ReviewSchedule.diagnostics(graph, today: options.today)
            return graph
        } catch {
            throw BuildFailure(loaded.warnings + error.diagnostics)
        }
    }
}
