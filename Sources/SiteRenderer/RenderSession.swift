import SiteModel
import SiteResolver

/// What one render computed, kept by a long-running process (the preview
/// server) so that an edit to page bodies redoes only the pages that show
/// them (see `SiteRenderer.update`).
public struct RenderSession: Sendable {
    let theme: Theme
    let strings: LocaleStrings
    var builder: PageValueBuilder
    var markdown: MarkdownStage.Result
    /// The explainer presets' and the locale strings' problems.
    let stageDiagnostics: [Diagnostic]
    var report: ContentReport.Table
    /// Every warning of the build, the graph's and the render's, sorted (a
    /// body edit keeps it so, for the build's report).
    public internal(set) var siteWarnings: [Diagnostic]
    public let pageCounts: [(locale: String, pages: Int)]
    /// Every file of the output folder, relative to it.
    public let outputPaths: [String]

    /// The graph the session rendered.
    public var graph: SiteGraph { builder.graph }

    /// What the next build can reuse.
    public var memo: RenderMemo { RenderMemo(conversions: markdown.conversions) }
}

extension SiteRenderer {
    /// Renders again only what an edit to page bodies affects: the edited
    /// pages, their borrowed copies, the translations whose status moved, and
    /// the content report. Writes those into `sink`, which must hold the
    /// session's output, and updates `session` in place.
    /// - Returns: how many pages were rendered; nil if the edit changed a
    ///   page's headings or explainer blocks, which other pages and files
    ///   show: a full render is needed. Nil, and a thrown content error,
    ///   leave `session` as it was.
    public static func update(_ session: inout RenderSession, edit: BodyEdit, into sink: some OutputSink, outputName: String = "Site") throws(BuildFailure) -> Int? {
        guard let patch = MarkdownStage.prepare(session.markdown, edit: edit, graph: session.graph, strings: session.strings) else { return nil }
        // The session's build had no errors: any now are the edit's.
        let changes = MarkdownStage.changes(in: session.markdown, with: patch)
        if changes.added.hasErrors { throw BuildFailure(session.stageDiagnostics + MarkdownStage.diagnostics(of: session.markdown, with: patch)) }
        // From here on the session describes the edited site.
        session.siteWarnings.replace(changes.removed + edit.removedWarnings, with: changes.added + edit.addedWarnings)
        session.builder.apply(edit)
        MarkdownStage.apply(patch, to: &session.markdown)
        let affected = edit.affected.filter { session.graph.pages[$0].isPublished }
        session.report.update(pages: affected, graph: session.graph, readingLevels: session.markdown.readingLevels)
        let jobs = affected.map { TemplateJob.page($0, graph: session.graph, builder: session.builder, markdown: session.markdown) }
        let theme = session.theme
        var failures: [(path: String, failure: (any Error)?)] = []
        var changed = 0
        if let failure = attempt({ try sink.prepare(jobs.map(\.path) + [ContentReport.path]) }) {
            failures.append(("", failure))
        } else {
            failures = jobs.map { job in
                let written = job.write(theme: theme, into: sink)
                if written.changed { changed += 1 }
                return (job.path, written.failure)
            }
            failures.append((ContentReport.path, attempt { try sink.write(ContentReport.path, session.report.html) }))
        }
        let writeErrors = writeDiagnostics(failures, outputName: outputName)
        if !writeErrors.isEmpty { throw BuildFailure(session.siteWarnings + writeErrors) }
        return changed
    }
}

private extension Array where Element == Diagnostic {
    /// In this sorted list, `removed` taken out (one of each) and `added` put
    /// in their places: a re-sort of thousands of warnings on every save
    /// would cost the preview more than the edit.
    mutating func replace(_ removed: [Diagnostic], with added: [Diagnostic]) {
        for diagnostic in removed {
            // Order ties (same place and message, another severity) are passed over.
            var position = insertionPoint(of: diagnostic)
            while position < count, self[position] != diagnostic, !(diagnostic < self[position]) { position += 1 }
            if position < count, self[position] == diagnostic { remove(at: position) }
        }
        for diagnostic in added { insert(diagnostic, at: insertionPoint(of: diagnostic)) }
    }
}
