import Glibc

/// Substring search over UTF-8 bytes with memchr: Foundation's `range(of:)` bridges through
/// NSString on Linux, and a byte-by-byte loop over a page's body took several percent of a
/// build for checks that most pages pass.
public enum ByteSearch {
    /// Index of the first `pattern` in `bytes` at or after `start`.
    public static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, let base = bytes.baseAddress else { return nil }
        var position = start
        while position + pattern.count <= bytes.count {
            guard let hit = memchr(base + position, Int32(first), bytes.count - position) else { return nil }
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard index + pattern.count <= bytes.count else { return nil }
            if memcmp(base + index, pattern, pattern.count) == 0 { return index }
            position = index + 1
        }
        return nil
    }

    /// Whether `text`'s UTF-8 holds `pattern`'s.
    public static func contains(_ pattern: String, in text: String) -> Bool {
        let pattern = Array(pattern.utf8)
        return text.withUTF8Bytes { find(pattern, in: $0, from: 0) != nil }
    }
}
