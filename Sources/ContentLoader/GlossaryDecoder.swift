import SiteModel
import YAMLReading

/// `Content/<locale>/glossary.yml` → the locale's glossary terms.
enum GlossaryDecoder {
    static func decode(_ text: String, file: String) -> Decoded<[GlossaryTerm]> {
        let what = "glossary.yml"
        var yaml: YAMLMapping
        switch YAMLMapping.parse(text, file: file, lineOffset: 0, what: what) {
        case .failure(let failure): return .failed(failure.diagnostics)
        case .success(let mapping): yaml = mapping
        }
        yaml.warnUnknownKeys(["terms"], what: what)
        guard let node = yaml.node("terms"), case .sequence(let items) = node else {
            yaml.error(yaml.location, "\(what): 'terms' must be a list of { id, term, matches, definition }")
            return .failed(yaml.diagnostics)
        }
        var terms: [GlossaryTerm] = []
        var seen = Set<String>()
        for item in items {
            guard var entry = YAMLMapping(node: item, file: file, lineOffset: 0) else {
                yaml.error(
                    yaml.location(of: item), "\(what): each term is 'id: …, term: …, matches: […], definition: …'")
                continue
            }
            entry.warnUnknownKeys(["id", "term", "matches", "definition"], what: what)
            let id = entry.string("id", required: true, what: what)
            let term = entry.string("term", required: true, what: what)
            let matches = entry.strings("matches", what: what).filter { !$0.value.trimmed.isEmpty }
            let definition = entry.string("definition", required: true, what: what)
            if let id, PathSafety.problem(withIdentifier: id.value) != nil || !seen.insert(id.value).inserted {
                entry.error(
                    id.location, "\(what): term id '\(id.value)' must be unique and use only letters, digits and '-'")
            }
            yaml.absorb(entry)
            guard let id, let term, let definition else { continue }
            terms.append(
                GlossaryTerm(
                    id: id.value, term: term.value, matches: matches.isEmpty ? [term.value] : matches.map(\.value),
                    definition: definition.value, location: entry.location
                ))
        }
        return Decoded(terms, diagnostics: yaml.diagnostics)
    }
}
