import Crypto
import Foundation

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

    public var description: String { String(format: "%016llx%016llx", high, low) }
}

/// Feeds values into SHA-256 with a type tag and a length before each, so
/// that ("ab", "c") and ("a", "bc") never collide by construction.
public struct FingerprintHasher {
    private var sha = SHA256()

    public init() {}

    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            tag(1, count: bytes.count)
            sha.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        }
    }

    public mutating func combine(_ value: Int) { tag(2, count: value) }

    public mutating func combine(_ value: Bool) { tag(3, count: value ? 1 : 0) }

    public mutating func combine(_ data: Data) {
        tag(4, count: data.count)
        sha.update(data: data)
    }

    public mutating func combine(_ fingerprint: Fingerprint) {
        tag(5, count: 0)
        withUnsafeBytes(of: fingerprint.high.littleEndian) { sha.update(bufferPointer: $0) }
        withUnsafeBytes(of: fingerprint.low.littleEndian) { sha.update(bufferPointer: $0) }
    }

    /// A template's values: strings, numbers, flags, arrays and dictionaries
    /// (keys sorted), as `PageContext` builds them. Other types are a bug.
    public mutating func combine(value: Any) {
        switch value {
        case let text as String: combine(text)
        case let flag as Bool: combine(flag)
        case let number as Int: combine(number)
        case let number as Double: combine(String(number.bitPattern))
        case let dictionary as [String: Any]:
            tag(6, count: dictionary.count)
            for key in dictionary.keys.sorted() {
                combine(key)
                combine(value: dictionary[key]!)
            }
        case let array as [Any]:
            tag(7, count: array.count)
            for element in array { combine(value: element) }
        default:
            preconditionFailure("Fingerprint: no rule for \(type(of: value))")
        }
    }

    public func finalize() -> Fingerprint {
        let digest = Array(sha.finalize())
        func word(_ start: Int) -> UInt64 { digest[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) } }
        return Fingerprint(high: word(0), low: word(8))
    }

    private mutating func tag(_ kind: UInt8, count: Int) {
        // Two separate updates: a tuple's padding bytes are not initialised.
        withUnsafeBytes(of: kind) { sha.update(bufferPointer: $0) }
        withUnsafeBytes(of: Int64(count).littleEndian) { sha.update(bufferPointer: $0) }
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
