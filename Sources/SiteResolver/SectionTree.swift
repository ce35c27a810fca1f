import SiteModel
import SiteSupport

/// Folders are sections. Every folder gets a section page (its `_index.md`, or
/// a generated one named after the folder) and every locale a home page.
enum SectionTree {
    struct Entry {
        var page: SourcePage
        var isGenerated: Bool
    }

    static func complete(_ pages: [SourcePage], locale: LocaleConfig, siteTitle: String) -> [Entry] {
        var entries = pages.map { Entry(page: $0, isGenerated: false) }
        let existingFolders = Set(pages.filter { $0.kind != .topic }.map(\.folder))
        var needed: [String: String] = [:]  // folder → a file inside it, for locations
        for page in pages {
            var folder = page.folder
            while true {
                if !existingFolders.contains(folder), needed[folder] == nil { needed[folder] = page.file }
                guard let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
                folder = String(folder[..<slash])
            }
            if !existingFolders.contains(""), needed[""] == nil { needed[""] = page.file }
        }
        if pages.isEmpty { needed[""] = locale.location.file }
        for (folder, sampleFile) in needed.sorted(by: { $0.key < $1.key }) {
            entries.append(
                Entry(
                    page: generatedPage(folder: folder, locale: locale, siteTitle: siteTitle, sampleFile: sampleFile),
                    isGenerated: true))
        }
        return entries.sorted { $0.page.relativePath < $1.page.relativePath }
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
