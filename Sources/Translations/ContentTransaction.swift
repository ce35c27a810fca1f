import Foundation
import Glibc
import SiteModel

/// Writes a set of files into `Content/` all or nothing: after any failure (a full disk, a killed
/// process, a folder that cannot be written), `Content/` is as it was before or complete.
///
/// Writing each file atomically is not enough: a kill between two files leaves some written, and
/// Foundation's atomic write leaves its temporary file beside the target. So every new file is
/// first staged whole outside `Content/` (`ImportStaging`), on the same file system, and flushed;
/// then a journal naming each staged file and its target is written and flushed: from then on the
/// import can always be finished. Then each file is renamed into place (one atomic step each), and
/// the staging folder goes. A replaced file is kept in the staging folder (a hard link) until the
/// end, so that a rename that fails part way is undone, and `Content/` is again as it was. Before
/// the journal exists nothing in `Content/` has changed, so a staging folder without one is simply
/// dropped. `InterruptedImport` does that, or finishes the journal, before any later command.
enum ContentTransaction {
    /// A file to write: its path as diagnostics name it (`Content/fr/x.md`, or `ROOT/Content/fr/x.md`).
    struct File {
        var path: String
        var text: String
    }

    /// How moving a journal's files into place ended.
    enum Ending {
        case complete
        /// A move failed; the files moved before it were put back.
        case undone(DurableFiles.Failure)
        /// A move failed, and so did putting back the files moved before it: the journal, now an
        /// undo journal, is still there for the next command to finish.
        case partlyWritten(DurableFiles.Failure, undo: DurableFiles.Failure)
    }

    static func write(_ files: [File], root: String) throws(BuildFailure) {
        let changed = files.filter { FileManager.default.contents(atPath: $0.path) != Data($0.text.utf8) }
        guard !changed.isEmpty else { return }
        let lock: ContentLock
        let staging: ImportStaging
        let journal: ImportJournal
        do {
            lock = try ContentLock(root: root)
            staging = try ImportStaging.create(root: root)
        } catch {
            throw failure(error, "nothing was written: Content/ is unchanged")
        }
        defer { withExtendedLifetime(lock) {} }
        do {
            journal = try stage(changed, in: staging)
        } catch {
            staging.finish(.undone)
            throw failure(error, "the import stopped before changing anything: Content/ is unchanged")
        }
        ImportFault.killIfAsked(at: "journal")
        switch complete(journal, in: staging) {
        case .complete: break
        case .undone(let error):
            throw failure(error, "the files moved before it were put back: Content/ is unchanged")
        case .partlyWritten(let error, let undo):
            throw failure(
                error,
                "and putting back the files moved before it failed too (\(undo.path): \(undo.reason)): Content/ is "
                    + "partly written; fix that, then run any spinesite command to finish putting them back")
        }
    }

    /// Moves the journal's files into place; if one cannot be moved, puts back those that were.
    static func complete(_ journal: ImportJournal, in staging: ImportStaging) -> Ending {
        do {
            try journal.moveIntoPlace(staging)
            staging.finish(.complete)
            return .complete
        } catch {
            var undo = journal
            undo.direction = .undo
            do {
                try staging.write(undo)
                try undo.putBack(staging)
            } catch let undoError {
                return .partlyWritten(error, undo: undoError)
            }
            staging.finish(.undone)
            return .undone(error)
        }
    }

    /// Each file staged, each file it replaces kept, and the journal written, all flushed.
    private static func stage(_ files: [File], in staging: ImportStaging) throws(DurableFiles.Failure)
        -> ImportJournal
    {
        var journal = ImportJournal(direction: .forward, entries: [], createdFolders: [])
        let mask = umask(0)
        umask(mask)
        for (index, file) in files.enumerated() {
            let target = try relative(file.path, root: staging.root)
            var entry = ImportJournal.Entry(staged: "new-\(index + 1)", target: target)
            if ImportFault.shouldFail("stage", count: index + 1) { throw DurableFiles.Failure(file.path, "I/O error") }
            let mode = DurableFiles.permissions(of: file.path) ?? (0o666 & ~mask)
            try DurableFiles.write(Array(file.text.utf8), to: staging.path(entry.staged), mode: mode)
            if DurableFiles.exists(file.path) {
                entry.backup = "old-\(index + 1)"
                try DurableFiles.keep(file.path, as: staging.path(entry.backup!))
            }
            for folder in missingFolders(above: target, root: staging.root)
            where !journal.createdFolders.contains(folder) {
                journal.createdFolders.append(folder)
            }
            journal.entries.append(entry)
            ImportFault.killIfAsked(at: "staged", count: index + 1)
        }
        try DurableFiles.flushFolder(staging.folder)
        try staging.write(journal)
        return journal
    }

    /// `path` relative to the project folder, as the journal keeps it, so that it stays right
    /// whichever folder the next command is run from.
    private static func relative(_ path: String, root: String) throws(DurableFiles.Failure) -> String {
        let prefix = ImportStaging.join(root, "")
        guard prefix.isEmpty || path.hasPrefix(prefix) else { throw DurableFiles.Failure(path, "not in \(root)") }
        return String(path.dropFirst(prefix.count))
    }

    /// The folders above `target` that do not exist yet, outermost first.
    private static func missingFolders(above target: String, root: String) -> [String] {
        var folders: [String] = []
        var folder = (target as NSString).deletingLastPathComponent
        while !folder.isEmpty, !DurableFiles.isFolder(ImportStaging.join(root, folder)) {
            folders.insert(folder, at: 0)
            folder = (folder as NSString).deletingLastPathComponent
        }
        return folders
    }

    private static func failure(_ error: DurableFiles.Failure, _ outcome: String) -> BuildFailure {
        BuildFailure([.error(SourceLocation(file: error.path), "cannot write (\(error.reason)); \(outcome)")])
    }
}
