import Foundation
import SiteRenderer

#if canImport(Glibc)
import Glibc
#endif

/// One file of the cache: a magic line, the key it was written under, the
/// payload, and a fingerprint of all of it. Anything that does not match
/// (another spinesite, other options, a torn or edited file) reads as absent.
enum CacheFile {
    static let magic = Array("spinesite cache 1\n".utf8)

    static func read(_ url: URL, key: String) -> ByteReader? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count > magic.count + 16, bytes.starts(with: magic) else { return nil }
        let body = bytes.count - 16
        var trailer = ByteReader(bytes, from: body)
        guard let high = try? trailer.uint64(), let low = try? trailer.uint64(),
              checksum(bytes[..<body]) == Fingerprint(high: high, low: low) else { return nil }
        var reader = ByteReader(Array(bytes[..<body]), from: magic.count)
        guard (try? reader.string()) == key else { return nil }
        return reader
    }

    /// Writes beside the final name, then renames: a reader sees the old file or the new one.
    static func write(_ url: URL, key: String, payload: (inout ByteWriter) -> Void) {
        var writer = ByteWriter()
        writer.write(key)
        payload(&writer)
        var bytes = magic + writer.bytes
        let sum = checksum(bytes[...])
        withUnsafeBytes(of: sum.high.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: sum.low.littleEndian) { bytes.append(contentsOf: $0) }
        let temporary = url.path + ".new-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return }
        if rename(temporary, url.path) != 0 { unlink(temporary) }
    }

    private static func checksum(_ bytes: ArraySlice<UInt8>) -> Fingerprint {
        var hasher = FingerprintHasher()
        bytes.withUnsafeBytes { hasher.combine(Data($0)) }
        return hasher.finalize()
    }
}
