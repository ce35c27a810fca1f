import SiteModel
public import SiteResolver
import SiteSupport

/// schema.org `MedicalWebPage` JSON-LD for a topic page: what it is about,
/// its language, its clinical review and the papers it cites. Written by
/// hand, straight into bytes with its keys in sorted order: it runs for
/// every topic page, and JSONSerialization was a tenth of the render time.
public enum StructuredData {
    public static func medicalWebPage(_ index: Int, graph: SiteGraph, canonical: String, citations: [String]) -> String
    {
        let page = graph.pages[index]
        let front = page.source.frontMatter
        var json = JSONWriter()
        json.object { json in
            // Keys in the order `<` sorts them, as earlier builds wrote them.
            json.key("@context")
            json.string("https://schema.org")
            json.key("@type")
            json.string("MedicalWebPage")
            if let type = front.medicalType {
                json.key("about")
                typed(type: type.schemaType, name: front.title, into: &json)
            }
            if !citations.isEmpty {
                json.key("citation")
                json.array(citations)
            }
            json.key("description")
            json.string(front.description)
            json.key("inLanguage")
            json.string(page.source.locale)
            let review = ReviewSchedule.entry(for: index, in: graph)
            if let review {
                json.key("lastReviewed")
                json.string(review.reviewed.description)
            }
            json.key("name")
            json.string(front.title)
            if let review {
                json.key("reviewedBy")
                typed(type: "Person", name: review.reviewedBy, into: &json)
            }
            json.key("url")
            json.string(canonical)
        }
        return json.text
    }

    /// `{"@type":…,"name":…}`.
    private static func typed(type: String, name: String, into json: inout JSONWriter) {
        json.object { json in
            json.key("@type")
            json.string(type)
            json.key("name")
            json.string(name)
        }
    }
}
