import Incremental
import SiteModel
import SiteRenderer
import SiteResolver
import SiteWriter

extension BuildRecord {
    /// The record of a build: its stamps, and its report for a later build
    /// that finds nothing changed.
    init(_ report: BuildReport, inputs: [PathStamp], outputs: [PathStamp]) {
        self.init(
            inputs: inputs, outputs: outputs,
            pageCounts: report.pageCounts.map { PageCount(locale: $0.locale, pages: $0.pages) },
            filesWritten: report.filesWritten, warnings: report.warnings, basePath: report.basePath)
        draftsSkipped = report.draftsSkipped
    }
}

extension BuildReport {
    /// The report of the recorded build, for a build that found nothing changed.
    init(_ record: BuildRecord, outputPath: String) {
        self.init(
            pageCounts: record.pageCounts.map { ($0.locale, $0.pages) }, filesWritten: record.filesWritten,
            warnings: record.warnings, outputPath: outputPath, basePath: record.basePath
        )
        kind = .unchanged
        draftsSkipped = record.draftsSkipped
    }
}

extension BuildReport {
    /// The report of a patched build.
    init(_ patch: BodyEditPatch.Outcome, options: BuildOptions) {
        self.init(
            pageCounts: patch.site.pageCounts, filesWritten: patch.site.outputPaths.count,
            warnings: patch.site.siteWarnings,
            outputPath: options.outputPath, basePath: patch.site.graph.config.basePath
        )
        kind = .bodyEdit
        draftsSkipped = patch.site.graph.leftOut.draftCount
        pagesRendered = patch.pagesRendered
        changedFiles = patch.changedFiles
    }
}
