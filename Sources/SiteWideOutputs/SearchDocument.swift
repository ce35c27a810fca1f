import Foundation
import SiteSupport
import Stemming

/// One thing the search page finds: a page, or a glossary term on the glossary page.
public struct SearchDocument: Sendable {
    /// The page's index in the graph (nil: a glossary term).
    public var page: Int?
    public var url: String
    public var title: String
    /// The title of the section the page is in ("" at the top level).
    public var section: String
    public var description: String
    /// The headings of levels 2 and 3 (weighed like part of the title).
    public var headings: [String]
    /// The body as a reader sees it (`HTMLText`).
    public var text: String

    public init(
        page: Int?, url: String, title: String, section: String, description: String, headings: [String],
        text: String
    ) {
        self.page = page
        self.url = url
        self.title = title
        self.section = section
        self.description = description
        self.headings = headings
        self.text = text
    }

    /// What the search page shows of the document and finds excerpts and phrases in:
    /// `{"s":section,"t":title,"u":url,"x":description and text}`.
    var fragment: Data {
        var json = JSONWriter(escaping: .minimal)
        json.object { json in
            json.key("s")
            json.string(section)
            json.key("t")
            json.string(title)
            json.key("u")
            json.string(url)
            json.key("x")
            json.string(description.isEmpty ? text : text.isEmpty ? description : description + "\n" + text)
        }
        return Data(json.bytes)
    }
}

/// A document's terms, each with its weighted count (BM25F-like: a word of the title counts
/// as `titleWeight` words of the body, one of a heading as `headingWeight`), and its length in words.
struct DocumentTerms: Sendable, Equatable {
    static let titleWeight: Float = 5
    static let headingWeight: Float = 3
    static let descriptionWeight: Float = 2

    var counts: [String: Float] = [:]
    var length = 0

    init(_ document: SearchDocument, words: inout SearchWords) {
        add(document.title, weight: Self.titleWeight, counted: true, words: &words)
        add(document.description, weight: Self.descriptionWeight, counted: true, words: &words)
        // Headings are part of the body text too: they add the difference.
        for heading in document.headings {
            add(heading, weight: Self.headingWeight - 1, counted: false, words: &words)
        }
        add(document.text, weight: 1, counted: true, words: &words)
    }

    private mutating func add(_ text: String, weight: Float, counted: Bool, words: inout SearchWords) {
        var found = 0
        words.forEachTermAndVariant(in: text) { term, unaccented in
            counts[term, default: 0] += weight
            if let unaccented { counts[unaccented, default: 0] += weight }
            found += 1
        }
        if counted { length += found }
    }
}
