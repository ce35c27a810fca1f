import SiteSupport

/// The tokens of UTF-8 text: runs of letters (L*), marks (M*) and numbers (N*), what
/// JavaScript's `[\p{L}\p{M}\p{N}]+` matches in `search-words.js`. Read byte by byte, so that the
/// build's indexing makes no string for a token it has seen before.
enum WordTokens {
    /// Calls `body` with the byte range of every token of `bytes` (valid UTF-8), in order.
    @inline(__always)
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var index = 0
        while index < bytes.count {
            let start = index
            // Most of a page's words are ASCII: their bytes are read by the first test alone.
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    guard isASCIIWordByte(byte) else { break }
                    index += 1
                } else {
                    let scalar = UTF8Scalar(bytes, at: index)
                    guard SearchWords.isWordScalar(scalar.scalar) else { break }
                    index += scalar.length
                }
            }
            if index > start { body(start..<index) }
            // `index` is at the end or at a character no word has: step over it.
            guard index < bytes.count else { return }
            index += bytes[index] < 0x80 ? 1 : UTF8Scalar(bytes, at: index).length
        }
    }

    /// `0-9`, `A-Z` and `a-z` (a function, not a table: a static table costs a `swift_once` a byte).
    @inline(__always)
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26
    }
}
