import Foundation
import Mustache
import SiteModel
import SiteResolver

/// A file to publish, relative to the output folder.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }
}

public struct RenderedSite: Sendable {
    public var files: [OutputFile]
    public var warnings: [Diagnostic]
    public var pageCounts: [(locale: String, pages: Int)]
}

/// Stage 3: Markdown and templates → every output file, in memory.
public enum SiteRenderer {
    public static func render(_ graph: SiteGraph, theme: Theme) throws(BuildFailure) -> RenderedSite {
        let strings = LocaleStrings(graph: graph, usedStrings: theme.usedStrings.merging(MarkdownStage.usedStrings) { template, _ in template })
        let markdown = MarkdownStage.run(graph, strings: strings)
        let diagnostics = strings.diagnostics + markdown.diagnostics
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }

        let assetURLs = Dictionary(uniqueKeysWithValues: theme.assets.map { ($0.key, graph.config.basePath + $0.outputPath) })
        let library = theme.library
        let context = PageContext(graph: graph, strings: strings, assets: assetURLs, cachedTemplates: theme.cachedTemplates) { name, values in
            render(library, values, name)
        }
        let pages = ParallelMap.map(Array(graph.pages.indices)) { index in
            let page = graph.pages[index]
            let values = context.page(index, body: markdown.bodies[index], headings: markdown.headings[index])
            return OutputFile(path: page.outputPath, contents: Data(render(library, values, page.source.kind.templateName).utf8))
        }
        var files = pages
        files += graph.redirects.map { redirect in
            var values = context.common(locale: graph.pages[redirect.target].locale)
            values["target"] = context.link(to: redirect.target)
            values["targetCanonical"] = context.absolute(graph.pages[redirect.target].url)
            return OutputFile(path: redirect.outputPath, contents: Data(render(library, values, "redirect").utf8))
        }
        files += siteWidePages(graph: graph, context: context, library: library)
        files += theme.assets.map { OutputFile(path: $0.outputPath, contents: $0.contents) }
        let counts = graph.locales.map { locale in (locale.tag, graph.pages.filter { $0.locale == locale.tag }.count) }
        return RenderedSite(files: files.sorted { $0.path < $1.path }, warnings: diagnostics, pageCounts: counts)
    }

    /// `index.html` (choose a language) and `404.html`, in the default locale.
    private static func siteWidePages(graph: SiteGraph, context: PageContext, library: MustacheLibrary) -> [OutputFile] {
        var values = context.common(locale: graph.config.defaultLocale)
        let defaultHome = graph.pagesByID[graph.config.defaultLocale]?[PageNode.homeID]
        if let defaultHome {
            values["defaultHome"] = context.link(to: defaultHome)
            values["defaultHomeCanonical"] = context.absolute(graph.pages[defaultHome].url)
        }
        return [
            OutputFile(path: "index.html", contents: Data(render(library, values, "root").utf8)),
            OutputFile(path: "404.html", contents: Data(render(library, values, "404").utf8)),
        ]
    }

    private static func render(_ library: MustacheLibrary, _ values: [String: Any], _ template: String) -> String {
        // Theme.load guarantees every required template exists.
        library.render(values, withTemplate: template) ?? ""
    }
}

extension SourcePage.Kind {
    var templateName: String {
        switch self {
        case .home: "home"
        case .section: "section"
        case .topic: "topic"
        }
    }
}
