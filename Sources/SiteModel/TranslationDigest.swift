/// The version of a page that translations record in `translationOf`: the
/// first 12 hex digits of the SHA-256 of its normalised title, description
/// and body. Normalised: lines without trailing spaces, no trailing blank
/// lines, so re-saving a file in another editor does not make it "changed".
public enum TranslationDigest {
    public static let length = 12

    /// The text that is hashed.
    public static func normalisedText(of page: SourcePage) -> String {
        normalisedText(parts: [page.frontMatter.title.trimmed, page.frontMatter.description.trimmed, page.body])
    }

    /// The text hashed for a shared block: its body alone (a block has no title or description).
    public static func normalisedText(of block: SourceBlock) -> String {
        normalisedText(parts: [block.body])
    }

    private static func normalisedText(parts: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity((parts.last?.utf8.count ?? 0) + 256)
        for var part in parts {
            // Each line, trailing spaces and tabs dropped, over the UTF-8 bytes in place.
            part.withUTF8 { text in
                var lineStart = 0
                for index in 0...text.count where index == text.count || text[index] == 0x0A {
                    var end = index
                    while end > lineStart, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[lineStart..<end]))
                    bytes.append(0x0A)
                    lineStart = index + 1
                }
            }
        }
        while bytes.last == 0x0A { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func isWellFormed(_ digest: String) -> Bool {
        digest.count == length && digest.allSatisfy { $0.isHexDigit && ($0.isNumber || $0.isLowercase) }
    }
}
