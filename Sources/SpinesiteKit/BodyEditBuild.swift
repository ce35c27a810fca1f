import BuildCache
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
        guard let last = previous.session(), let pages = pagePaths(changedPaths, options: options),
              !pages.contains(where: { last.loaderWarningFiles.contains($0.file) }) else { return nil }
        let output = URL(fileURLWithPath: options.outputPath)
        guard InPlaceFolder.canUpdate(output) else { return nil }
        // Stamped before reading, as a full build's snapshot is.
        let folders = Set(pages.map { String($0.path.prefix(upTo: $0.path.lastIndex(of: "/")!)) + "/" })
        let inputStamps = InputSnapshot.trusted(FileStamp.of(pages.map(\.path) + folders.sorted()))
        var sources: [SourcePage] = []
        for page in pages {
            let reloaded = ContentLoader.reloadPage(
                contentURL: URL(fileURLWithPath: options.root).appendingPathComponent("Content"), displayRoot: options.contentPath,
                locale: page.locale, relativePath: page.relativePath, maxBytes: last.session.graph.config.maxPageBytes
            )
            guard let reloaded, reloaded.diagnostics.isEmpty, let source = reloaded.page else { return nil }
            sources.append(source)
        }
        guard let edit = BodyEdit.apply(sources, to: last.session.graph) else { return nil }
        let sink = InPlaceFolder(output: output) { previous.invalidate() }
        let rendered: RenderSummary
        do {
            guard let summary = try SiteRenderer.update(last.session, edit: edit, into: sink) else { return nil }
            rendered = summary
        } catch {
            throw BuildFailure(edit.graph.warnings + error.diagnostics)
        }
        var report = BuildReport(
            pageCounts: rendered.pageCounts, filesWritten: rendered.filesWritten, warnings: (edit.graph.warnings + rendered.warnings).sorted(),
            outputPath: options.outputPath, basePath: edit.graph.config.basePath
        )
        report.kind = .bodyEdit
        report.pagesRendered = rendered.pagesRendered
        report.changedFiles = sink.written()
        let record = last.record.patched(
            report, inputs: inputStamps, outputs: FileStamp.of(report.changedFiles, under: output.path)
        )
        previous.save(record, memo: rendered.memo, conversionsChanged: false, session: rendered.session, loaderWarningFiles: last.loaderWarningFiles)
        return report
    }

    struct PagePath {
        var path: String
        var locale: String
        var relativePath: String
        var file: String
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
            pages.append(PagePath(path: path, locale: String(parts[0]), relativePath: parts.dropFirst().joined(separator: "/"), file: path))
        }
        return pages.isEmpty ? nil : pages
    }
}

extension BuildRecord {
    /// This record with the stamps of the files a body edit read and wrote
    /// replaced; nil if a read file is not in it (the next build then looks
    /// at every file).
    func patched(_ report: BuildReport, inputs newInputs: [PathStamp], outputs newOutputs: [PathStamp]) -> BuildRecord? {
        func replacing(_ stamps: [PathStamp], with new: [PathStamp]) -> [PathStamp]? {
            var positions: [String: Int] = [:]
            for (position, entry) in stamps.enumerated() { positions[entry.path] = position }
            var result = stamps
            for entry in new {
                guard let position = positions[entry.path] else { return nil }
                result[position] = entry
            }
            return result
        }
        guard let inputs = replacing(inputs, with: newInputs), let outputs = replacing(outputs, with: newOutputs) else { return nil }
        return BuildRecord(report, inputs: inputs, outputs: outputs)
    }
}
