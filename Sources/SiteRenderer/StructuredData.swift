import Foundation
import SiteModel
import SiteResolver

/// schema.org `MedicalWebPage` JSON-LD for a topic page: what it is about,
/// its language, its clinical review and the papers it cites.
enum StructuredData {
    static func medicalWebPage(_ index: Int, graph: SiteGraph, canonical: String, citations: [String]) -> String {
        let page = graph.pages[index]
        let front = page.source.frontMatter
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": front.title,
            "description": front.description,
            "url": canonical,
            "inLanguage": page.source.locale,
        ]
        if let type = front.medicalType {
            object["about"] = ["@type": type.schemaType, "name": front.title]
        }
        if let review = ReviewSchedule.entry(for: index, in: graph) {
            object["lastReviewed"] = review.reviewed.description
            object["reviewedBy"] = ["@type": "Person", "name": review.reviewedBy]
        }
        if !citations.isEmpty { object["citation"] = citations }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "" }
        // Inside <script>, "<" could end the element early: write it as an escape, as JSON allows.
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
