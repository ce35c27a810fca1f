import Foundation
import Glibc
import SiteSupport
import SiteWriter

/// The POSIX steps of an all-or-nothing write, each flushed to disk (fsync) before the next relies on
/// it, so that a crash, not only a killed process, leaves what the journal says. Each throws the
/// system's reason (`Permission denied`, `No space left on device`).
enum DurableFiles {
    struct Failure: Error {
        var path: String
        var reason: String

        init(_ path: String, _ reason: String = String(cString: strerror(errno))) {
            self.path = path
            self.reason = reason
        }
    }

    /// A new file at `path` holding `bytes`, with `mode`'s permissions, flushed.
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Failure(path) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { POSIXFiles.writeAll(descriptor, $0) }
        // The mode as given, whatever the umask: a replaced file keeps its permissions.
        guard written, fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else { throw Failure(path) }
    }

    /// Flushes a folder's entries: a file created, renamed or removed in it stays so after a crash.
    static func flushFolder(_ path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Failure(path) }
    }

    static func move(_ source: String, to target: String) throws(Failure) {
        guard rename(source, target) == 0 else { throw Failure(target) }
    }

    /// A second name for the file at `path` (a hard link), or else a copy of it.
    static func keep(_ path: String, as copy: String) throws(Failure) {
        if link(path, copy) == 0 { return }
        guard let bytes = FileBytes.read(path) else { throw Failure(path) }
        try write(bytes, to: copy, mode: permissions(of: path) ?? 0o644)
    }

    /// The permission bits of the file at `path`, nil when there is none.
    static func permissions(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The file system a path is on, nil when it does not exist.
    static func device(of path: String) -> UInt? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt(info.st_dev) : nil
    }

    /// Removes a file; one that is not there is no failure.
    static func remove(_ path: String) throws(Failure) {
        guard unlink(path) == 0 || errno == ENOENT else { throw Failure(path) }
    }
}
