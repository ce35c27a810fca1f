/// The version of a page that translations record in `translationOf`: the
/// first 12 hex digits of the SHA-256 of its normalised title, description
/// and body. Normalised: lines without trailing spaces, no trailing blank
/// lines, so re-saving a file in another editor does not make it "changed".
public enum TranslationDigest {
    public static let length = 12

    /// The text that is hashed.
    public static func normalisedText(of page: SourcePage) -> String {
        let body = page.body.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.reversed().drop { $0 == " " || $0 == "\t" }.reversed() }
            .map { String($0) }
        var lines = [page.frontMatter.title.trimmed, page.frontMatter.description.trimmed] + body
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    public static func isWellFormed(_ digest: String) -> Bool {
        digest.count == length && digest.allSatisfy { $0.isHexDigit && ($0.isNumber || $0.isLowercase) }
    }
}
