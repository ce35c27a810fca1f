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
            ("@context", quoted("https://schema.org")),
            ("@type", quoted("MedicalWebPage")),
            ("description", quoted(front.description)),
            ("inLanguage", quoted(page.source.locale)),
            ("name", quoted(front.title)),
            ("url", quoted(canonical)),
        ]
        if let type = front.medicalType {
            members.append(("about", object([("@type", quoted(type.schemaType)), ("name", quoted(front.title))])))
        }
        if let review = ReviewSchedule.entry(for: index, in: graph) {
            members.append(("lastReviewed", quoted(review.reviewed.description)))
            members.append(("reviewedBy", object([("@type", quoted("Person")), ("name", quoted(review.reviewedBy))])))
        }
        if !citations.isEmpty { members.append(("citation", "[" + citations.map(quoted).joined(separator: ",") + "]")) }
        return object(members)
    }

    private static func object(_ members: [(String, String)]) -> String {
        "{" + members.sorted { $0.0 < $1.0 }.map { quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// A JSON string. Inside <script>, "<" could end the element early and "&"
    /// and ">" are safer escaped too: JSON allows \u escapes for all three.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
