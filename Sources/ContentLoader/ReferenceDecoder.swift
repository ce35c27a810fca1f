import SiteModel
import YAMLReading

/// Front matter `references:` — key → { title, authors, journal, year, pmid, doi, url }.
enum ReferenceDecoder {
    static let fields: Set<String> = ["title", "authors", "journal", "year", "pmid", "doi", "url"]

    static func decode(_ yaml: inout YAMLMapping, what: String) -> [Reference] {
        guard var mapping = yaml.mapping("references", what: what) else { return [] }
        var references: [Reference] = []
        for key in mapping.keys {
            let location = mapping.location(ofKey: key)
            let entryWhat = "\(what): references: '\(key)'"
            guard let node = mapping.node(key),
                var entry = YAMLMapping(node: node, file: mapping.file, lineOffset: mapping.lineOffset)
            else {
                mapping.error(location, "\(entryWhat) must be '{ title: …, authors: …, pmid: … }'")
                continue
            }
            if PathSafety.problem(withIdentifier: key) != nil || key.contains("/") {
                mapping.error(location, "\(entryWhat): a key uses only letters, digits and '-'")
            }
            entry.warnUnknownKeys(fields, what: entryWhat)
            let title = entry.string("title", required: true, what: entryWhat)
            let authors = entry.string("authors", required: true, what: entryWhat)
            let journal = entry.string("journal", required: false, what: entryWhat)
            let year = entry.int("year", what: entryWhat)
            let pmid = entry.string("pmid", required: false, what: entryWhat)
            let doi = entry.string("doi", required: false, what: entryWhat)
            let url = entry.string("url", required: false, what: entryWhat)
            if let pmid, !Reference.isWellFormedPMID(pmid.value) {
                entry.error(pmid.location, "\(entryWhat): pmid '\(pmid.value)' is not a PubMed ID (1 to 8 digits)")
            }
            if let doi, !Reference.isWellFormedDOI(doi.value) {
                entry.error(
                    doi.location,
                    "\(entryWhat): doi '\(doi.value)' is not a DOI (10.NNNN/…, without 'https://doi.org/')")
            }
            if let url, !(url.value.hasPrefix("https://") || url.value.hasPrefix("http://")) {
                entry.error(url.location, "\(entryWhat): url must start with https://")
            } else if let url, !Reference.isWellFormedURL(url.value) {
                entry.error(
                    url.location,
                    "\(entryWhat): url '\(url.value)' is not a valid URL (spaces, quotes and <> must be "
                        + "percent-encoded)"
                )
            }
            if pmid == nil, doi == nil, url == nil {
                entry.error(location, "\(entryWhat): give a pmid, a doi or a url, so readers can find it")
            }
            mapping.absorb(entry)
            guard let title, let authors else { continue }
            references.append(
                Reference(
                    key: key, title: title.value, authors: authors.value, journal: journal?.value, year: year,
                    pmid: pmid?.value, doi: doi?.value, url: url?.value, location: location
                ))
        }
        yaml.absorb(mapping)
        return references
    }
}
