/// Escaping for text placed in HTML (elements and quoted attributes) and in
/// XML: `& < > " '`, on UTF-8 bytes. Runs without them are copied whole.
public enum HTMLEscape {
    /// `text` escaped; text with none of the five is returned as is.
    public static func text(_ text: String) -> String {
        text.withUTF8Bytes { source in
            guard nextSpecial(in: source, from: 0) < source.count else { return text }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(source.count + 16)
            append(source, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `text` escaped, appended to bytes being written.
    public static func append(_ text: String, to bytes: inout [UInt8]) {
        text.withUTF8Bytes { append($0, to: &bytes) }
    }

    /// `source` escaped, appended to bytes being written.
    public static func append(_ source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        forEachRun(of: source) { bytes.append(contentsOf: $0) }
    }

    /// Calls `write` with `source` escaped, in order: each run without `& < > " '`
    /// whole, and each of them as its entity. Writers of any buffer share it.
    @inlinable
    public static func forEachRun(
        of source: UnsafeBufferPointer<UInt8>, _ write: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var runStart = 0
        var index = nextSpecial(in: source, from: 0)
        while index < source.count {
            let replacement: StaticString
            switch source[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: replacement = "&#39;"
            }
            if runStart < index { write(UnsafeBufferPointer(rebasing: source[runStart..<index])) }
            replacement.withUTF8Buffer { write($0) }
            runStart = index + 1
            index = nextSpecial(in: source, from: runStart)
        }
        if runStart < source.count { write(UnsafeBufferPointer(rebasing: source[runStart...])) }
    }

    /// The index of the first of `& < > " '` at or after `start`, or the
    /// count. Eight bytes at a time: most text has none, and a byte loop
    /// was the largest single cost of rendering.
    @usableFromInline
    static func nextSpecial(in source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = source.baseAddress {
            while index + 8 <= source.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let found =
                    hasByte(word, 0x26) | hasByte(word, 0x3C) | hasByte(word, 0x3E) | hasByte(word, 0x22)
                    | hasByte(word, 0x27)
                if found != 0 { return index + (found.trailingZeroBitCount >> 3) }
                index += 8
            }
        }
        while index < source.count {
            switch source[index] {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return index
            default: index += 1
            }
        }
        return index
    }

    /// The high bit of each byte of `word` that equals `byte` (and possibly of
    /// bytes above a match, which the lowest match's position does not mind).
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & (ones &* 0x80)
    }
}
