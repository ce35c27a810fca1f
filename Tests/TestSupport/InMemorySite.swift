public import SiteModel
public import SiteResolver

/// Sites built in memory, resolved without reading a file: for tests of the stages after loading.
public enum InMemorySite {
    /// A page at `Content/<locale>/<path>`: `_index.md` at the root is the home page, in a folder
    /// a section, anything else a topic.
    public static func page(
        _ path: String, locale: String = "en", title: String? = nil, id: String? = nil, body: String = "",
        published: CalendarDate? = nil
    ) -> SourcePage {
        let file = "Content/\(locale)/\(path)"
        let fileName = path.split(separator: "/").last!
        let kind: SourcePage.Kind = fileName != "_index.md" ? .topic : (path == "_index.md" ? .home : .section)
        var frontMatter = FrontMatter(
            title: title ?? path, description: "About \(path).",
            id: id.map { Located($0, at: SourceLocation(file: file, line: 2, column: 1)) })
        frontMatter.published = published
        return SourcePage(
            locale: locale, relativePath: path, kind: kind, frontMatter: frontMatter, body: body,
            bodyLocation: SourceLocation(file: file, line: 5, column: 1))
    }

    /// A shared block at `Content/<locale>/_blocks/<name>.md`, its body from line 1 (or after front
    /// matter of `translationOf` and `references`, when given: then from line 4).
    public static func block(
        _ name: String, locale: String = "en", body: String, translationOf: String? = nil,
        references: [Reference] = []
    ) -> SourceBlock {
        let file = "Content/\(locale)/_blocks/\(name).md"
        let hasFrontMatter = translationOf != nil || !references.isEmpty
        return SourceBlock(
            locale: locale, name: name,
            translationOf: translationOf.map { Located($0, at: SourceLocation(file: file, line: 2, column: 16)) },
            references: references, body: body,
            bodyLocation: SourceLocation(file: file, line: hasFrontMatter ? 4 : 1, column: 1))
    }

    /// `pages`, loaded with `locales` (the first the default), each with `strings`.
    public static func loaded(
        _ pages: [SourcePage], locales: [String] = ["en", "es"], strings: [String: String] = [:]
    ) -> LoadedSite {
        let config = SiteConfig(
            title: "Site", baseURL: "https://example.org/", defaultLocale: locales[0],
            location: SourceLocation(file: "Content/site.yml"))
        let configs = locales.map { tag in
            LocaleConfig(
                tag: tag, name: tag.uppercased(), direction: .ltr, strings: strings,
                location: SourceLocation(file: "Content/\(tag)/locale.yml"))
        }
        return LoadedSite(config: config, locales: configs, pages: pages, warnings: [])
    }

    /// `pages` resolved into a graph.
    public static func graph(
        _ pages: [SourcePage], locales: [String] = ["en", "es"], strings: [String: String] = [:]
    ) throws -> SiteGraph {
        try SiteResolver.resolve(loaded(pages, locales: locales, strings: strings))
    }
}
