import Foundation
import Glibc

/// The folder where an import stages its files and journal before moving them into `Content/`.
///
/// It is `.spinesite-cache/import/`, outside `Content/` so that a killed import leaves nothing in
/// it, when that is on the same file system as `Content/`: only there is a move (rename) one atomic
/// step. When it is not (the cache is a mount or a link elsewhere), or cannot be made, the staging
/// folder is `Content/.spinesite-import/`, which the loader skips, as it skips every name that
/// starts with a dot.
struct ImportStaging {
    /// The project folder: journal paths are relative to it.
    let root: String
    let folder: String

    var journalPath: String { folder + "/journal.json" }

    /// A file in the staging folder.
    func path(_ name: String) -> String { folder + "/" + name }

    /// A path of the journal (relative to the project folder) as a path to open.
    func full(_ relative: String) -> String { Self.join(root, relative) }

    /// What a staging folder says about `Content/`, by its name.
    enum State: String {
        /// An import under way, or stopped: its journal (if any) says what to do.
        case active = ""
        /// Finished: every file is in place; only the folder is left to remove.
        case complete = ".complete"
        /// Given up: `Content/` is as it was; only the folder is left to remove.
        case undone = ".undone"
    }

    /// The places a staging folder can be, in the order they are tried.
    static func candidates(root: String) -> [String] {
        [join(root, ".spinesite-cache/import"), join(root, "Content/.spinesite-import")]
    }

    /// A staging folder an earlier import left, and its state.
    struct Left {
        let staging: ImportStaging
        let state: State
    }

    /// The staging folder an earlier import left, and its state, if there is one.
    static func existing(root: String) -> Left? {
        for base in candidates(root: root) {
            for state in [State.active, .complete, .undone] where DurableFiles.isFolder(base + state.rawValue) {
                return Left(staging: ImportStaging(root: root, folder: base + state.rawValue), state: state)
            }
        }
        return nil
    }

    /// A new, empty staging folder on `Content/`'s file system. Fails if an active one exists: it is
    /// another import's, which recovery finishes or drops first.
    static func create(root: String) throws(DurableFiles.Failure) -> ImportStaging {
        let content = join(root, "Content")
        let (cache, inContent) = (candidates(root: root)[0], candidates(root: root)[1])
        mkdir(join(root, ".spinesite-cache"), 0o755)
        if mkdir(cache, 0o755) == 0 {
            if DurableFiles.device(of: cache) == DurableFiles.device(of: content) {
                return ImportStaging(root: root, folder: cache)
            }
            rmdir(cache)
        } else if errno == EEXIST {
            throw DurableFiles.Failure(cache, Self.leftOver)
        }
        guard mkdir(inContent, 0o755) == 0 else {
            throw DurableFiles.Failure(inContent, errno == EEXIST ? Self.leftOver : String(cString: strerror(errno)))
        }
        return ImportStaging(root: root, folder: inContent)
    }

    private static let leftOver =
        "an earlier import's staging folder is still there (run any spinesite command to finish or undo it)"

    /// Writes the journal beside its place and renames it there, so it is whole or absent.
    func write(_ journal: ImportJournal) throws(DurableFiles.Failure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(journal) else { throw DurableFiles.Failure(journalPath, "cannot encode") }
        let temporary = journalPath + ".new"
        try DurableFiles.remove(temporary)
        try DurableFiles.write([UInt8](data), to: temporary, mode: 0o644)
        try DurableFiles.move(temporary, to: journalPath)
        try DurableFiles.flushFolder(folder)
    }

    /// The journal, nil when the import was stopped before writing it.
    func journal() throws(DurableFiles.Failure) -> ImportJournal? {
        guard DurableFiles.exists(journalPath) else { return nil }
        guard let data = FileManager.default.contents(atPath: journalPath),
            let journal = try? JSONDecoder().decode(ImportJournal.self, from: data)
        else { throw DurableFiles.Failure(journalPath, "the journal cannot be read") }
        return journal
    }

    /// Renames the folder to say how the import ended, then removes it: a kill part way through
    /// the removal leaves a folder whose name still says what happened to `Content/`.
    func finish(_ state: State) {
        let finished = state == .active ? folder : folder + state.rawValue
        if finished != folder { Self.removeFolder(finished) }
        Self.removeFolder(rename(folder, finished) == 0 ? finished : folder)
    }

    /// Removes a staging folder, which holds only files.
    static func removeFolder(_ path: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { unlink(path + "/" + name) }
        rmdir(path)
    }

    static func join(_ root: String, _ relative: String) -> String {
        root.isEmpty || root == "." ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }
}

/// An exclusive lock (flock) on `Content/` while an import is written or recovered, so that two
/// spinesite processes never move the same files at once. The kernel drops it when the process
/// dies, so a killed import leaves no lock behind.
final class ContentLock {
    private let descriptor: Int32

    init(root: String) throws(DurableFiles.Failure) {
        let content = ImportStaging.join(root, "Content")
        descriptor = open(content, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DurableFiles.Failure(content) }
        guard flock(descriptor, LOCK_EX) == 0 else {
            close(descriptor)
            throw DurableFiles.Failure(content)
        }
    }

    deinit { close(descriptor) }
}
