import Foundation
import SiteModel

#if canImport(Glibc)
import Glibc
#endif

/// Plain POSIX calls for the hot paths of writing a site: FileManager on Linux
/// costs several times more per file, and a site has tens of thousands.
enum POSIXFiles {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw Failure(description: "cannot create folder \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// `rm -rf` without following symbolic links.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            if let directory = opendir(path) {
                var names: [String] = []
                while let entry = readdir(directory) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                    if name != "." && name != ".." { names.append(name) }
                }
                closedir(directory)
                for name in names { removeTree(path + "/" + name) }
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}

extension POSIXFiles {
    /// Whether `path` is a regular file (not a link) holding exactly `buffer`.
    static func holds(_ path: String, _ buffer: UnsafeRawBufferPointer) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == buffer.count else { return false }
        guard buffer.count > 0 else { return true }
        var existing = [UInt8](repeating: 0, count: buffer.count)
        var offset = 0
        while offset < buffer.count {
            let count = existing.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, buffer.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return existing.withUnsafeBytes { memcmp($0.baseAddress!, buffer.baseAddress!, buffer.count) == 0 }
    }

    /// Whether `path` is a folder itself, not a link to one.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Names in a folder, without `.` and `..`.
    static func names(in path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

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
        var pending = [""]
        while let relative = pending.popLast() {
            let base = relative.isEmpty ? folder : folder + "/" + relative
            for name in POSIXFiles.names(in: base) {
                let path = relative + name
                var info = stat()
                guard lstat(base + "/" + name, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    pending.append(path + "/")
                    stamps.append(PathStamp(path: path + "/", stamp: FileStamp(info)))
                } else {
                    stamps.append(PathStamp(path: path, stamp: FileStamp(info)))
                }
            }
        }
        return stamps.sorted { $0.path < $1.path }
    }

    /// Whether every path still has its stamp: lstat only, on all cores.
    /// - Parameter folder: what the paths are relative to; nil if they are whole.
    public static func allUnchanged(_ stamps: [PathStamp], under folder: String? = nil) -> Bool {
        let chunks = stride(from: 0, to: stamps.count, by: 2048).map { $0..<min($0 + 2048, stamps.count) }
        return ParallelMap.map(chunks) { range in
            stamps[range].allSatisfy { entry in
                FileStamp.of(folder.map { $0 + "/" + entry.path } ?? entry.path) == entry.stamp
            }
        }.allSatisfy { $0 }
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
