import CommonMark
import SiteModel
import SiteResolver
import SiteSupport
import SiteWideOutputs
import TemplateEngine

/// One file rendered from a template: where it goes and the values of its page kind.
struct TemplateJob: Sendable {
    var path: String
    var values: PageValues

    /// The page's bytes; typed templates cannot fail once compiled.
    func render(theme: Theme) -> [UInt8] { rendered(theme: theme).bytes }

    private func rendered(theme: Theme) -> HTMLOutput {
        var output = HTMLOutput(capacity: 32 * 1024)
        theme.pages[values.kind]!.render(values.data, into: &output)
        return output
    }

    /// Renders the page and writes it: whether its file changed, or what failed.
    func write(theme: Theme, into sink: some OutputSink) -> FileWrite {
        let output = rendered(theme: theme)
        do {
            return FileWrite(
                path: path, changed: try output.withBytes { try sink.write(path, bytes: UnsafeRawBufferPointer($0)) })
        } catch {
            return FileWrite(path: path, failure: error)
        }
    }

    /// Redirects from old URLs, the language chooser, the 404 page and each locale's search page.
    /// - Parameter stemmerURLs: each locale's stemmer for its search page, where it has one.
    static func others(
        _ graph: SiteGraph, builder: PageValueBuilder, searchIndexes: [SearchIndexFile],
        stemmerURLs: [String: String] = [:], ogImage: OpenGraphImage? = nil
    ) -> [TemplateJob] {
        var jobs = graph.redirects.map { redirect in
            let target = graph.pages[redirect.target]
            let canonical = builder.absolute(target.url)
            let strings = builder.strings.strings(for: target.locale)
            let values = RedirectPage(
                page: DocumentValue(
                    title: strings["redirectTitle"] ?? "", description: target.source.frontMatter.description,
                    canonical: canonical, ogImage: ogImage),
                target: builder.link(to: redirect.target), targetCanonical: canonical,
                frame: builder.frame(locale: target.locale)
            )
            return TemplateJob(path: redirect.outputPath, values: PageValues(.redirect, values))
        }
        // The language chooser and the 404 page speak the default locale.
        let defaultLocale = graph.config.defaultLocale
        let strings = builder.strings.strings(for: defaultLocale)
        let defaultHome = graph.pagesByID[defaultLocale]?[PageNode.homeID]
        let chooser = LanguageChooserPage(
            page: DocumentValue(
                title: graph.config.title, description: strings["chooseLanguage"],
                canonical: defaultHome.map { builder.absolute(graph.pages[$0].url) } ?? graph.config.baseURL,
                ogImage: ogImage),
            defaultHome: defaultHome.map(builder.link),
            defaultHomeCanonical: defaultHome.map { builder.absolute(graph.pages[$0].url) },
            frame: builder.frame(locale: defaultLocale)
        )
        jobs.append(TemplateJob(path: "index.html", values: PageValues(.languageChooser, chooser)))
        // A 404 page at the root (the default locale's) and one per locale in its own language, which
        // the host serves for a missing URL under that locale's folder.
        for (path, locale) in [("404.html", defaultLocale)] + graph.locales.map({ ("\($0.tag)/404.html", $0.tag) }) {
            let text = builder.strings.strings(for: locale)
            let notFound = NotFoundPage(
                page: DocumentValue(
                    title: text["notFoundTitle"] ?? "", description: text["notFoundText"],
                    canonical: graph.config.baseURL + path, ogImage: ogImage),
                frame: builder.frame(locale: locale)
            )
            jobs.append(TemplateJob(path: path, values: PageValues(.notFound, notFound)))
        }
        return jobs
            + searchPages(
                graph, builder: builder, searchIndexes: searchIndexes, stemmerURLs: stemmerURLs, ogImage: ogImage)
    }

    /// The search page of each locale of `searchIndexes`, which names the locale's index.
    static func searchPages(
        _ graph: SiteGraph, builder: PageValueBuilder, searchIndexes: [SearchIndexFile],
        stemmerURLs: [String: String], ogImage: OpenGraphImage?
    ) -> [TemplateJob] {
        searchIndexes.map { search in
            let canonical = builder.absolute(PageValueBuilder.searchURL(locale: search.locale, graph: graph))
            let text = builder.strings.strings(for: search.locale)
            let values = SearchPage(
                page: DocumentValue(
                    title: text["searchTitle"] ?? "", description: text["searchDescription"], canonical: canonical,
                    ogImage: ogImage),
                searchIndexURL: graph.config.basePath + search.path, stemmerURL: stemmerURLs[search.locale] ?? "",
                countForms: countForms(text, locale: search.locale),
                canonical: canonical,
                groups: graph.pagesByID[search.locale]?[PageNode.homeID].map { builder.homeGroups($0, isSearch: true) }
                    ?? [],
                frame: builder.frame(locale: search.locale)
            )
            return TemplateJob(path: "\(search.locale)/search/index.html", values: PageValues(.search, values))
        }
    }

    /// "1 page matches", "2 pages match": `searchResultCount.<category>` for each plural category
    /// of the locale's language, else `searchResultCount` itself.
    private static func countForms(_ strings: [String: String], locale: String) -> [CountForm] {
        PluralRules(locale).categories.map { category in
            CountForm(
                category: category.rawValue,
                text: strings["searchResultCount.\(category.rawValue)"] ?? strings["searchResultCount"] ?? "")
        }
    }
}
