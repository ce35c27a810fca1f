/// The tokens of UTF-8 text: runs of letters (L*), marks (M*) and numbers (N*), what
/// JavaScript's `[\p{L}\p{M}\p{N}]+` matches in `search-words.js`. Read byte by byte, so that the
/// build's indexing makes no string for a token it has seen before.
enum WordTokens {
    /// Calls `body` with the byte range of every token of `bytes` (valid UTF-8), in order.
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = -1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let isWord: Bool
            let width: Int
            if byte < 0x80 {
                isWord = isASCIIWordByte(byte)
                width = 1
            } else {
                let scalar = decode(bytes, at: index)
                isWord = scalar.value.map(SearchWords.isWordScalar) ?? false
                width = scalar.width
            }
            if isWord, start < 0 { start = index }
            if !isWord, start >= 0 {
                body(start..<index)
                start = -1
            }
            index += width
        }
        if start >= 0 { body(start..<bytes.count) }
    }

    /// `0-9`, `A-Z` and `a-z` (a function, not a table: a static table costs a `swift_once` a byte).
    @inline(__always)
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    /// A scalar of UTF-8 and the bytes it takes (a stray byte: nil, one byte).
    private struct DecodedScalar {
        var value: Unicode.Scalar?
        var width: Int
    }

    /// The scalar whose lead byte (not ASCII) is at `index`.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> DecodedScalar {
        let lead = bytes[index]
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard width > 1, index + width <= bytes.count else { return DecodedScalar(value: nil, width: 1) }
        var value = UInt32(lead) & (0xFF >> (width + 1))
        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return DecodedScalar(value: Unicode.Scalar(value), width: width)
    }
}
