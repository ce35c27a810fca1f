import SiteModel
import SiteSupport

/// Pretty URLs: `/<locale>/<section slugs>/<slug>/`, written as `…/index.html`.
enum URLAssigner {
    static func assign(_ graph: inout SiteGraph, diagnostics: inout [Diagnostic]) {
        // Every path is made with the pages read in place, then stored: a page bound to a local
        // copied the whole node, retaining each of its fields, 41,000 times at 40 locales.
        let paths = graph.pages.withUnsafeBufferPointer { pages in
            outputPaths(pages, graph: graph, diagnostics: &diagnostics)
        }
        let basePath = graph.config.basePath  // computed, with a search in the base URL
        for (index, path) in paths.enumerated() {
            graph.pages[index].url = basePath + path + "/"
            graph.pages[index].outputPath = path + "/index.html"
        }
    }

    /// Each page's path under the output folder, without the trailing `/index.html`.
    private static func outputPaths(
        _ pages: UnsafeBufferPointer<PageNode>, graph: SiteGraph, diagnostics: inout [Diagnostic]
    ) -> [String] {
        var owners: [String: Int] = [:]
        // Each folder's path of slugs once per locale: a section holds many pages.
        var folderPaths: [String: [String: String]] = [:]
        var paths: [String] = []
        paths.reserveCapacity(pages.count)
        for index in pages.indices {
            let folder =
                pages[index].source.kind == .topic
                ? pages[index].source.folder : SectionTree.parentOf(pages[index].source.folder)
            let locale = pages[index].locale
            let folderPath: String
            if let known = folderPaths[locale]?[folder] {
                folderPath = known
            } else {
                folderPath = ([locale] + folderSlugs(folder, locale: locale, graph: graph)).joined(separator: "/")
                folderPaths[locale, default: [:]][folder] = folderPath
            }
            let path =
                pages[index].source.kind == .home
                ? folderPath
                : folderPath + "/"
                    + slug(
                        kind: pages[index].source.kind, given: pages[index].source.frontMatter.slug?.value,
                        folder: pages[index].source.folder, path: pages[index].source.relativePath)
            paths.append(path)
            if let other = owners[path] {
                // Two borrowed copies repeat their originals' clash, which is reported in their own locale.
                if pages[index].isFallback && pages[other].isFallback { continue }
                let location =
                    pages[index].source.frontMatter.slug?.location
                    ?? SourceLocation(file: pages[index].source.file, line: 1, column: 1)
                diagnostics.append(
                    .error(
                        location,
                        "output path '\(path)/' is also used by \(pages[other].source.file); give one of them "
                            + "another slug"
                    ))
            } else {
                owners[path] = index
            }
        }
        return paths
    }

    /// The URL segment of a page: its `slug`, else its file or folder name.
    static func slug(of page: SourcePage) -> String {
        slug(kind: page.kind, given: page.frontMatter.slug?.value, folder: page.folder, path: page.relativePath)
    }

    /// `slug(of:)` from the fields it reads (`outputPaths` reads them in place, not copying the page).
    private static func slug(kind: SourcePage.Kind, given: String?, folder: String, path: String) -> String {
        if let given { return given }
        switch kind {
        case .home: return ""
        case .section: return PathSafety.slug(fromName: String(PathSegments.last(of: folder) ?? ""))
        case .topic:
            return PathSafety.markdownFileSlug(path)
                ?? PathSafety.slug(fromName: String(PathSegments.last(of: path)!.dropLast(3)))
        }
    }

    /// The slugs of `folder` and each folder above it, top first.
    private static func folderSlugs(_ folder: String, locale: String, graph: SiteGraph) -> [String] {
        guard !folder.isEmpty else { return [] }
        var slugs: [String] = []
        var prefix: [Substring] = []
        for part in folder.split(separator: "/") {
            prefix.append(part)
            let path = prefix.joined(separator: "/")
            let section = SectionTree.sectionIndex(path, locale: locale, graph: graph).map { graph.pages[$0].source }
            slugs.append(section.map(slug(of:)) ?? PathSafety.slug(fromName: String(part)))
        }
        return slugs
    }
}

/// `aliases:` → redirect pages at the old URLs.
enum RedirectPlanner {
    static func plan(_ graph: inout SiteGraph, diagnostics: inout [Diagnostic]) {
        var taken = Set(graph.pages.map(\.outputPath))
        // A borrowed page's aliases belong to its original, which redirects them.
        for (index, page) in graph.pages.enumerated() where !page.isFallback {
            for alias in page.source.frontMatter.aliases {
                let segments: [String]
                switch aliasSegments(alias.value) {
                case .success(let found): segments = found
                case .failure(let problem):
                    diagnostics.append(.error(alias.location, "aliases: '\(alias.value)' \(problem.reason)"))
                    continue
                }
                let fromRoot = alias.value.hasPrefix("/")
                let path = ((fromRoot ? [] : [page.locale]) + segments).joined(separator: "/") + "/index.html"
                guard taken.insert(path).inserted else {
                    diagnostics.append(
                        .error(alias.location, "aliases: '\(alias.value)' is already the URL of another page or alias")
                    )
                    continue
                }
                graph.redirects.append(Redirect(outputPath: path, target: index, location: alias.location))
            }
        }
    }

    struct AliasProblem: Error {
        var reason: String
    }

    /// An alias is a path on this site, `/old/tens/` or `old-tens` (under the page's locale): its
    /// segments, or why it is not one. Another host (`//host/…`, `https://…`) or a step up (`..`)
    /// would send readers elsewhere or write outside the site's folders.
    static func aliasSegments(_ alias: String) -> Result<[String], AliasProblem> {
        let advice = "; an alias is an old path of this site, such as '/en/old-name/'"
        if alias.hasPrefix("//") { return .failure(AliasProblem(reason: "names another host" + advice)) }
        if alias.contains(":") { return .failure(AliasProblem(reason: "is a URL, not a path" + advice)) }
        var parts = alias.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if alias.hasPrefix("/") { parts.removeFirst() }
        if alias.hasSuffix("/") { parts.removeLast() }
        if parts.isEmpty || parts == [""] { return .failure(AliasProblem(reason: "is not a path" + advice)) }
        for part in parts {
            if part == "." || part == ".." {
                return .failure(AliasProblem(reason: "steps out of a folder with '\(part)'" + advice))
            }
            if part.isEmpty { return .failure(AliasProblem(reason: "has an empty segment ('//')" + advice)) }
            if let problem = PathSafety.problem(withSegment: part) {
                return .failure(AliasProblem(reason: "has a segment that cannot be a URL segment: \(problem)"))
            }
        }
        return .success(parts)
    }
}
