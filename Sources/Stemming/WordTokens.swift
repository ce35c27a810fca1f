import SiteSupport

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
                let scalar = UTF8Scalar(bytes, at: index)
                isWord = SearchWords.isWordScalar(scalar.scalar)
                width = scalar.length
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
}
