/// URLs a page must not send a reader to: scripts (`javascript:`, `vbscript:`), files on the reader's
/// own computer (`file:`) and documents written into the URL itself (`data:`).
public enum DangerousURL {
    /// The schemes spinesite refuses in a link or a picture, lower-cased, with the colon.
    public static let schemes = ["javascript:", "vbscript:", "file:", "data:"]

    /// The refused scheme `url` starts with (`javascript:`), as a browser reads it: browsers drop
    /// leading spaces and control characters and every tab and line break before they read a
    /// scheme. A `data:` picture counts too, although cmark-gfm keeps it: it skips the site's
    /// picture checks and sizes, and the site's Content-Security-Policy blocks it.
    ///
    /// Read as bytes, as this runs on every link and picture of every page: the schemes are ASCII,
    /// so a byte of a longer character never matches, and the spaces and controls skipped are ASCII.
    public static func scheme(of url: String) -> String? {
        var url = url
        return url.withUTF8 { bytes in
            var start = 0
            while start < bytes.count, bytes[start] <= 0x20 { start += 1 }
            return schemes.first { startsWith($0, bytes[start...]) }
        }
    }

    /// Whether `text`, its tabs and line breaks skipped, starts with `scheme` in any case.
    private static func startsWith(_ scheme: String, _ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var index = text.startIndex
        for expected in scheme.utf8 {
            while index < text.endIndex, isTabOrLineBreak(text[index]) { index += 1 }
            guard index < text.endIndex, lowercased(text[index]) == expected else { return false }
            index += 1
        }
        return true
    }

    private static func isTabOrLineBreak(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
