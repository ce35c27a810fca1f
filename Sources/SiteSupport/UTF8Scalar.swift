/// The scalar a multi-byte UTF-8 sequence encodes and the bytes it takes, read straight from a
/// buffer: the word scanners of reading level and search read text byte by byte and decode
/// only what is not ASCII.
public struct UTF8Scalar {
    public let scalar: Unicode.Scalar
    /// Its length in bytes: where the next scalar starts.
    public let length: Int

    /// The scalar starting at `index`, whose lead byte is not ASCII. A stray continuation byte or
    /// a sequence cut short (never in a Swift string's bytes) reads as U+FFFD, one byte long.
    @inlinable
    public init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else {
            scalar = "\u{FFFD}"
            self.length = 1
            return
        }
        var value = lead & (0xFF >> UInt32(length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        self.length = length
    }
}
