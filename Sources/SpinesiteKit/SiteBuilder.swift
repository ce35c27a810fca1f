import ContentLoader
import Foundation
public import Incremental
import Pictures
public import SiteModel
import SiteRenderer
public import SiteResolver
import SiteWriter

/// The pipeline: load → resolve → render → write. Each stage appends its
/// diagnostics to one log; any error stops the run before anything is
/// written, and the failure carries every diagnostic found until then.
///
/// How much a build redoes is the `Incremental` module's decision (see
/// `RebuildMode`): nothing, a patch of the last build, every page rendered
/// into the output folder in place, or into a staging folder swapped in.
/// `spinesite check` runs the same stages into a sink that discards.
public enum SiteBuilder {
    /// - Parameters:
    ///   - lastBuild: kept by a long-running process between its builds (nil: a
    ///     single build, which reads the record from `.spinesite-cache/`).
    ///   - changes: the files changed since the last build with `lastBuild`, if
    ///     the caller knows them (the preview's file watcher).
    ///   - progress: told each stage's name as it starts.
    public static func build(
        _ options: BuildOptions, lastBuild: LastBuild? = nil, changes: [FileChange]? = nil,
        progress report: (String) -> Void = { _ in }
    ) throws(BuildFailure) -> BuildSummary {
        let progress = { (stage: String) in
            StageBoundary.enter(stage)
            report(stage)
        }
        guard let lastBuild, let changes else {
            return try build(
                options, after: nil, lastBuild: lastBuild ?? LastBuild(keepsRenderedSite: false), progress: progress)
        }
        // A failed build's changes are read again by the next.
        let pending = lastBuild.pending(changes)
        do throws(BuildFailure) {
            let summary = try build(options, after: pending, lastBuild: lastBuild, progress: progress)
            lastBuild.forgetUnbuilt()
            return summary
        } catch {
            lastBuild.remember(unbuilt: pending)
            throw error
        }
    }

    /// Builds as much as `RebuildMode.decide` says, and records the build.
    private static func build(
        _ options: BuildOptions, after changes: [FileChange]?, lastBuild: LastBuild, progress: (String) -> Void
    ) throws(BuildFailure) -> BuildSummary {
        let store = recordStore(options)
        let output = URL(fileURLWithPath: options.outputPath)
        let record = options.fromScratch ? nil : lastBuild.record(in: store)
        let decide = { (changes: [FileChange]?) in
            RebuildMode.decide(
                after: changes, record: record, lastBuild: lastBuild, store: store, content: options.contentPath,
                output: output, fromScratch: options.fromScratch)
        }
        var mode = decide(changes)
        if mode == .patch, let changes {
            let folders = BodyEditPatch.Folders(
                content: options.contentPath, contentURL: options.contentURL, output: output, outputName: "Site")
            if let patched = try BodyEditPatch.build(changes, folders: folders, lastBuild: lastBuild, store: store) {
                return patched
            }
            mode = decide(nil)
        }
        if mode == .unchanged, let record { return record.summary.repeated }
        // Taken before anything is read: a file saved during the build makes the next one look again.
        let inputs = InputSnapshot.take([options.contentPath, options.templatesPath])
        let destination: Destination =
            mode == .inPlace ? .inPlace(beforeChanges: { lastBuild.forgetRecord(in: store) }) : .staging
        let run = try run(options, into: destination, memo: lastBuild.memo(in: store), progress: progress)
        let summary = BuildSummary(
            run.rendered.site, mode: mode, pagesRendered: run.rendered.pagesChanged, changedFiles: run.changedFiles)
        let saved = BuildRecord(
            inputs: inputs, outputs: FileStamp.of(run.rendered.site.outputPaths, under: output.path), summary: summary)
        lastBuild.keep(saved, site: run.rendered.site, loaderWarningFiles: run.loaderWarningFiles, in: store)
        if options.exitsAfterBuild { LeftForExit.keep(run) }
        return summary
    }

    /// Where a run of the pipeline writes.
    enum Destination {
        /// The output folder, through a staging folder swapped in whole.
        case staging
        /// The output folder itself; `beforeChanges` runs before its first file changes.
        case inPlace(beforeChanges: @Sendable () -> Void)
        /// Nowhere (`spinesite check`).
        case discarded
    }

    /// What a run of the pipeline made.
    struct Run {
        var rendered: RenderResult
        /// Output files changed, relative to the output folder.
        var changedFiles: [String]
        /// Files the loader warned about: a save of one of them takes a full build.
        var loaderWarningFiles: Set<String>
    }

    /// Load → resolve → render → write, every page, into `destination`.
    /// - Parameter memo: Markdown an earlier build converted.
    static func run(
        _ options: BuildOptions, into destination: Destination, memo: MarkdownMemo,
        progress: (String) -> Void
    ) throws(BuildFailure) -> Run {
        var log = DiagnosticsLog()
        let resolved = try loadAndResolve(options, log: &log, memo: memo, progress: progress)
        progress("templates")
        let theme = loadTheme(options, graph: resolved.graph, log: &log)
        guard let theme, !log.hasErrors else {
            checkContent(resolved, theme: theme, options: options, log: &log)
            throw log.failure()
        }
        let output = URL(fileURLWithPath: options.outputPath)
        switch destination {
        case .discarded:
            return try write(resolved, theme: theme, into: DiscardingSink(), options, log: &log, progress: progress)
        case .inPlace(let beforeChanges):
            try checkOutputFolder(options, log: &log)
            let sink = InPlaceFolder(output: output, beforeChanges: beforeChanges)
            return try write(resolved, theme: theme, into: sink, options, log: &log, progress: progress)
        case .staging:
            try checkOutputFolder(options, log: &log)
            let staging: StagingFolder
            do {
                staging = try StagingFolder(for: output)
            } catch {
                log.append(error)
                throw log.failure()
            }
            return try write(resolved, theme: theme, into: staging, options, log: &log, progress: progress)
        }
    }

    /// The site loaded and resolved, and its Markdown converted meanwhile.
    struct ResolvedSite {
        var graph: SiteGraph
        var loaderWarningFiles: Set<String>
        var memo: MarkdownMemo
    }

    /// Stages 1 and 2; the errors of single pages go in the log, and the run goes on to every later
    /// check. Throws only when no page can be checked (the configuration has errors).
    /// - Parameter memo: Markdown to convert on the other cores while the site is resolved (nil:
    ///   none), reusing an earlier build's conversions: conversion needs only the pages and their
    ///   locales.
    private static func loadAndResolve(
        _ options: BuildOptions, log: inout DiagnosticsLog,
        memo: MarkdownMemo?,
        progress: (String) -> Void
    ) throws(BuildFailure) -> ResolvedSite {
        progress("loading")
        let loaded: LoadedSite
        do {
            loaded = try ContentLoader.load(
                contentURL: options.contentURL, displayRoot: options.contentPath, includeDrafts: options.includeDrafts,
                includeUnpublishedLocales: options.includeUnpublishedLocales)
        } catch {
            log.append(error.diagnostics)
            log.skip("links, related ids, strings, templates and explainer blocks (the configuration has errors)")
            throw log.failure()
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
        log.append(loaded.errors)
        var graph = SiteResolver.resolve(loaded, log: &log)
        graph.warnings = loaded.warnings + graph.warnings + ReviewSchedule.diagnostics(graph, today: options.today)
        log.append(graph.warnings)
        return ResolvedSite(
            graph: graph, loaderWarningFiles: Set(loaded.warnings.map(\.location.file)),
            memo: conversion?.result() ?? MarkdownMemo())
    }

    /// Each locale's `locale.yml`, the default locale's first: where a missing string goes.
    private static func stringsFiles(_ graph: SiteGraph) -> [String] {
        let isDefault = { (locale: LocaleConfig) in locale.tag == graph.config.defaultLocale }
        return (graph.locales.filter(isDefault) + graph.locales.filter { !isDefault($0) }).map(\.location.file)
    }

    /// The templates; nil if they have errors, which go in the log with the checks they stop.
    private static func loadTheme(_ options: BuildOptions, graph: SiteGraph, log: inout DiagnosticsLog) -> Theme? {
        do {
            return try Theme.load(
                from: URL(fileURLWithPath: options.templatesPath), displayRoot: options.templatesPath,
                stringKeys: Set(graph.locales.flatMap(\.strings.keys)), kinds: PageKind.published(in: graph),
                stringsFiles: stringsFiles(graph))
        } catch {
            log.append(error.diagnostics)
            log.skip("the strings the templates use, and the pages' HTML (the templates have errors)")
            return nil
        }
    }

    /// Every check of the render stage that `theme` allows, writing nothing, for a run that has
    /// errors already: it then fails with the errors of every stage.
    private static func checkContent(
        _ resolved: ResolvedSite, theme: Theme?, options: BuildOptions, log: inout DiagnosticsLog
    ) {
        do {
            _ = try SiteRenderer.renderSite(
                resolved.graph, theme: theme, into: DiscardingSink(), today: options.today, memo: resolved.memo,
                checksOnly: true, pictures: pictureSettings(options, graph: resolved.graph))
        } catch {
            log.append(error)
        }
    }

    /// The output folder is replaced or changed by the build: it must not overlap the project, and
    /// must be spinesite's own.
    private static func checkOutputFolder(_ options: BuildOptions, log: inout DiagnosticsLog) throws(BuildFailure) {
        do throws(BuildFailure) {
            try OutputSafety.check(
                output: options.outputPath, protecting: [options.root, options.contentPath, options.templatesPath])
            try OutputOwnership.check(
                output: URL(fileURLWithPath: options.outputPath), root: URL(fileURLWithPath: options.root),
                hasBuildRecord: recordStore(options).hasRecord)
        } catch {
            log.append(error)
            throw log.failure()
        }
    }

    /// Stages 3 and 4: every page rendered into `sink`, then put in place.
    private static func write(
        _ resolved: ResolvedSite, theme: Theme, into sink: some SiteOutput, _ options: BuildOptions,
        log: inout DiagnosticsLog, progress: (String) -> Void
    ) throws(BuildFailure) -> Run {
        let rendered: RenderResult
        do throws(BuildFailure) {
            rendered = try SiteRenderer.renderSite(
                resolved.graph, theme: theme, into: sink, today: options.today, memo: resolved.memo,
                pictures: pictureSettings(options, graph: resolved.graph), progress: progress)
            progress("saving")
            try mark(sink, options: options)
        } catch {
            sink.discard()
            log.append(error)
            throw log.failure()
        }
        do throws(BuildFailure) {
            let changed = try sink.putInPlace(outputPaths: rendered.site.outputPaths, outputName: options.outputPath)
            return Run(rendered: rendered, changedFiles: changed, loaderWarningFiles: resolved.loaderWarningFiles)
        } catch {
            log.append(error)
            throw log.failure(leftOutputIncomplete: error.leftOutputIncomplete)
        }
    }

    /// Leaves the marker that lets later builds replace the folder (see `OutputOwnership`).
    private static func mark(_ sink: some OutputSink, options: BuildOptions) throws(BuildFailure) {
        let marker = OutputOwnership.marker(
            output: URL(fileURLWithPath: options.outputPath), root: URL(fileURLWithPath: options.root))
        if let failure = SiteRenderer.attempt({ try sink.write(OutputOwnership.markerName, marker) }) {
            throw BuildFailure(
                SiteRenderer.writeDiagnostics(
                    [FileWrite(path: OutputOwnership.markerName, failure: failure)], outputName: options.outputPath))
        }
    }

    /// Pictures with the site's pixel limit, their variants kept in `.spinesite-cache/pictures/`.
    private static func pictureSettings(_ options: BuildOptions, graph: SiteGraph) -> PictureSettings {
        PictureSettings(
            plan: PicturePlan(pixelLimit: graph.config.maxPicturePixels),
            cache: PictureCache(
                folder: URL(fileURLWithPath: options.root).appendingPathComponent(".spinesite-cache/pictures")))
    }

    /// The record of the last build into the output folder, under the options that matter.
    private static func recordStore(_ options: BuildOptions) -> RecordStore {
        RecordStore(
            root: URL(fileURLWithPath: options.root), output: URL(fileURLWithPath: options.outputPath),
            key: RecordKey.make(
                includeDrafts: options.includeDrafts, unpublishedLocales: options.includeUnpublishedLocales,
                today: options.today, templates: options.templatesPath))
    }

    /// Load and resolve: all that commands inspecting the site need. The
    /// graph's warnings include the loader's.
    public static func resolve(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws(BuildFailure)
        -> SiteGraph
    {
        var log = DiagnosticsLog()
        let resolved = try loadAndResolve(options, log: &log, memo: nil, progress: progress)
        if log.hasErrors { throw log.failure() }
        return resolved.graph
    }

    /// Load and resolve as far as they go, pages with errors left as they are: for a command that
    /// wants the site's ids even while a page is broken. Throws only when the configuration has errors.
    public static func resolveDespitePageErrors(_ options: BuildOptions) throws(BuildFailure) -> SiteGraph {
        var log = DiagnosticsLog()
        return try loadAndResolve(options, log: &log, memo: nil, progress: { _ in }).graph
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
