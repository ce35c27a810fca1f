import SiteSupport

/// A text's UTF-8 bytes cut into lines as `split(omittingEmptySubsequences: false, whereSeparator:
/// \.isNewline)` cuts its characters: splitting by `Character` took a sixth of a build when run on
/// every page's body. Each line break is a `Character` of its own (Unicode's grapheme rules
/// break before and after every control character), so the same lines come out.
enum TextLines {
    /// The byte ranges of the lines of `bytes`, line breaks left out.
    static func lines(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let breaks = lineBreaks(in: bytes)
        var lines: [Range<Int>] = []
        lines.reserveCapacity(breaks.count + 1)
        var lineStart = 0
        for lineBreak in breaks {
            lines.append(lineStart..<lineBreak.lowerBound)
            lineStart = lineBreak.upperBound
        }
        lines.append(lineStart..<bytes.count)
        return lines
    }

    /// The byte ranges of the line breaks: LF, VT, FF, CR, CR LF (one break), NEL (U+0085),
    /// LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029).
    private static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var breaks: [Range<Int>] = []
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count {
                // Eight bytes at a time up to one that may start a break (see `ByteLanes`).
                let word = ByteLanes.load(bytes, at: index)
                let candidates =
                    ByteLanes.below(0x0E, word) | ByteLanes.equal(0xC2, word) | ByteLanes.equal(0xE2, word)
                guard candidates != 0 else {
                    index += 8
                    continue
                }
                index += candidates.trailingZeroBitCount / 8
            }
            let byte = bytes[index]
            var width = 0
            switch byte {
            case 0x0A, 0x0B, 0x0C: width = 1
            case 0x0D: width = index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
            case 0xC2: width = index + 1 < count && bytes[index + 1] == 0x85 ? 2 : 0
            case 0xE2:
                let isSeparator =
                    index + 2 < count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
                width = isSeparator ? 3 : 0
            default: break
            }
            if width > 0 {
                breaks.append(index..<index + width)
                index += width
            } else {
                index += 1
            }
        }
        return breaks
    }
}
