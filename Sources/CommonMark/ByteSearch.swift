import Glibc

/// Substring search and replacement over UTF-8 bytes. Foundation's
/// `range(of:)` and `replacingOccurrences` bridge through NSString on Linux
/// and were most of a build's time; these use memchr and copy whole runs.
enum ByteSearch {
    /// Index of the first `pattern` in `bytes` at or after `start`.
    static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
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

    /// `text` with the first `limit` occurrences of `target` replaced.
    static func replacing(_ target: String, with replacement: String, in text: String, limit: Int = .max) -> String {
        var source = text
        let pattern = Array(target.utf8)
        return source.withUTF8 { bytes in
            var output: [UInt8] = []
            var position = 0
            var replaced = 0
            while replaced < limit, let found = find(pattern, in: bytes, from: position) {
                if output.isEmpty { output.reserveCapacity(bytes.count + 64) }
                output.append(contentsOf: bytes[position..<found])
                output.append(contentsOf: replacement.utf8)
                position = found + pattern.count
                replaced += 1
            }
            guard replaced > 0 else { return text }
            output.append(contentsOf: bytes[position...])
            return String(decoding: output, as: UTF8.self)
        }
    }
}
