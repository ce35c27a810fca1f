public import Foundation

/// SHA-256 digests written as lower-case hex: content-hashed asset names,
/// picture cache keys and translation stamps all name bytes this way.
public enum SHA256Hex {
    /// The first `digits` hex digits (all 64 unless told) of the SHA-256 of `bytes`.
    public static func of(_ bytes: some DataProtocol, digits: Int = 64) -> String {
        let digest =
            bytes.withContiguousStorageIfAvailable { SHA256.hash(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { SHA256.hash($0) }
        return hex(digest, digits: digits)
    }

    /// The digest of `text`'s UTF-8 bytes.
    public static func of(_ text: String, digits: Int = 64) -> String {
        hex(text.withUTF8Bytes { SHA256.hash(UnsafeRawBufferPointer($0)) }, digits: digits)
    }

    /// `bytes` as lower-case hex, two digits a byte, cut to `digits`.
    static func hex(_ bytes: some Sequence<UInt8>, digits: Int = .max) -> String {
        var text: [UInt8] = []
        for byte in bytes {
            guard text.count < digits else { break }
            text.append(hexDigit(byte >> 4))
            text.append(hexDigit(byte & 0xF))
        }
        return String(decoding: text.prefix(digits), as: UTF8.self)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
