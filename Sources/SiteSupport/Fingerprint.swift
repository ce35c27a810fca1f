/// 128 bits of SHA-256 over a sequence of values: what an output or a
/// conversion was made from. Stable across runs and machines (unlike
/// `Hasher`, which is seeded per process), so it can be kept on disk.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public var description: String {
        SHA256Hex.hex(withUnsafeBytes(of: high.bigEndian, Array.init) + withUnsafeBytes(of: low.bigEndian, Array.init))
    }
}

/// Feeds values into SHA-256 with a type tag and a length before each, so
/// that ("ab", "c") and ("a", "bc") never collide by construction. Small
/// values are gathered in a buffer first: one SHA-256 update per short string
/// cost more than the hashing itself.
public struct FingerprintHasher {
    private var sha = SHA256()
    private var buffer: [UInt8] = []
    private static let bufferSize = 4096

    public init() {
        buffer.reserveCapacity(Self.bufferSize)
    }

    public mutating func combine(_ text: String) {
        text.withUTF8Bytes { append(kind: 1, UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ value: Int) { tag(2, count: value) }

    public mutating func combine(_ value: Bool) { tag(3, count: value ? 1 : 0) }

    /// Bytes without a tag or length: for a checksum of a stream read or
    /// written in pieces, where only the concatenation counts.
    public mutating func combineRaw(_ bytes: UnsafeRawBufferPointer) {
        if buffer.count + bytes.count <= Self.bufferSize {
            buffer.append(contentsOf: bytes)
        } else {
            flush()
            sha.update(bufferPointer: bytes)
        }
    }

    /// A fingerprint made earlier (of a locale's Markdown options, say).
    public mutating func combine(_ fingerprint: Fingerprint) {
        tag(5, count: 0)
        withUnsafeBytes(of: fingerprint.high.littleEndian) { buffer.append(contentsOf: $0) }
        withUnsafeBytes(of: fingerprint.low.littleEndian) { buffer.append(contentsOf: $0) }
    }

    /// A list of texts: its count, then each.
    public mutating func combine(texts: [String]) {
        tag(7, count: texts.count)
        for text in texts { combine(text) }
    }

    public func finalize() -> Fingerprint {
        var sha = sha
        buffer.withUnsafeBytes { sha.update(bufferPointer: $0) }
        let digest = sha.finalize()
        func word(_ start: Int) -> UInt64 { digest[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) } }
        return Fingerprint(high: word(0), low: word(8))
    }

    private mutating func tag(_ kind: UInt8, count: Int) {
        if buffer.count > Self.bufferSize - 9 { flush() }
        buffer.append(kind)
        withUnsafeBytes(of: Int64(count).littleEndian) { buffer.append(contentsOf: $0) }
    }

    private mutating func append(kind: UInt8, _ bytes: UnsafeRawBufferPointer) {
        tag(kind, count: bytes.count)
        combineRaw(bytes)
    }

    private mutating func flush() {
        buffer.withUnsafeBytes { sha.update(bufferPointer: $0) }
        buffer.removeAll(keepingCapacity: true)
    }
}

extension Fingerprint {
    /// The fingerprint of `parts`, in order.
    public static func of(_ parts: String...) -> Fingerprint {
        var hasher = FingerprintHasher()
        for part in parts { hasher.combine(part) }
        return hasher.finalize()
    }
}
