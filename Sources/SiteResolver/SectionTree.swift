import SiteModel
import SiteSupport

/// Folders are sections. Every folder gets a section page (its `_index.md`, or
/// a generated one named after the folder) and every locale a home page.
enum SectionTree {
    /// A locale's pages with the section and home pages it lacks, and their order.
    struct Completed {
        /// The pages given, then the generated ones.
        var pages: [SourcePage]
        /// Where the generated pages start in `pages`.
        var firstGenerated: Int
        /// Indices of `pages`, by relative path.
        var order: [Int]
    }

    /// `pages` with a generated page for every folder without `_index.md` (and the home page, if
    /// missing), in path order. The order is of indices, so that no page is copied to be sorted:
    /// at 40 locales, copying each of 41,000 pages into entries and sorting those retained and
    /// released every field of each page several times.
    static func complete(_ given: consuming [SourcePage], locale: LocaleConfig, siteTitle: String) -> Completed {
        var pages = given  // moved, not copied: the generated pages are appended to the array given
        let existingFolders = Set(pages.filter { $0.kind != .topic }.map(\.folder))
        var needed: [String: String] = [:]  // folder → a file inside it, for locations
        // A folder's chain is walked for its first page only: a later page of the folder finds
        // every folder above it taken already. Pages are read in place, not copied one by one.
        var walked: Set<String> = []
        pages.withUnsafeBufferPointer { pages in
            for index in pages.indices where walked.insert(pages[index].folder).inserted {
                var folder = pages[index].folder
                while true {
                    if !existingFolders.contains(folder), needed[folder] == nil { needed[folder] = pages[index].file }
                    guard let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
                    folder = String(folder[..<slash])
                }
                if !existingFolders.contains(""), needed[""] == nil { needed[""] = pages[index].file }
            }
        }
        if pages.isEmpty { needed[""] = locale.location.file }
        let firstGenerated = pages.count
        for (folder, sampleFile) in needed.sorted(by: { $0.key < $1.key }) {
            pages.append(generatedPage(folder: folder, locale: locale, siteTitle: siteTitle, sampleFile: sampleFile))
        }
        // Stable, as the sort of the pages themselves was: pages of one path keep their order.
        let order = pages.withUnsafeBufferPointer { pages in
            pages.indices.sorted { pages[$0].relativePath < pages[$1].relativePath }
        }
        return Completed(pages: pages, firstGenerated: firstGenerated, order: order)
    }

    private static func generatedPage(folder: String, locale: LocaleConfig, siteTitle: String, sampleFile: String)
        -> SourcePage
    {
        let isHome = folder.isEmpty
        let title = isHome ? siteTitle : String(PathSegments.last(of: folder)!)
        let file = String(sampleFile.split(separator: "/").dropLast().joined(separator: "/"))
        return SourcePage(
            locale: locale.tag,
            relativePath: isHome ? "_index.md" : "\(folder)/_index.md",
            kind: isHome ? .home : .section,
            frontMatter: FrontMatter(title: title, description: ""),
            body: "",
            bodyLocation: SourceLocation(file: file)
        )
    }

    /// Fills parent, ancestors and children, once URLs are known.
    static func link(_ graph: inout SiteGraph) {
        for index in graph.pages.indices {
            // The fields read where they are: `let page = graph.pages[index]` copied the whole node.
            let kind = graph.pages[index].source.kind
            guard kind != .home else { continue }
            let folder = graph.pages[index].source.folder
            let parentFolder = kind == .section ? parentOf(folder) : folder
            graph.pages[index].parent = sectionIndex(parentFolder, locale: graph.pages[index].locale, graph: graph)
        }
        for index in graph.pages.indices {
            var ancestors: [Int] = []
            var current = graph.pages[index].parent
            while let parent = current {
                ancestors.insert(parent, at: 0)
                current = graph.pages[parent].parent
            }
            graph.pages[index].ancestors = ancestors
            if let parent = graph.pages[index].parent { graph.pages[parent].children.append(index) }
        }
        // Each page's sort key once, not two page copies per comparison.
        let keys = graph.pages.map { (weight: $0.source.frontMatter.weight, title: $0.title, id: $0.id) }
        for index in graph.pages.indices where graph.pages[index].children.count > 1 {
            graph.pages[index].children.sort { lhs, rhs in
                (keys[lhs].weight, keys[lhs].title, keys[lhs].id) < (keys[rhs].weight, keys[rhs].title, keys[rhs].id)
            }
        }
    }

    static func sectionIndex(_ folder: String, locale: String, graph: SiteGraph) -> Int? {
        graph.pagesBySourcePath[locale]?[folder.isEmpty ? "_index.md" : "\(folder)/_index.md"]
    }

    static func parentOf(_ folder: String) -> String {
        guard let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(folder[..<slash])
    }
}
