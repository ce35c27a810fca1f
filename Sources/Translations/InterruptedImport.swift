public import SiteModel

/// What a killed `translations import` left, dealt with before any command reads or writes
/// `Content/` (the command line calls this first, in one place): an import whose journal is on
/// disk is finished (rolled forward), one stopped before its journal is dropped (rolled back, as
/// `Content/` was not touched yet), and one whose undo was cut short is undone. See
/// `ContentTransaction` for why these are the only cases.
public enum InterruptedImport {
    /// What was done, as one line for standard error; nil when nothing was left (nearly always:
    /// then this costs two `stat` calls).
    public static func recover(root: String) throws(BuildFailure) -> String? {
        guard ImportStaging.existing(root: root) != nil else { return nil }
        let lock: ContentLock
        do {
            lock = try ContentLock(root: root)
        } catch {
            throw BuildFailure([.error(SourceLocation(file: error.path), "cannot lock Content/: \(error.reason)")])
        }
        defer { withExtendedLifetime(lock) {} }
        // Another process may have dealt with it while this one waited for the lock.
        guard let left = ImportStaging.existing(root: root) else { return nil }
        switch left.state {
        case .complete:
            ImportStaging.removeFolder(left.staging.folder)
            return "Removed what was left of a finished translations import: Content/ is complete."
        case .undone:
            ImportStaging.removeFolder(left.staging.folder)
            return "Removed what was left of an undone translations import: Content/ is as it was before it."
        case .active:
            return try recover(left.staging)
        }
    }

    private static func recover(_ staging: ImportStaging) throws(BuildFailure) -> String {
        let journal: ImportJournal?
        do {
            journal = try staging.journal()
        } catch {
            throw BuildFailure([
                .error(
                    SourceLocation(file: error.path),
                    "\(error.reason), so an interrupted translations import can be neither finished nor undone; "
                        + "compare Content/ with version control, then remove \(staging.folder)")
            ])
        }
        guard let journal else {
            staging.finish(.undone)
            return "Dropped a translations import that was stopped before it changed anything: Content/ is as it "
                + "was before it."
        }
        if journal.direction == .undo {
            do { try journal.putBack(staging) } catch { throw partlyWritten(error) }
            staging.finish(.undone)
            return "Finished undoing a translations import that failed: Content/ is as it was before it."
        }
        let left = journal.entries.filter { DurableFiles.exists(staging.path($0.staged)) }.count
        switch ContentTransaction.complete(journal, in: staging) {
        case .complete:
            return "Finished a translations import that was stopped part way: moved its last \(left) of "
                + "\(journal.entries.count) files into place. Content/ is complete."
        case .undone(let error):
            return "Could not finish a translations import that was stopped part way (\(error.path): "
                + "\(error.reason)), so undid it: Content/ is as it was before it."
        case .partlyWritten(_, let undo):
            throw partlyWritten(undo)
        }
    }

    private static func partlyWritten(_ error: DurableFiles.Failure) -> BuildFailure {
        BuildFailure([
            .error(
                SourceLocation(file: error.path),
                "cannot finish or undo an interrupted translations import (\(error.reason)): Content/ is partly "
                    + "written; fix that and run spinesite again")
        ])
    }
}
