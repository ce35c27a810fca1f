import SiteModel
import SiteResolver

/// One file rendered from a template: where it goes, which template, and the
/// values the template sees. Its key (see `RenderMemo`) is the fingerprint of
/// the template and of those values.
struct TemplateJob: Sendable {
    var path: String
    var template: String
    var values: PageContext.PageValues

    func key(theme: Theme, context: PageContext) -> Fingerprint {
        var hasher = FingerprintHasher()
        // The template's fingerprint starts with its name.
        hasher.combine(theme.templateFingerprints[template] ?? Fingerprint(high: 0, low: 0))
        hasher.combine(context.commonFingerprints[values.locale] ?? Fingerprint(high: 0, low: 0))
        hasher.combine(value: values.own)
        return hasher.finalize()
    }

    /// Page `index` of the graph.
    static func page(_ index: Int, graph: SiteGraph, context: PageContext, markdown: MarkdownStage.Result) -> TemplateJob {
        let page = graph.pages[index]
        let converted = markdown.converted[index]
        let values = context.page(index, body: markdown.bodies[index], headings: converted.headings, hasExplainer: !converted.embeds.isEmpty, citations: markdown.citations(index))
        return TemplateJob(path: page.outputPath, template: page.source.kind.templateName, values: values)
    }

    /// Redirects from old URLs, the language chooser, the 404 page and each locale's search page.
    static func others(_ graph: SiteGraph, context: PageContext, searchIndexes: [(locale: String, path: String)]) -> [TemplateJob] {
        var jobs = graph.redirects.map { redirect in
            let own: [String: Any] = ["target": context.link(to: redirect.target), "targetCanonical": context.absolute(graph.pages[redirect.target].url)]
            return TemplateJob(path: redirect.outputPath, template: "redirect", values: .init(locale: graph.pages[redirect.target].locale, own: own))
        }
        // The language chooser and the 404 page speak the default locale.
        var siteWide: [String: Any] = [:]
        if let defaultHome = graph.pagesByID[graph.config.defaultLocale]?[PageNode.homeID] {
            siteWide["defaultHome"] = context.link(to: defaultHome)
            siteWide["defaultHomeCanonical"] = context.absolute(graph.pages[defaultHome].url)
        }
        for (path, template) in [("index.html", "root"), ("404.html", "404")] {
            jobs.append(TemplateJob(path: path, template: template, values: .init(locale: graph.config.defaultLocale, own: siteWide)))
        }
        for search in searchIndexes {
            let own: [String: Any] = [
                "searchIndexURL": graph.config.basePath + search.path,
                "canonical": context.absolute(PageContext.searchURL(locale: search.locale, graph: graph)),
                "groups": graph.pagesByID[search.locale]?[PageNode.homeID].map { context.homeGroups($0) } ?? [],
            ]
            jobs.append(TemplateJob(path: "\(search.locale)/search/index.html", template: "search", values: .init(locale: search.locale, own: own)))
        }
        return jobs
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
