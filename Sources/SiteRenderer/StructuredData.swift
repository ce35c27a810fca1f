import SiteModel
import SiteResolver
import SiteSupport

/// schema.org `MedicalWebPage` JSON-LD for a topic page: what it is about,
/// its language, its clinical review and the papers it cites. Written by
/// hand, straight into bytes with its keys in sorted order: it runs for
/// every topic page, and JSONSerialization was a tenth of the render time.
enum StructuredData {
    static func medicalWebPage(_ index: Int, graph: SiteGraph, canonical: String, citations: [String]) -> String {
        let page = graph.pages[index]
        let front = page.source.frontMatter
        var json = JSONObjectWriter()
        // Keys in the order `<` sorts them, as earlier builds wrote them.
        json.member("@context") { JSONText.appendQuoted("https://schema.org", to: &$0) }
        json.member("@type") { JSONText.appendQuoted("MedicalWebPage", to: &$0) }
        if let type = front.medicalType {
            json.member("about") { $0 += Self.typed(type: type.schemaType, name: front.title) }
        }
        if !citations.isEmpty {
            json.member("citation") { bytes in
                bytes.append(UInt8(ascii: "["))
                for (offset, citation) in citations.enumerated() {
                    if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                    JSONText.appendQuoted(citation, to: &bytes)
                }
                bytes.append(UInt8(ascii: "]"))
            }
        }
        json.member("description") { JSONText.appendQuoted(front.description, to: &$0) }
        json.member("inLanguage") { JSONText.appendQuoted(page.source.locale, to: &$0) }
        let review = ReviewSchedule.entry(for: index, in: graph)
        if let review { json.member("lastReviewed") { JSONText.appendQuoted(review.reviewed.description, to: &$0) } }
        json.member("name") { JSONText.appendQuoted(front.title, to: &$0) }
        if let review { json.member("reviewedBy") { $0 += Self.typed(type: "Person", name: review.reviewedBy) } }
        json.member("url") { JSONText.appendQuoted(canonical, to: &$0) }
        return json.finish()
    }

    /// `{"@type":…,"name":…}`.
    private static func typed(type: String, name: String) -> [UInt8] {
        var json = JSONObjectWriter()
        json.member("@type") { JSONText.appendQuoted(type, to: &$0) }
        json.member("name") { JSONText.appendQuoted(name, to: &$0) }
        return Array(json.finish().utf8)
    }
}

/// A JSON object written member by member; the caller keeps the keys in order.
private struct JSONObjectWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    mutating func member(_ key: String, _ value: (inout [UInt8]) -> Void) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        JSONText.appendQuoted(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        value(&bytes)
    }

    func finish() -> String {
        String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self)
    }
}
