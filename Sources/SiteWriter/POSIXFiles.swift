import Foundation
import Glibc
import SiteModel
import SiteSupport

/// Plain POSIX calls for the hot paths of writing a site: FileManager on Linux
/// costs several times more per file, and a site has tens of thousands.
public enum POSIXFiles {
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw OutputError(path: path, reason: "cannot create folder: \(String(cString: strerror(errno)))")
        }
    }

    static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer) throws {
        // Not through a link: a link planted in the output must not carry a write elsewhere.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard writeAll(descriptor, buffer) else {
            throw OutputError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes all of `buffer` to an open file, retrying short and interrupted writes.
    public static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// `rm -rf` without following symbolic links.
    static func removeTree(_ path: String) {
        if isFolder(path) {
            for name in names(in: path) { removeTree(path + "/" + name) }
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
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == buffer.count else {
            return false
        }
        guard buffer.count > 0 else { return true }
        guard let existing = FileBytes.read(descriptor: descriptor, count: buffer.count) else { return false }
        return existing.withUnsafeBytes { memcmp($0.baseAddress!, buffer.baseAddress!, buffer.count) == 0 }
    }

    /// Whether `path` is a folder itself, not a link to one.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Names in a folder, without `.` and `..`.
    public static func names(in path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
