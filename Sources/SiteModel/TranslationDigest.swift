/// The version of a page that translations record in `translationOf`: the
/// first 12 hex digits of the SHA-256 of its normalised title, description
/// and body. Normalised: lines without trailing spaces, no trailing blank
/// lines, so re-saving a file in another editor does not make it "changed".
public enum TranslationDigest {
    public static let length = 12

    /// The text that is hashed.
    public static func normalisedText(of page: SourcePage) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(page.body.utf8.count + 256)
        for part in [page.frontMatter.title.trimmed, page.frontMatter.description.trimmed, page.body] {
            for line in part.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
                let end = line.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { line.index(after: $0) } ?? line.startIndex
                bytes.append(contentsOf: line[..<end])
                bytes.append(0x0A)
            }
        }
        while bytes.last == 0x0A { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func isWellFormed(_ digest: String) -> Bool {
        digest.count == length && digest.allSatisfy { $0.isHexDigit && ($0.isNumber || $0.isLowercase) }
    }
}
