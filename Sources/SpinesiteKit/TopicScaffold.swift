import Foundation
public import SiteModel

/// `spinesite new topic ID`: a page with front matter and a TODO body.
public enum TopicScaffold {
    public struct Created: Sendable {
        public var path: String
    }

    public static func create(id: String, locale: String, root: String) throws(BuildFailure) -> Created {
        let location = SourceLocation(file: "new topic")
        if let problem = PathSafety.problem(withIdentifier: id) {
            throw BuildFailure([.error(location, "id \(problem)")])
        }
        let localeFolder = URL(fileURLWithPath: root).appendingPathComponent("Content/\(locale)")
        guard FileManager.default.fileExists(atPath: localeFolder.appendingPathComponent("locale.yml").path) else {
            throw BuildFailure([
                .error(location, "locale '\(locale)' has no folder Content/\(locale)/ with a locale.yml")
            ])
        }
        let file = localeFolder.appendingPathComponent("\(id).md")
        let display = (root == "." ? "" : root + "/") + "Content/\(locale)/\(id).md"
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw BuildFailure([.error(SourceLocation(file: display), "already exists; not overwritten")])
        }
        let title = id.split(separator: "/").last!.replacingOccurrences(of: "-", with: " ").capitalized
        let text = """
            ---
            title: "\(title)"
            description: "TODO: one or two plain sentences for search results and link previews."
            weight: 100
            draft: true
            related: []
            tags: []
            ---

            TODO: write this page. Start with `##` headings (the title above is the page's heading).

            ## What it is

            ## What the evidence says

            Cite sources with footnotes.[^source]

            [^source]: TODO: authors, title, journal, year. PMID or DOI link.

            """
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            throw BuildFailure([.error(SourceLocation(file: display), "cannot write: \(error.localizedDescription)")])
        }
        return Created(path: display)
    }
}
