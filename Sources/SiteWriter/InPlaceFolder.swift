public import Foundation
import Glibc
public import SiteModel

/// Stage 4 for an incremental build: writes into the output folder itself.
///
/// A file whose bytes are unchanged is not touched, so its modification time
/// stays (rsync, CDNs and browsers see nothing new). A changed file is written
/// beside its old self (`name.spinesite-new`), and nothing is renamed until
/// every file is written: a full disk or a failed write part-way (`discard()`)
/// removes the new files and leaves the folder as it was. `finish()` then
/// renames them all over their old selves, which needs no space, and removes
/// what the build no longer produces. Every content error is found before the
/// first write, as in a clean build. Only a process killed during the renames
/// leaves some files new and some old, which the next build (told to start
/// clean by the missing cache) repairs; a killed build's `.spinesite-new`
/// files are removed by the next one.
public final class InPlaceFolder: OutputSink, @unchecked Sendable {
    public let output: URL
    private var expected: Set<String> = []
    private let lock = NSLock()
    private var changed: [String] = []
    /// Folders `prepare` made, which `discard` removes again.
    private var created: [String] = []
    /// Files written beside their old selves, waiting for `finish()`.
    private var pending: [String] = []
    /// Files of the earlier build to remove once the written ones are in place.
    private var stale: [String] = []
    static let newSuffix = ".spinesite-new"
    private let beforeChanges: @Sendable () -> Void

    /// - Parameter beforeChanges: called once, after every content check and
    ///   before the first change to the folder.
    public init(output: URL, beforeChanges: @escaping @Sendable () -> Void = {}) {
        self.output = output
        self.beforeChanges = beforeChanges
    }

    /// Whether an incremental build can write into `output`: a folder itself,
    /// not a link to one (a clean build replaces a link with a folder).
    public static func canUpdate(_ output: URL) -> Bool {
        POSIXFiles.isFolder(output.path)
    }

    /// Refuses paths outside the folder and creates the folders they need. A
    /// file or a link where a folder belongs is removed first, as a clean
    /// build would drop it: a link planted in the output must not carry
    /// writes elsewhere (unlink removes the link, never what it points to).
    public func prepare(_ paths: [String]) throws {
        guard POSIXFiles.isFolder(output.path) else { throw OutputError(path: output.path, reason: "not a folder") }
        for folder in try StagingFolder.folders(of: paths) {
            let full = output.path + "/" + folder
            guard !POSIXFiles.isFolder(full) else { continue }
            unlink(full)
            try POSIXFiles.makeDirectory(full)
            guard POSIXFiles.isFolder(full) else { throw OutputError(path: full, reason: "cannot create folder") }
            created.append(full)
        }
        expected = Set(paths)
        beforeChanges()
    }

    public func write(_ path: String, bytes: UnsafeRawBufferPointer) throws -> Bool {
        guard StagingFolder.isContained(path) else {
            throw OutputError(path: path, reason: "refusing to write outside the output folder")
        }
        let full = output.path + "/" + path
        if POSIXFiles.holds(full, bytes) { return false }
        let temporary = full + Self.newSuffix
        lock.withLock { pending.append(path) }
        unlink(temporary)  // a killed build's
        do {
            try POSIXFiles.writeFile(temporary, bytes)
        } catch let error as OutputError {
            throw OutputError(path: full, reason: error.reason)
        }
        return true
    }

    /// Removes `path` once the written files are in place (`commitWritten`).
    public func remove(_ path: String) {
        lock.withLock { stale.append(path) }
    }

    /// Removes every file written so far: the folder is as it was before this build.
    public func discard() {
        for path in lock.withLock({ pending }) { unlink(output.path + "/" + path + Self.newSuffix) }
        lock.withLock { pending = [] }
        // Deepest first: `prepare` made each folder after the one holding it.
        for folder in created.reversed() { rmdir(folder) }
        created = []
    }

    /// Puts every written file in place, for a build that rewrites known files, and removes
    /// those marked by `remove`; returns the paths written or removed this time.
    public func commitWritten() throws -> [String] {
        let written = lock.withLock { pending.sorted() }
        for (number, path) in written.enumerated() {
            let full = output.path + "/" + path
            guard rename(full + Self.newSuffix, full) == 0 else {
                let reason = String(cString: strerror(errno))
                // Those not yet renamed go; the folder is part new, and the next build starts clean.
                for rest in written[number...] { unlink(output.path + "/" + rest + Self.newSuffix) }
                lock.withLock { pending = [] }
                throw OutputError(path: full, reason: "cannot replace: \(reason)")
            }
        }
        let removed = lock.withLock { stale.sorted() }
        for path in removed { unlink(output.path + "/" + path) }
        lock.withLock {
            changed += written + removed
            pending = []
            stale = []
        }
        return (written + removed).sorted()
    }

    /// Puts every written file in place and removes files and folders the build did not produce
    /// (the kept files excepted); returns the paths changed this time.
    @discardableResult
    public func finish() throws -> [String] {
        _ = try commitWritten()
        removeStale(under: "")
        return lock.withLock { changed.sorted() }
    }

    private func removed(_ path: String) {
        lock.withLock { changed.append(path) }
    }

    /// - Returns: whether the folder is now empty.
    @discardableResult
    private func removeStale(under relative: String) -> Bool {
        let base = relative.isEmpty ? output.path : output.path + "/" + relative
        var kept = 0
        for name in POSIXFiles.names(in: base) {
            let path = relative.isEmpty ? name : relative + "/" + name
            if relative.isEmpty && (StagingFolder.keptFiles.contains(name) || name.hasPrefix(".")) {
                kept += 1
            } else if POSIXFiles.isFolder(base + "/" + name) {
                if removeStale(under: path) { rmdir(base + "/" + name) } else { kept += 1 }
            } else if expected.contains(path) {
                kept += 1
            } else if unlink(base + "/" + name) == 0 {
                removed(path)
            }
        }
        return kept == 0
    }
}
