#if canImport(Glibc)
import Glibc
#endif

/// Substring replacement over UTF-8 bytes. Foundation's `range(of:)` and
/// `replacingOccurrences` bridge through NSString on Linux and were most of
/// the build's time; these search with memmem and copy whole runs.
extension String {
    /// Every occurrence of `target` replaced, left to right, non-overlapping.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        replacing(target, with: replacement, limit: .max)
    }

    /// The first occurrence of `target` replaced.
    public func replacingFirstOccurrence(_ target: String, with replacement: String) -> String {
        replacing(target, with: replacement, limit: 1)
    }

    private func replacing(_ target: String, with replacement: String, limit: Int) -> String {
        var source = self
        let pattern = Array(target.utf8)
        return source.withUTF8 { bytes in
            var output: [UInt8] = []
            var position = 0, replaced = 0
            while replaced < limit, let found = ByteSearch.find(pattern, in: bytes, from: position) {
                if output.isEmpty { output.reserveCapacity(bytes.count + 64) }
                output.append(contentsOf: bytes[position..<found])
                output.append(contentsOf: replacement.utf8)
                position = found + pattern.count
                replaced += 1
            }
            guard replaced > 0 else { return self }
            output.append(contentsOf: bytes[position...])
            return String(decoding: output, as: UTF8.self)
        }
    }
}

public enum ByteSearch {
    /// Index of the first `pattern` in `bytes` at or after `start`.
    public static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, let base = bytes.baseAddress else { return nil }
        var position = start
        // memchr finds candidates for the first byte at memory speed; compare the rest.
        while position + pattern.count <= bytes.count {
            guard let hit = memchr(base + position, Int32(first), bytes.count - position) else { return nil }
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard index + pattern.count <= bytes.count else { return nil }
            if memcmp(base + index, pattern, pattern.count) == 0 { return index }
            position = index + 1
        }
        return nil
    }
}
