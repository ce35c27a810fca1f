/// A text cut into lines as `split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)`
/// cuts it, found on UTF-8 bytes: splitting by `Character` took a sixth of a build when run on
/// every page's body. Each line break is a `Character` of its own (Unicode's grapheme rules
/// break before and after every control character), so the same lines come out.
enum TextLines {
    static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if let next = lineBreakEnd(utf8, at: index) {
                lines.append(text[lineStart..<index])
                lineStart = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        lines.append(text[lineStart..<utf8.endIndex])
        return lines
    }

    /// Where the line break at `index` ends (`\r\n` is one), nil if none starts there: LF, VT,
    /// FF, CR, NEL (U+0085), LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029).
    private static func lineBreakEnd(_ utf8: String.UTF8View, at index: String.Index) -> String.Index? {
        let after = utf8.index(after: index)
        let following = after < utf8.endIndex ? utf8[after] : nil
        switch utf8[index] {
        case 0x0A, 0x0B, 0x0C:
            return after
        case 0x0D:
            return following == 0x0A ? utf8.index(after: after) : after
        case 0xC2 where following == 0x85:
            return utf8.index(after: after)
        case 0xE2 where following == 0x80:
            let third = utf8.index(after: after)
            guard third < utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 else { return nil }
            return utf8.index(after: third)
        default:
            return nil
        }
    }
}
