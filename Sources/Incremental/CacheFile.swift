import Foundation
import Glibc
import SiteRenderer
import SiteSupport
import SiteWriter

/// The record's file: a magic line, the key it was written under, the
/// payload, and a fingerprint of all of it. Anything that does not match
/// (another spinesite, other options, a torn or edited file) reads as absent.
enum CacheFile {
    static let magic = Array("spinesite cache 1\n".utf8)

    static func read(_ url: URL, key: String) -> ByteReader? {
        guard let bytes = FileBytes.read(url.path) else { return nil }
        guard bytes.count > magic.count + 16, bytes.starts(with: magic) else { return nil }
        let body = bytes.count - 16
        var trailer = ByteReader(bytes, from: body)
        guard let high = try? trailer.uint64(), let low = try? trailer.uint64(),
            bytes.withUnsafeBytes({ checksum(UnsafeRawBufferPointer(rebasing: $0[..<body])) })
                == Fingerprint(high: high, low: low)
        else { return nil }
        var reader = ByteReader(bytes, from: magic.count, end: body)
        guard (try? reader.string()) == key else { return nil }
        return reader
    }

    /// Writes beside the final name, then renames: a reader sees the old file
    /// or the new one.
    /// - Parameter commit: runs the rename, or does not (then the new file is dropped).
    static func write(
        _ url: URL, key: String, commit: (_ rename: () -> Void) -> Void = { $0() }, payload: (inout ByteWriter) -> Void
    ) {
        var writer = ByteWriter()
        writer.append(magic)
        writer.write(key)
        payload(&writer)
        let sum = writer.bytes.withUnsafeBytes { checksum($0) }
        writer.write(sum.high)
        writer.write(sum.low)
        let temporary = url.path + ".new-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let complete = writer.bytes.withUnsafeBytes { POSIXFiles.writeAll(descriptor, $0) }
        close(descriptor)
        var renamed = false
        if complete { commit { renamed = rename(temporary, url.path) == 0 } }
        if !renamed { unlink(temporary) }
    }

    private static func checksum(_ bytes: UnsafeRawBufferPointer) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combineRaw(bytes)
        return hasher.finalize()
    }
}
