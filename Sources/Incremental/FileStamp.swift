import Foundation
import Glibc
import SiteModel
import SiteSupport
import SiteWriter

/// A file as `lstat` sees it: enough to tell that it changed since last seen
/// (size, modification and change times to the nanosecond, inode).
public struct FileStamp: Hashable, Sendable {
    public var size: Int64
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The stamp of the file or link at `path`, nil if there is none.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    /// Every file, link and folder under `folder` (not following links), by
    /// `/`-separated relative path, folders with a trailing `/`. A folder's
    /// stamp changes when an entry is added, removed or renamed in it, so
    /// stamps of the folders and files are enough to see any change later
    /// without listing a folder again. Empty if `folder` is missing.
    public static func tree(under folder: String) -> [PathStamp] {
        var stamps: [PathStamp] = []
        if let root = FileStamp.of(folder) { stamps.append(PathStamp(path: "", stamp: root)) }
        // The folders at the top (a locale each, under Content/) are walked side by side.
        let (top, folders) = entries(of: "", under: folder)
        stamps += top
        stamps += ParallelMap.map(folders) { walk(from: $0, under: folder) }.flatMap { $0 }
        return stamps.sorted { $0.path < $1.path }
    }

    /// `start`'s entries and everything under them.
    private static func walk(from start: String, under folder: String) -> [PathStamp] {
        var stamps: [PathStamp] = []
        var pending = [start]
        while let relative = pending.popLast() {
            let (found, folders) = entries(of: relative, under: folder)
            stamps += found
            pending += folders
        }
        return stamps
    }

    /// The entries of the folder `relative` (`""`, or ending in `/`), and which are folders.
    private static func entries(of relative: String, under folder: String) -> (stamps: [PathStamp], folders: [String])
    {
        var stamps: [PathStamp] = []
        var folders: [String] = []
        let base = relative.isEmpty ? folder : folder + "/" + relative
        for name in POSIXFiles.names(in: base) {
            let path = relative + name
            var info = stat()
            guard lstat(base + "/" + name, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                folders.append(path + "/")
                stamps.append(PathStamp(path: path + "/", stamp: FileStamp(info)))
            } else {
                stamps.append(PathStamp(path: path, stamp: FileStamp(info)))
            }
        }
        return (stamps, folders)
    }

    /// The stamps of `paths` now, on all cores, missing files left out.
    /// - Parameter folder: what the paths are relative to; nil if they are whole.
    public static func of(_ paths: [String], under folder: String? = nil) -> [PathStamp] {
        // In chunks: one dispatch per file costs more than its lstat.
        let chunks = stride(from: 0, to: paths.count, by: 2048).map { $0..<min($0 + 2048, paths.count) }
        return ParallelMap.map(chunks) { range in
            paths[range].compactMap { path in
                FileStamp.of(folder.map { $0 + "/" + path } ?? path).map { PathStamp(path: path, stamp: $0) }
            }
        }.flatMap { $0 }
    }

    /// Whether every path still has its stamp (lstat only).
    public static func allUnchanged(_ stamps: [PathStamp], under folder: String? = nil) -> Bool {
        of(stamps.map(\.path), under: folder) == stamps
    }
}

/// A path and its stamp, as kept in the build record.
public struct PathStamp: Hashable, Sendable {
    public var path: String
    public var stamp: FileStamp

    public init(path: String, stamp: FileStamp) {
        self.path = path
        self.stamp = stamp
    }
}
