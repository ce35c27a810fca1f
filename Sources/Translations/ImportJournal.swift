import Foundation
import Glibc

/// What an import is doing to `Content/`, on disk in its staging folder: each staged file and where
/// it goes. Once the journal is there every new file is staged and flushed, so the import can always
/// be finished from it; before, nothing in `Content/` has changed, so it can always be dropped.
struct ImportJournal: Codable, Equatable {
    enum Direction: String, Codable {
        /// Move each staged file into place (roll forward).
        case forward
        /// A move failed: put each replaced file back and remove each new one (roll back).
        case undo
    }

    struct Entry: Codable, Equatable {
        /// The new file's name in the staging folder.
        var staged: String
        /// Where it goes, relative to the project folder: `Content/fr/therapies/tens.md`.
        var target: String
        /// The replaced file's name in the staging folder (a hard link to it), nil for a new file.
        var backup: String?
    }

    var direction: Direction
    var entries: [Entry]
    /// Folders the import creates, relative to the project folder, outermost first.
    var createdFolders: [String]

    /// Moves each staged file still in the staging folder into place; one moved already is skipped,
    /// so finishing a journal twice is finishing it once.
    func moveIntoPlace(_ staging: ImportStaging) throws(DurableFiles.Failure) {
        for folder in createdFolders where !DurableFiles.isFolder(staging.full(folder)) {
            guard mkdir(staging.full(folder), 0o755) == 0 || errno == EEXIST else {
                throw DurableFiles.Failure(staging.full(folder))
            }
        }
        var moved = 0
        for entry in entries where DurableFiles.exists(staging.path(entry.staged)) {
            moved += 1
            if ImportFault.shouldFail("move", count: moved) { throw DurableFiles.Failure(entry.target, "I/O error") }
            try DurableFiles.move(staging.path(entry.staged), to: staging.full(entry.target))
            ImportFault.killIfAsked(at: "moved", count: moved)
        }
        try flushFolders(staging)
    }

    /// Puts back each replaced file and removes each new one that was moved into place; a file
    /// still staged was never moved, and one put back already is skipped.
    func putBack(_ staging: ImportStaging) throws(DurableFiles.Failure) {
        var undone = 0
        for entry in entries.reversed() where !DurableFiles.exists(staging.path(entry.staged)) {
            if let backup = entry.backup {
                guard DurableFiles.exists(staging.path(backup)) else { continue }
                try DurableFiles.move(staging.path(backup), to: staging.full(entry.target))
            } else {
                try DurableFiles.remove(staging.full(entry.target))
            }
            undone += 1
            ImportFault.killIfAsked(at: "undone", count: undone)
        }
        // A folder that is not empty was not only the import's: it stays.
        for folder in createdFolders.reversed() { rmdir(staging.full(folder)) }
        try flushFolders(staging)
    }

    /// The folders whose entries the moves changed, flushed.
    private func flushFolders(_ staging: ImportStaging) throws(DurableFiles.Failure) {
        var folders = Set(entries.map { (staging.full($0.target) as NSString).deletingLastPathComponent })
        for folder in createdFolders { folders.insert((staging.full(folder) as NSString).deletingLastPathComponent) }
        for folder in folders.sorted() where DurableFiles.isFolder(folder) { try DurableFiles.flushFolder(folder) }
    }
}
