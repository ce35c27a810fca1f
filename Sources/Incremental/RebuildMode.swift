public import Foundation
import SiteWriter

/// How much of the site a build redoes, decided from what changed since the last build into the
/// same output folder.
public enum RebuildMode: Sendable, Equatable {
    /// No input changed since the recorded build: nothing is read but file stamps.
    case unchanged
    /// Only page bodies changed (the preview's watcher said which files): the kept build is
    /// patched, and only the pages showing those bodies are rendered (see `BodyEditPatch`).
    case patch
    /// Every page is rendered into the output folder itself; only files whose bytes changed are
    /// rewritten.
    case inPlace
    /// Every page is rendered into a fresh staging folder, which is swapped in whole.
    case staging

    /// - Parameters:
    ///   - changes: the files changed since `lastBuild`, if the caller knows them (the preview's
    ///     file watcher); nil to look at every file.
    ///   - record: the last build's record (see `LastBuild.record(in:)`); nil if there is none.
    ///   - content: `Content/` as the watcher names paths under it.
    ///   - fromScratch: ignore the last build (`spinesite build --clean`).
    public static func decide(
        after changes: [FileChange]?, record: BuildRecord?, lastBuild: LastBuild, store: RecordStore,
        content: String, output: URL, fromScratch: Bool
    ) -> RebuildMode {
        if fromScratch { return .staging }
        if let changes, BodyEditPatch.pagePaths(changes, content: content) != nil { return .patch }
        guard let record else { return .staging }
        if lastBuild.mayStopWhenUnchanged(in: store), record.describesFiles(under: output) { return .unchanged }
        return InPlaceFolder.canUpdate(output) ? .inPlace : .staging
    }
}
