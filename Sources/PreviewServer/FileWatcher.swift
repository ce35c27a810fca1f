// struct stat reaches Swift through CDispatch's module map on Linux.
import CDispatch
import Foundation
import Glibc
import Incremental

/// Watches folders (and every folder below them) with inotify and reports
/// changes in coalesced batches: an editor's save is often several events
/// (write to a temporary file, rename, attribute change), and a burst of saves
/// should cost one rebuild.
final class FileWatcher: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var watchedFolders: [Int32: String] = [:]
    private var stopped = false
    private static let mask = UInt32(
        IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ATTRIB)

    init(folders: [String]) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for folder in folders { addTree(folder) }
    }

    deinit { close(descriptor) }

    /// Batches of changes; a batch ends after `quiet` seconds without events.
    func changes(quiet: TimeInterval = 0.1) -> AsyncStream<[FileChange]> {
        AsyncStream { continuation in
            let thread = Thread { [self] in
                var pending: [FileChange] = []
                while !lock.withLock({ stopped }) {
                    // Wait for the first event without a limit, then gather until quiet.
                    let timeout: Int32 = pending.isEmpty ? 500 : Int32(quiet * 1000)
                    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    let ready = poll(&poller, 1, timeout)
                    if ready > 0 {
                        pending += readEvents()
                    } else if ready == 0, !pending.isEmpty {
                        continuation.yield(Array(Set(pending)).sorted())
                        pending = []
                    } else if ready < 0, errno != EINTR {
                        break
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { [self] _ in lock.withLock { stopped = true } }
            thread.start()
        }
    }

    private func readEvents() -> [FileChange] {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var changes: [FileChange] = []
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (watch, mask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + headerSize)..<min(offset + headerSize + nameLength, count)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            let folder = lock.withLock { watchedFolders[watch] }
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // The build then looks at every file.
                changes.append(.lostEvents)
            } else if name.hasPrefix(".") {
                // Hidden files (an editor's swap file) are not read by the build: no rebuild, no reload.
            } else if let folder {
                let path = name.isEmpty ? folder : folder + "/" + name
                changes.append(.file(path))
                // A new folder (or one moved in) is watched too, with what it already holds.
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(path) }
            }
            offset += headerSize + nameLength
        }
        return changes
    }

    private func addTree(_ folder: String) {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else { return }
        lock.withLock { watchedFolders[watch] = folder }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for child in children where !child.hasPrefix(".") {
            // lstat: a symbolic link to a folder is not followed (it could loop).
            let path = folder + "/" + child
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { addTree(path) }
        }
    }
}
