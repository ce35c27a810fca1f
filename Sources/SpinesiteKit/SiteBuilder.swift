import ContentLoader
import Foundation
public import Incremental
import Pictures
public import SiteModel
import SiteRenderer
public import SiteResolver
import SiteWriter

public struct BuildReport: Sendable {
    public var pageCounts: [(locale: String, pages: Int)]
    public var totalPages: Int { pageCounts.reduce(0) { $0 + $1.pages } }
    public var filesWritten: Int
    public var warnings: [Diagnostic]
    public var outputPath: String
    /// The path part of the site's baseURL (`/`, or `/docs/`): where the site lives on its host.
    public var basePath: String = "/"
    public var kind: Kind = .clean
    /// Pages with `draft: true` left out of this build.
    public var draftsSkipped = 0
    /// Pages whose bytes changed; in a body edit, the pages rendered.
    public var pagesRendered: Int = 0
    /// Output files written or removed because their bytes changed (all of them in a clean build).
    public var changedFiles: [String] = []
    public var filesChanged: Int { changedFiles.count }

    public enum Kind: String, Sendable {
        /// Every page rendered into a fresh folder, swapped in whole.
        case clean
        /// Every page rendered; only changed files replaced in place.
        case incremental
        /// No input changed since the last build: nothing read but file times.
        case unchanged
        /// Only page bodies changed (the preview knew which files): the last
        /// build patched, only the pages showing them rendered.
        case bodyEdit
    }
}

/// The pipeline: load → resolve → render → write. Any stage's errors stop the
/// build before anything is written.
///
/// What the last build left decides how much is done (see the `Incremental`
/// module): with a record of the last build into the same output folder, a
/// build whose inputs are all unchanged stops after reading file times, a
/// save the preview knows to be a body edit patches the last build, and any
/// other build renders every page and rewrites only files whose bytes
/// changed. Without one, it renders everything into a staging folder and
/// swaps it in.
public enum SiteBuilder {
    /// - Parameters:
    ///   - lastBuild: kept by a long-running process between its builds (nil: a
    ///     single build, which reads the record from `.spinesite-cache/`).
    ///   - changedPaths: the files changed since the last build with `lastBuild`,
    ///     if the caller knows them (the preview's file watcher): when they are
    ///     page bodies only, the build patches the last one (`BodyEditPatch`).
    ///   - progress: told each stage's name as it starts.
    public static func build(
        _ options: BuildOptions, lastBuild: LastBuild? = nil, changedPaths: [String]? = nil,
        progress report: (String) -> Void = { _ in }
    ) throws(BuildFailure) -> BuildReport {
        let progress = { (stage: String) in
            StageBoundary.enter(stage)
            report(stage)
        }
        let store = RecordStore(
            root: URL(fileURLWithPath: options.root), output: URL(fileURLWithPath: options.outputPath),
            key: RecordKey.make(
                includeDrafts: options.includeDrafts, unpublishedLocales: options.includeUnpublishedLocales,
                today: options.today, templates: options.templatesPath)
        )
        guard let lastBuild, let changedPaths, !options.fromScratch else {
            return try fullBuild(
                options, lastBuild: lastBuild ?? LastBuild(keepsRenderedSite: false), store: store, progress: progress)
        }
        let paths = lastBuild.pending(changedPaths)
        do throws(BuildFailure) {
            let report: BuildReport
            if let patched = try BodyEditPatch.build(
                paths, folders: folders(options), lastBuild: lastBuild, store: store)
            {
                report = BuildReport(patched, options: options)
            } else {
                report = try fullBuild(options, lastBuild: lastBuild, store: store, progress: progress)
            }
            lastBuild.forgetUnbuilt()
            return report
        } catch {
            lastBuild.remember(unbuilt: paths)
            throw error
        }
    }

    private static func folders(_ options: BuildOptions) -> BodyEditPatch.Folders {
        BodyEditPatch.Folders(
            content: options.contentPath,
            contentURL: options.contentURL,
            output: URL(fileURLWithPath: options.outputPath), outputName: "Site"
        )
    }

    /// Every input looked at: nothing done if nothing changed, else every page rendered.
    private static func fullBuild(
        _ options: BuildOptions, lastBuild: LastBuild, store: RecordStore, progress: (String) -> Void
    ) throws(BuildFailure) -> BuildReport {
        let output = URL(fileURLWithPath: options.outputPath)
        let record = options.fromScratch ? nil : lastBuild.record(in: store)
        if let record, lastBuild.mayStopWhenUnchanged(in: store), FileStamp.allUnchanged(record.inputs),
            FileStamp.allUnchanged(record.outputs, under: output.path)
        {
            return BuildReport(record, outputPath: options.outputPath)
        }
        // Taken before anything is read: a file saved during the build makes the next one look again.
        let inputs = InputSnapshot.take([options.contentPath, options.templatesPath])
        let (graph, loaderWarningFiles, markdown, errors) = try load(
            options, convertingMarkdown: lastBuild.conversions(in: store), progress: progress)
        progress("templates")
        let theme = try loadTheme(options, after: graph, earlierErrors: errors, markdown: markdown)
        if errors.hasErrors {
            try check(graph, theme: theme, options: options, markdown: markdown, earlierErrors: errors)
        }
        try OutputSafety.check(
            output: options.outputPath, protecting: [options.root, options.contentPath, options.templatesPath])
        try OutputOwnership.check(
            output: output, root: URL(fileURLWithPath: options.root), hasBuildRecord: store.hasRecord)
        var outcome: RenderOutcome
        if record != nil, InPlaceFolder.canUpdate(output) {
            outcome = try incremental(
                graph, theme: theme, options: options, forget: { lastBuild.forgetRecord(in: store) },
                markdown: markdown, progress: progress)
        } else {
            outcome = try clean(graph, theme: theme, options: options, markdown: markdown, progress: progress)
        }
        let saved = BuildRecord(
            outcome.report, inputs: inputs, outputs: FileStamp.of(outcome.site.outputPaths, under: output.path))
        lastBuild.keep(saved, site: outcome.site, loaderWarningFiles: loaderWarningFiles, in: store)
        return outcome.report
    }

    /// What rendering gave: the report, and the rendered site.
    private struct RenderOutcome {
        var report: BuildReport
        var site: RenderedSite
    }

    /// Renders every page into the output folder itself, which rewrites only
    /// the files whose bytes changed (or that someone changed or removed).
    /// - Parameter forget: called before the first file changes: the record no longer describes the output.
    private static func incremental(
        _ graph: SiteGraph, theme: Theme, options: BuildOptions, forget: @escaping @Sendable () -> Void,
        markdown: [ConversionInput: MarkdownConversion], progress: (String) -> Void
    ) throws(BuildFailure) -> RenderOutcome {
        let output = URL(fileURLWithPath: options.outputPath)
        let sink = InPlaceFolder(output: output, beforeChanges: forget)
        var outcome: RenderOutcome
        do throws(BuildFailure) {
            outcome = try render(graph, theme: theme, into: sink, options: options, memo: markdown, progress: progress)
            try mark(sink, options: options)
        } catch {
            sink.discard()
            throw error
        }
        do {
            outcome.report.changedFiles = try sink.finish()
        } catch {
            throw BuildFailure(
                graph.warnings + [.error(SourceLocation(file: options.outputPath), "\(error)")],
                leftOutputIncomplete: true)
        }
        outcome.report.kind = .incremental
        return outcome
    }

    /// Leaves the marker that lets later builds replace the folder (see `OutputOwnership`).
    private static func mark(_ sink: some OutputSink, options: BuildOptions) throws(BuildFailure) {
        let marker = OutputOwnership.marker(
            output: URL(fileURLWithPath: options.outputPath), root: URL(fileURLWithPath: options.root))
        if let failure = SiteRenderer.attempt({ try sink.write(OutputOwnership.markerName, marker) }) {
            throw BuildFailure(
                SiteRenderer.writeDiagnostics(
                    [(OutputOwnership.markerName, failure)], outputName: options.outputPath))
        }
    }

    /// Renders every page into a staging folder and swaps it in.
    private static func clean(
        _ graph: SiteGraph, theme: Theme, options: BuildOptions, markdown: [ConversionInput: MarkdownConversion],
        progress: (String) -> Void
    ) throws(BuildFailure) -> RenderOutcome {
        let staging: StagingFolder
        do {
            staging = try StagingFolder(for: URL(fileURLWithPath: options.outputPath))
        } catch {
            throw BuildFailure(graph.warnings + error.diagnostics)
        }
        do {
            var outcome = try render(
                graph, theme: theme, into: staging, options: options, memo: markdown, progress: progress)
            try mark(staging, options: options)
            try staging.commit()
            outcome.report.changedFiles = outcome.site.outputPaths.sorted()
            return outcome
        } catch {
            staging.discard()
            throw BuildFailure(error.diagnostics)
        }
    }

    /// Markdown and templates into `sink`; a failure keeps the graph's warnings with it.
    private static func render(
        _ graph: SiteGraph, theme: Theme, into sink: some OutputSink, options: BuildOptions,
        memo: [ConversionInput: MarkdownConversion], progress: (String) -> Void
    ) throws(BuildFailure) -> RenderOutcome {
        let rendered: RenderSummary
        let site: RenderedSite
        do {
            (rendered, site) = try SiteRenderer.renderSite(
                graph, theme: theme, into: sink, today: options.today, memo: memo,
                pictures: pictureSettings(options, graph: graph), progress: progress)
        } catch {
            throw BuildFailure(graph.warnings + error.diagnostics)
        }
        progress("saving")
        var report = BuildReport(
            pageCounts: rendered.pageCounts,
            filesWritten: rendered.filesWritten,
            warnings: site.siteWarnings,
            outputPath: options.outputPath,
            basePath: graph.config.basePath
        )
        report.pagesRendered = rendered.pagesRendered
        report.draftsSkipped = graph.leftOut.draftCount
        return RenderOutcome(report: report, site: site)
    }

    /// Every check of the render stage without writing, for a site with errors: the build then fails
    /// with the errors of every stage.
    static func check(
        _ graph: SiteGraph, theme: Theme, options: BuildOptions, markdown: [ConversionInput: MarkdownConversion],
        earlierErrors: [Diagnostic]
    ) throws(BuildFailure) -> Never {
        do {
            _ = try SiteRenderer.render(
                graph, theme: theme, into: DiscardingSink(), today: options.today, memo: markdown,
                earlierErrors: earlierErrors, pictures: pictureSettings(options, graph: graph))
        } catch {
            throw BuildFailure(graph.warnings + error.diagnostics)
        }
        throw BuildFailure(graph.warnings + earlierErrors)
    }

    /// Pictures with the site's pixel limit, their variants kept in `.spinesite-cache/pictures/`.
    static func pictureSettings(_ options: BuildOptions, graph: SiteGraph) -> PictureSettings {
        PictureSettings(
            plan: PicturePlan(pixelLimit: graph.config.maxPicturePixels),
            cache: PictureCache(
                folder: URL(fileURLWithPath: options.root).appendingPathComponent(".spinesite-cache/pictures")))
    }

    /// The templates. A failure carries the graph's warnings, the earlier stages' errors and what the
    /// content checks that need no template found.
    static func loadTheme(
        _ options: BuildOptions, after graph: SiteGraph, earlierErrors: [Diagnostic] = [],
        markdown: [ConversionInput: MarkdownConversion] = [:]
    ) throws(BuildFailure) -> Theme {
        do {
            let stringKeys = Set(graph.locales.flatMap(\.strings.keys))
            return try Theme.load(
                from: URL(fileURLWithPath: options.templatesPath), displayRoot: options.templatesPath,
                stringKeys: stringKeys, kinds: PageKind.published(in: graph)
            )
        } catch {
            throw BuildFailure(
                graph.warnings + earlierErrors + error.diagnostics
                    + SiteRenderer.checkContent(
                        graph, memo: markdown, pictures: pictureSettings(options, graph: graph)),
                skipped: ["the strings the templates use, and the pages' HTML (the templates have errors)"])
        }
    }

    /// Load and resolve: all that commands inspecting the site need. The
    /// graph's warnings include the loader's.
    public static func resolve(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws(BuildFailure)
        -> SiteGraph
    {
        let (graph, errors) = try resolveCollecting(options, progress: progress)
        if errors.hasErrors { throw BuildFailure(graph.warnings + errors) }
        return graph
    }

    /// Load and resolve as far as they go, with the errors of single pages: for `check`, which goes on
    /// to every later check. Throws only when no page can be checked (the configuration has errors).
    public static func resolveCollecting(_ options: BuildOptions, progress: (String) -> Void = { _ in })
        throws(BuildFailure) -> (graph: SiteGraph, errors: [Diagnostic])
    {
        let loaded = try load(options, progress: progress)
        return (loaded.graph, loaded.errors)
    }

    /// `resolve`, the files the loader warned about, and (when asked) every
    /// loaded page's Markdown, converted on the other cores while the site
    /// is resolved: conversion needs only the pages and their locales.
    /// - Parameter markdown: Markdown to convert beside the resolver (nil: none),
    ///   reusing an earlier build's conversions.
    private static func load(
        _ options: BuildOptions, convertingMarkdown memo: [ConversionInput: MarkdownConversion]? = nil,
        progress: (String) -> Void
    ) throws(BuildFailure) -> (
        graph: SiteGraph, loaderWarningFiles: Set<String>, markdown: [ConversionInput: MarkdownConversion],
        errors: [Diagnostic]
    ) {
        progress("loading")
        let loaded: LoadedSite
        do {
            loaded = try ContentLoader.load(
                contentURL: options.contentURL,
                displayRoot: options.contentPath,
                includeDrafts: options.includeDrafts,
                includeUnpublishedLocales: options.includeUnpublishedLocales
            )
        } catch {
            throw BuildFailure(
                error.diagnostics,
                skipped: ["links, related ids, strings, templates and explainer blocks (the configuration has errors)"]
            )
        }
        progress("markdown")
        let conversion = memo.map { memo in
            BackgroundWork {
                MarkdownStage.convert(loaded.pages, config: loaded.config, locales: loaded.locales, memo: memo)
            }
        }
        // On all cores the conversion goes on while the site is resolved; on one (`SPINESITE_THREADS=1`) it is done
        // by now.
        progress("resolving")
        var (graph, errors) = SiteResolver.resolveCollecting(loaded)
        graph.warnings = loaded.warnings + graph.warnings + ReviewSchedule.diagnostics(graph, today: options.today)
        return (
            graph, Set(loaded.warnings.map(\.location.file)), conversion?.result() ?? [:], loaded.errors + errors
        )
    }
}

/// Where the build moves from one stage to the next. It does nothing: `make
/// bench` runs a build under callgrind with `--dump-before` on this function,
/// so that each stage's instructions are counted apart.
public enum StageBoundary {
    @inline(never)
    public static func enter(_ stage: String) {
        withExtendedLifetime(stage) {}
    }
}
