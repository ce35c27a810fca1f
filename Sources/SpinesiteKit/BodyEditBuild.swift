import Incremental
import ContentLoader
import Foundation
import SiteModel
import SiteRenderer
import SiteResolver
import SiteWriter

/// The preview's fast path: when the file watcher says only Markdown pages
/// changed, and only in their bodies, the last build's graph and render are
/// patched instead of loading and resolving the whole site again. Only the
/// edited pages, their borrowed copies, translations whose status moved and
/// the content report are rendered; the record is patched with the stamps
/// of the files read and written, so a later `spinesite build` still knows
/// that nothing else changed.
///
/// Anything else (a new, removed or renamed file, front matter, headings,
/// explainer blocks, locale strings, templates, a file the loader warned
/// about) makes `build` return nil, and the caller builds in full.
enum BodyEditBuild {
    static func build(_ options: BuildOptions, changedPaths: [String], previous: PreviousBuild) throws(BuildFailure) -> BuildReport? {
        let output = URL(fileURLWithPath: options.outputPath)
        guard let pages = pagePaths(changedPaths, options: options), InPlaceFolder.canUpdate(output), var last = previous.takeSession() else { return nil }
        // Stamped before reading, as a full build's snapshot is.
        let folders = Set(pages.map { String($0.path.prefix(upTo: $0.path.lastIndex(of: "/")!)) + "/" })
        let inputStamps = InputSnapshot.trusted(FileStamp.of(pages.map(\.path) + folders.sorted()))
        guard !pages.contains(where: { last.loaderWarningFiles.contains($0.path) }),
              let sources = reload(pages, options: options, maxBytes: last.session.graph.config.maxPageBytes),
              let edit = BodyEdit.plan(sources, in: last.session.graph) else {
            previous.restore(last.session)
            return nil
        }
        let changing = ChangeFlag()
        let sink = InPlaceFolder(output: output) {
            changing.set()
            previous.invalidate()
        }
        let pagesRendered: Int
        do {
            guard let rendered = try SiteRenderer.update(&last.session, edit: edit, into: sink) else {
                previous.restore(last.session)
                return nil
            }
            pagesRendered = rendered
        } catch {
            // A content error leaves the session as it was; a failed write leaves the output unknown.
            if !changing.isSet { previous.restore(last.session) }
            throw BuildFailure(edit.warnings(in: last.session.graph) + error.diagnostics)
        }
        var report = BuildReport(
            pageCounts: last.session.pageCounts, filesWritten: last.session.outputPaths.count, warnings: last.session.siteWarnings,
            outputPath: options.outputPath, basePath: last.session.graph.config.basePath
        )
        report.kind = .bodyEdit
        report.pagesRendered = pagesRendered
        report.changedFiles = sink.written()
        // The memory's copy was dropped when the output began to change, so this one changes in place.
        let patched = last.record.patch(inputs: inputStamps, outputs: FileStamp.of(report.changedFiles, under: output.path), positions: last.positions)
        last.record.take(report)
        previous.save(patched ? last.record : nil, session: last.session, loaderWarningFiles: last.loaderWarningFiles, positions: last.positions)
        return report
    }

    /// The pages read again; nil if one is gone, not a regular file, or has problems.
    private static func reload(_ pages: [PagePath], options: BuildOptions, maxBytes: Int) -> [SourcePage]? {
        var sources: [SourcePage] = []
        for page in pages {
            let reloaded = ContentLoader.reloadPage(
                contentURL: URL(fileURLWithPath: options.root).appendingPathComponent("Content"), displayRoot: options.contentPath,
                locale: page.locale, relativePath: page.relativePath, maxBytes: maxBytes
            )
            guard let reloaded, reloaded.diagnostics.isEmpty, let source = reloaded.page else { return nil }
            sources.append(source)
        }
        return sources
    }

    struct PagePath {
        var path: String
        var locale: String
        var relativePath: String
    }

    /// Set once, from the thread that begins changing the output.
    private final class ChangeFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
    }

    /// The changed paths as Markdown pages under a locale folder; nil if any
    /// is something else. Hidden files and folders, which the loader skips,
    /// are left out.
    static func pagePaths(_ paths: [String], options: BuildOptions) -> [PagePath]? {
        let prefix = options.contentPath + "/"
        var pages: [PagePath] = []
        for path in paths {
            guard path.hasPrefix(prefix) else { return nil }
            let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
            if parts.contains(where: { $0.hasPrefix(".") }) { continue }
            guard parts.count >= 2, path.hasSuffix(".md"), !parts.contains(where: \.isEmpty) else { return nil }
            pages.append(PagePath(path: path, locale: String(parts[0]), relativePath: parts.dropFirst().joined(separator: "/")))
        }
        return pages.isEmpty ? nil : pages
    }
}
