import SiteModel
import SiteResolver

/// schema.org `MedicalWebPage` JSON-LD for a topic page: what it is about,
/// its language, its clinical review and the papers it cites. Written by
/// hand (keys sorted): it runs for every topic page, and JSONSerialization
/// was a tenth of the render time.
enum StructuredData {
    static func medicalWebPage(_ index: Int, graph: SiteGraph, canonical: String, citations: [String]) -> String {
        let page = graph.pages[index]
        let front = page.source.frontMatter
        var members: [(String, String)] = [
            ("@context", JSONText.quoted("https://schema.org")),
            ("@type", JSONText.quoted("MedicalWebPage")),
            ("description", JSONText.quoted(front.description)),
            ("inLanguage", JSONText.quoted(page.source.locale)),
            ("name", JSONText.quoted(front.title)),
            ("url", JSONText.quoted(canonical)),
        ]
        if let type = front.medicalType {
            members.append(("about", object([("@type", JSONText.quoted(type.schemaType)), ("name", JSONText.quoted(front.title))])))
        }
        if let review = ReviewSchedule.entry(for: index, in: graph) {
            members.append(("lastReviewed", JSONText.quoted(review.reviewed.description)))
            members.append(("reviewedBy", object([("@type", JSONText.quoted("Person")), ("name", JSONText.quoted(review.reviewedBy))])))
        }
        if !citations.isEmpty { members.append(("citation", "[" + citations.map(JSONText.quoted).joined(separator: ",") + "]")) }
        return object(members)
    }

    private static func object(_ members: [(String, String)]) -> String {
        "{" + members.sorted { $0.0 < $1.0 }.map { JSONText.quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
