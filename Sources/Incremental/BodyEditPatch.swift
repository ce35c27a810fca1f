import ContentLoader
public import Foundation
public import SiteModel
import SiteRenderer
import SiteResolver
import SiteWriter
import Synchronization

/// The preview's fast path: when the file watcher says only Markdown pages
/// changed, and only in their bodies, the last build's rendered site is
/// patched instead of loading and resolving the whole site again. The
/// edited pages are converted and finished with the functions a full
/// render uses; only they, their borrowed copies, translations whose status
/// moved and the content report are rendered; the record is patched with
/// the stamps of the files read and written, so a later `spinesite build`
/// still knows that nothing else changed.
///
/// A page placing shared blocks is patched too: its blocks are placed again
/// for it and its copies, as a full render places them.
///
/// Anything else (a new, removed or renamed file, a shared block's file, front
/// matter, headings, explainer blocks or block fences, a file the loader
/// warned about) makes `build` return nil, and the caller builds in full.
public enum BodyEditPatch {
    /// Where the site's files are.
    public struct Folders: Sendable {
        /// `Content/` as diagnostics name it, and as the watcher reports paths under it.
        public var content: String
        public var contentURL: URL
        public var output: URL
        /// How diagnostics name the output folder (`Site`).
        public var outputName: String

        public init(content: String, contentURL: URL, output: URL, outputName: String) {
            self.content = content
            self.contentURL = contentURL
            self.output = output
            self.outputName = outputName
        }
    }

    /// Patches the kept build for `changes`; nil if the change is not a
    /// body edit (the last build is then kept as it was).
    public static func build(_ changes: [FileChange], folders: Folders, lastBuild: LastBuild, store: RecordStore)
        throws(BuildFailure) -> BuildSummary?
    {
        guard let pages = pagePaths(changes, content: folders.content), InPlaceFolder.canUpdate(folders.output),
            var kept = lastBuild.takeRenderedSite(in: store)
        else { return nil }
        // Stamped before reading, as a full build's snapshot is.
        let parents = Set(pages.map { String($0.path.prefix(upTo: $0.path.lastIndex(of: "/")!)) + "/" })
        let inputStamps = InputSnapshot.trusted(FileStamp.of(pages.map(\.path) + parents.sorted()))
        guard !pages.contains(where: { kept.loaderWarningFiles.contains($0.path) }),
            let sources = reload(pages, folders: folders, limits: kept.site.graph.config.pageLimits),
            let edit = BodyEdit.plan(sources, in: kept.site.graph)
        else {
            lastBuild.giveBack(kept.site, in: store)
            return nil
        }
        let changing = Mutex(false)
        let sink = InPlaceFolder(output: folders.output) {
            changing.withLock { $0 = true }
            lastBuild.forgetRecord(in: store)
        }
        let pagesRendered: Int
        do throws(BuildFailure) {
            guard let rendered = try apply(edit, to: &kept.site, into: sink, outputName: folders.outputName) else {
                lastBuild.giveBack(kept.site, in: store)
                return nil
            }
            pagesRendered = rendered
        } catch {
            // A content error leaves the site as it was, and so does a failed write: what was written goes.
            sink.discard()
            if !changing.withLock({ $0 }) { lastBuild.giveBack(kept.site, in: store) }
            throw BuildFailure(edit.warnings(in: kept.site.graph) + error.diagnostics)
        }
        let changedFiles: [String]
        do {
            changedFiles = try sink.commitWritten()
        } catch {
            throw BuildFailure(
                kept.site.siteWarnings + [.error(SourceLocation(file: folders.output.path), "\(error)")],
                leftOutputIncomplete: true)
        }
        // The kept record was forgotten when the output began to change, so this copy changes in place.
        let gone = Set(kept.site.removedPaths)
        let written = changedFiles.filter { !gone.contains($0) }
        let patched = kept.record.patch(
            inputs: inputStamps, outputs: FileStamp.of(written, under: folders.output.path),
            removed: Array(gone), positions: &kept.positions)
        let summary = BuildSummary(kept.site, mode: .patch, pagesRendered: pagesRendered, changedFiles: changedFiles)
        kept.record.summary = summary
        lastBuild.keep(
            patched ? kept.record : nil, site: kept.site, loaderWarningFiles: kept.loaderWarningFiles, in: store,
            positions: kept.positions)
        return summary
    }

    /// Renders again what an edit to page bodies affects, into `sink`, which
    /// holds the site's output, and changes `site` in place to match.
    /// - Returns: how many pages' bytes changed; nil if the edit changed a
    ///   page's headings or explainer blocks, which other pages and files
    ///   show (links to anchors, the search index, the state grid). Nil, and
    ///   a thrown content error, leave `site` as it was.
    static func apply(_ edit: BodyEdit, to site: inout RenderedSite, into sink: some OutputSink, outputName: String)
        throws(BuildFailure) -> Int?
    {
        guard let replacements = replacements(for: edit, in: site.session) else { return nil }
        // The last build had no errors: any now are the edit's.
        let removed = replacements.flatMap { site.session.diagnostics(replacedBy: $0) }
        let added = replacements.flatMap(\.diagnostics)
        if added.hasErrors {
            var session = site.session
            for replacement in replacements { session.replace(replacement) }
            throw BuildFailure(site.stageDiagnostics + session.diagnostics)
        }
        // From here on the site is the edited one.
        site.siteWarnings.replace(removed + edit.removedWarnings, with: added + edit.addedWarnings)
        site.session.changePages { edit.apply(to: &$0) }
        for replacement in replacements { site.session.replace(replacement) }
        let writes = site.write(pages: edit.affected, edited: edit.edited, into: sink)
        let writeErrors = SiteRenderer.writeDiagnostics(writes, outputName: outputName)
        if !writeErrors.isEmpty { throw BuildFailure(site.siteWarnings + writeErrors) }
        // The pages changed (not the search index's files, the search pages or the content report).
        let pages = Set(edit.affected.map { site.graph.pages[$0].outputPath })
        return writes.filter { $0.changed && pages.contains($0.path) }.count
    }

    /// Each edited page rendered again, with its borrowed copies; nil if one changed what other
    /// pages show. (A function of its own: a graph held here past `changePages` would make that
    /// change copy every page of the site.)
    private static func replacements(for edit: BodyEdit, in session: RenderSession)
        -> [RenderSession.PageReplacement]?
    {
        let graph = session.graph
        var replacements: [RenderSession.PageReplacement] = []
        for index in edit.edited {
            let copies = edit.copies.filter { graph.pages[$0].fallbackOf == index }
            guard
                let replacement = session.replacement(
                    of: index, by: edit.page(index, in: graph),
                    copies: copies.map { RenderSession.EditedPage(index: $0, page: edit.page($0, in: graph)) })
            else { return nil }
            replacements.append(replacement)
        }
        return replacements
    }

    /// The pages read again; nil if one is gone, not a regular file, or has problems.
    private static func reload(_ pages: [PagePath], folders: Folders, limits: PageLimits) -> [SourcePage]? {
        var sources: [SourcePage] = []
        for page in pages {
            let reloaded = ContentLoader.reloadPage(
                contentURL: folders.contentURL, displayRoot: folders.content, locale: page.locale,
                relativePath: page.relativePath, limits: limits
            )
            guard let reloaded, reloaded.diagnostics.isEmpty, let source = reloaded.value else { return nil }
            sources.append(source)
        }
        return sources
    }

    struct PagePath {
        var path: String
        var locale: String
        var relativePath: String
    }

    /// The changes as Markdown pages under a locale folder; nil if any is
    /// something else, or changes were lost. Hidden files and folders,
    /// which the loader skips, are left out.
    static func pagePaths(_ changes: [FileChange], content: String) -> [PagePath]? {
        let prefix = content + "/"
        var pages: [PagePath] = []
        for change in changes {
            guard case .file(let path) = change, path.hasPrefix(prefix) else { return nil }
            let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
            if parts.contains(where: { $0.hasPrefix(".") }) { continue }
            guard parts.count >= 2, path.hasSuffix(".md"), !parts.contains(where: \.isEmpty) else { return nil }
            // A shared block shows on every page placing it: the full path renders them all.
            if parts[1] == SourceBlock.folder { return nil }
            pages.append(
                PagePath(path: path, locale: String(parts[0]), relativePath: parts.dropFirst().joined(separator: "/")))
        }
        return pages.isEmpty ? nil : pages
    }
}

extension Array where Element == Diagnostic {
    /// In this sorted list, `removed` taken out (one of each) and `added` put
    /// in their places: a re-sort of thousands of warnings on every save
    /// would cost the preview more than the edit.
    fileprivate mutating func replace(_ removed: [Diagnostic], with added: [Diagnostic]) {
        for diagnostic in removed {
            // Order ties (same place and message, another severity) are passed over.
            var position = insertionPoint(of: diagnostic)
            while position < count, self[position] != diagnostic, !(diagnostic < self[position]) { position += 1 }
            if position < count, self[position] == diagnostic { remove(at: position) }
        }
        for diagnostic in added { insert(diagnostic, at: insertionPoint(of: diagnostic)) }
    }
}
