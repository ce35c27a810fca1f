public import Foundation
public import SiteModel

#if canImport(Glibc)
    import Glibc
#endif

/// Stage 4 for an incremental build: writes into the output folder itself.
///
/// A file whose bytes are unchanged is not touched, so its modification time
/// stays (rsync, CDNs and browsers see nothing new); a changed file is written
/// beside its old self and renamed over it, so a reader never sees half a
/// file. `finish()` removes what the build no longer produces. Every content
/// error is found before the first write, as in a clean build; an I/O error
/// part-way can leave some files new and some old, which the next build
/// (told to start clean by the missing cache) repairs.
public final class InPlaceFolder: OutputSink, @unchecked Sendable {
    public let output: URL
    private var expected: Set<String> = []
    private let lock = NSLock()
    private var changed: [String] = []
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
            if !POSIXFiles.isFolder(full) { unlink(full) }
            try POSIXFiles.makeDirectory(full)
            guard POSIXFiles.isFolder(full) else { throw OutputError(path: full, reason: "cannot create folder") }
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
        let temporary = full + ".spinesite-new"
        try POSIXFiles.writeFile(temporary, bytes)
        guard rename(temporary, full) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(path: full, reason: "cannot replace: \(reason)")
        }
        lock.withLock { changed.append(path) }
        return true
    }

    /// The paths written so far (without `finish`, for a build that rewrites
    /// known files and removes none).
    public func written() -> [String] {
        lock.withLock { changed.sorted() }
    }

    /// Removes files and folders the build did not produce (the kept files
    /// excepted); returns the paths written this time.
    @discardableResult
    public func finish() -> [String] {
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
