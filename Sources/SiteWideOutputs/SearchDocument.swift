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
    /// The body as a reader sees it (`HTMLText`), as UTF-8: it goes into the index as bytes and
    /// is never read as a `String` (empty in an index's documents: their fragments hold it).
    public var text: [UInt8]

    public init(
        page: Int?, url: String, title: String, section: String, description: String, headings: [String],
        text: [UInt8]
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
            json.string(joiningUTF8: [Array(description.utf8), text].filter { !$0.isEmpty }, separator: "\n")
        }
        return Data(json.bytes)
    }
}

/// How a document's words weigh (BM25F-like): a word of the title counts as `titleWeight` words
/// of the body, one of a heading as `headingWeight`, one of the description as `descriptionWeight`.
enum DocumentWeights {
    static let titleWeight: Float = 5
    static let headingWeight: Float = 3
    static let descriptionWeight: Float = 2

    /// `document`'s terms, counted by `counter` (whose vocabulary numbers them).
    static func count(_ document: SearchDocument, with counter: inout TermCounter) -> TermCounts {
        counter.add(document.title, weight: titleWeight, counted: true)
        counter.add(document.description, weight: descriptionWeight, counted: true)
        // Headings are part of the body text too: they add the difference.
        for heading in document.headings {
            counter.add(heading, weight: headingWeight - 1, counted: false)
        }
        counter.add(utf8: document.text, weight: 1, counted: true)
        return counter.takeDocument()
    }
}
