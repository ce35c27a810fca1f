import SiteSupport

/// The tokens of UTF-8 text: runs of letters (L*), marks (M*) and numbers (N*), what
/// JavaScript's `[\p{L}\p{M}\p{N}]+` matches in `search-words.js`. Read from the bytes, so that
/// the build's indexing makes no string for a token it has seen before.
enum WordTokens {
    /// Calls `body` with the byte range of every token of `bytes` (valid UTF-8), in order.
    @inline(__always)
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var index = 0
        while index < bytes.count {
            let start = index
            index = wordEnd(in: bytes, from: index)
            if index > start { body(start..<index) }
            // `index` is at the end or at a character no word has: step over it.
            guard index < bytes.count else { return }
            index += bytes[index] < 0x80 ? 1 : UTF8Scalar(bytes, at: index).length
        }
    }

    /// The end of the run of word characters that starts at `index` (`index` itself if none).
    /// Most of a page's words are ASCII: eight bytes are classified at once while there are
    /// eight to read, and a scalar is decoded only where a byte is not ASCII.
    @inline(__always)
    private static func wordEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let others = nonWordBytes(ByteLanes.load(bytes, at: index))
                guard others != 0 else {
                    index += 8
                    continue
                }
                index += others.trailingZeroBitCount / 8
            }
            let byte = bytes[index]
            if byte < 0x80 {
                guard isASCIIWordByte(byte) else { return index }
                index += 1
            } else {
                let scalar = UTF8Scalar(bytes, at: index)
                guard SearchWords.isWordScalar(scalar.scalar) else { return index }
                index += scalar.length
            }
        }
        return index
    }

    /// The high bit of each byte of `word` (eight bytes, the first lowest) that is not an ASCII
    /// word byte (`isASCIIWordByte`), every byte from 0x80 up included.
    @inline(__always)
    static func nonWordBytes(_ word: UInt64) -> UInt64 {
        let sevenBit = word & ByteLanes.low7
        // Upper case folded to lower case; the digits keep their bit 0x20.
        let folded = sevenBit | ByteLanes.ones &* 0x20
        let isDigit = ByteLanes.atLeast(0x30, folded) & ~ByteLanes.atLeast(0x3A, folded)
        let isLetter = ByteLanes.atLeast(0x61, folded) & ~ByteLanes.atLeast(0x7B, folded)
        // Folding lifts 0x10-0x19 to the digits: a byte below 0x20 is no word byte.
        let isWord = (isDigit | isLetter) & ByteLanes.atLeast(0x20, sevenBit) & ByteLanes.ascii(word)
        return ~isWord & ByteLanes.high
    }

    /// `0-9`, `A-Z` and `a-z` (a function, not a table: a static table costs a `swift_once` a byte).
    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26
    }
}
