import Foundation

/// A work a page cites, from its front matter's `references:`.
public struct Reference: Sendable, Hashable {
    /// How the text cites it: `[@sluka2003]`.
    public var key: String
    public var title: String
    public var authors: String
    public var journal: String?
    public var year: Int?
    public var pmid: String?
    public var doi: String?
    public var url: String?
    public var location: SourceLocation

    public init(
        key: String, title: String, authors: String, journal: String? = nil, year: Int? = nil, pmid: String? = nil,
        doi: String? = nil, url: String? = nil, location: SourceLocation
    ) {
        self.key = key
        self.title = title
        self.authors = authors
        self.journal = journal
        self.year = year
        self.pmid = pmid
        self.doi = doi
        self.url = url
        self.location = location
    }

    /// Links a reader can follow: PubMed, doi.org, then the given URL.
    public var links: [String] {
        [pmid.map { "https://pubmed.ncbi.nlm.nih.gov/\($0)/" }, doi.map { "https://doi.org/\($0)" }, url].compactMap {
            $0
        }
    }

    /// 1 to 8 digits.
    public static func isWellFormedPMID(_ text: String) -> Bool {
        (1...8).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `10.<4–9 digits>/<suffix without spaces>`.
    /// An absolute http(s) URL made only of the characters RFC 3986 allows
    /// (others percent-encoded), with a host: what an `href` may hold as is.
    public static func isWellFormedURL(_ text: String) -> Bool {
        guard let schemeEnd = text.range(of: "://"), ["http", "https"].contains(text[..<schemeEnd.lowerBound]) else {
            return false
        }
        let host = text[schemeEnd.upperBound...].prefix { !"/?#".contains($0) }
        guard !host.isEmpty else { return false }
        return text.unicodeScalars.allSatisfy { urlCharacters.contains($0) }
    }

    private static let urlCharacters = CharacterSet.alphanumerics.intersection(
        CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128))
    )
    .union(CharacterSet(charactersIn: "-._~:/?#[]@!$&'()*+,;=%"))

    public static func isWellFormedDOI(_ text: String) -> Bool {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, parts[0].hasPrefix("10."), !parts[1].isEmpty, !text.contains(where: \.isWhitespace)
        else { return false }
        let registrant = parts[0].dropFirst(3)
        return (4...9).contains(registrant.count) && registrant.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }
}
