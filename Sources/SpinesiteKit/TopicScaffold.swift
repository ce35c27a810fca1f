import Foundation
public import SiteModel

/// `spinesite new topic PATH`: a draft page with the site's front matter and headings, every text
/// left to write marked `[[TODO: …]]` (a published page with a mark is an error).
public enum TopicScaffold {
    public struct Created: Sendable {
        public var path: String
        public var id: String
    }

    /// - Parameters:
    ///   - path: the page's path under the locale folder, without `.md` (`therapies/scs`).
    ///   - existingIDs: the site's page ids: the new page's id is its last path segment, as the
    ///     site's pages have, unless a page has that id already.
    public static func create(path: String, locale: String, root: String, existingIDs: Set<String>)
        throws(BuildFailure) -> Created
    {
        let location = SourceLocation(file: "new topic")
        if let problem = PathSafety.problem(withIdentifier: path) {
            throw BuildFailure([.error(location, "path \(problem)")])
        }
        let localeFolder = URL(fileURLWithPath: root).appendingPathComponent("Content/\(locale)")
        guard FileManager.default.fileExists(atPath: localeFolder.appendingPathComponent("locale.yml").path) else {
            throw BuildFailure([
                .error(location, "locale '\(locale)' has no folder Content/\(locale)/ with a locale.yml")
            ])
        }
        let file = localeFolder.appendingPathComponent("\(path).md")
        let display = (root == "." ? "" : root + "/") + "Content/\(locale)/\(path).md"
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw BuildFailure([.error(SourceLocation(file: display), "already exists; not overwritten")])
        }
        let id = id(for: path, existing: existingIDs)
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text(id: id, pathID: path).write(to: file, atomically: true, encoding: .utf8)
        } catch {
            throw BuildFailure([.error(SourceLocation(file: display), "cannot write: \(error.localizedDescription)")])
        }
        return Created(path: display, id: id)
    }

    /// The last path segment (`scs`), as the site's pages are named, unless a page has it already.
    public static func id(for path: String, existing: Set<String>) -> String {
        let last = String(path.split(separator: "/").last ?? Substring(path))
        return existing.contains(last) ? path : last
    }

    static func text(id: String, pathID: String) -> String {
        let mark = ScaffoldPlaceholder.mark
        // The id line is written only when it differs from the one the path gives.
        let idLine = id == pathID ? "" : "id: \(id)\n"
        let evidence = mark(
            "what the studies found, how certain it is and how old the evidence is; list each source under "
                + "'references:' in the front matter, with its PMID or DOI, and cite it by its key as the "
                + "other pages do"
        )
        return """
            ---
            title: "\(mark("the page's title, as a reader would search for it"))"
            description: "\(mark("one or two plain sentences for search results and link previews"))"
            \(idLine)weight: 100
            draft: true
            related: []
            tags: []
            ---

            \(mark("two or three plain sentences: what this page helps a reader decide"))

            ## What it is

            \(mark("what it is and how it works, in plain words"))

            ## What the evidence says

            \(evidence)

            ## Risks and side effects

            \(mark("who should not use it, and what can go wrong"))

            """
    }
}
