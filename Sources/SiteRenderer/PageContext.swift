import CommonMark
import SiteModel
import SiteResolver

/// Builds the plain dictionaries templates see. Everything here is data; all
/// text is escaped by Mustache's `{{…}}` except `page.content`, which is HTML
/// that cmark-gfm produced.
// Unchecked: the cached dictionaries are built in init and only read afterwards.
struct PageContext: @unchecked Sendable {
    private(set) var graph: SiteGraph
    let strings: LocaleStrings
    let assets: [String: String]
    let formats = LocaleFormats()
    /// `https://host` of the base URL, computed once (it is needed for every link of every page).
    private let origin: String
    /// `common(locale:)` for each locale, built once: every page of a locale shares it.
    private var commonByLocale: [String: [String: Any]] = [:]
    /// The fingerprint of each locale's common values: a page's key includes
    /// it instead of hashing the same navigation and strings on every page.
    private(set) var commonFingerprints: [String: Fingerprint] = [:]

    /// A page's template values: the locale's common ones and the page's own,
    /// which never replace a common one.
    // Unchecked: plain strings, numbers, arrays and dictionaries, built once and only read.
    struct PageValues: @unchecked Sendable {
        var locale: String
        var own: [String: Any]

        func all(_ context: PageContext) -> [String: Any] {
            context.common(locale: locale).merging(own) { _, own in own }
        }
    }

    /// - Parameter renderCached: renders a `cached/…` template with a locale's common values.
    init(graph: SiteGraph, strings: LocaleStrings, assets: [String: String], cachedTemplates: [String], renderCached: (String, [String: Any]) -> String) {
        self.graph = graph
        self.strings = strings
        self.assets = assets
        self.origin = graph.config.origin
        for locale in graph.locales {
            var common = makeCommon(locale: locale.tag)
            // Like Hugo's partialCached: the same HTML for every page of a locale, rendered once.
            common["cached"] = Dictionary(uniqueKeysWithValues: cachedTemplates.map { name in
                (String(name.dropFirst(Theme.cachedPrefix.count)), renderCached(name, common))
            })
            commonByLocale[locale.tag] = common
            var hasher = FingerprintHasher()
            hasher.combine(value: common)
            commonFingerprints[locale.tag] = hasher.finalize()
        }
    }

    /// Makes a body edit to the graph, in place: it changes bodies and
    /// translation statuses, which no common value shows.
    mutating func apply(_ edit: BodyEdit) {
        edit.apply(to: &graph)
    }

    func page(_ index: Int, body: String, headings: [Heading], hasExplainer: Bool = false, citations: [String] = []) -> PageValues {
        let page = graph.pages[index]
        var context: [String: Any] = [:]
        let toc = headings.filter { (2...3).contains($0.level) }
        var values: [String: Any] = [
            "title": page.title,
            "description": page.source.frontMatter.description,
            "url": page.url,
            "canonical": absolute(page.url),
            "content": body,
            "hasContent": !body.isEmpty,
            "toc": toc.map { ["text": $0.text, "anchor": $0.anchor, "isSubheading": $0.level == 3] },
            "tags": page.source.frontMatter.tags,
            "hasExplainer": hasExplainer,
        ]
        if page.source.kind == .topic {
            context["reviewText"] = reviewText(index)
            let referenced = page.source.frontMatter.references.flatMap(\.links)
            values["jsonLD"] = StructuredData.medicalWebPage(index, graph: graph, canonical: absolute(graph.pages[page.fallbackOf ?? index].url), citations: referenced + citations.filter { !referenced.contains($0) })
        }
        if page.isFallback { addFallbackValues(&context, page: &values, index) }
        context["page"] = values
        context["breadcrumbs"] = page.ancestors.map { crumb in
            var item = link(to: crumb)
            if graph.pages[crumb].source.kind == .home { item["title"] = strings.strings(for: page.locale)["home"] ?? page.title }
            return item
        }
        if let parent = page.parent { context["section"] = link(to: parent) }
        context["related"] = page.related.map { link(to: $0) }
        context["hasRelated"] = !page.related.isEmpty
        context["topics"] = page.children.map { link(to: $0) }
        context["hasToc"] = !toc.isEmpty
        context["groups"] = page.source.kind == .home ? homeGroups(index) : []
        context["translations"] = page.translations.map { translation(of: $0, current: index) }
        context["hasTranslations"] = page.translations.count > 1
        // hreflang alternates name real translations only, never borrowed pages.
        let alternates = graph.realTranslations(of: index)
        context["alternates"] = alternates.map { translation(of: $0, current: index) }
        context["hasAlternates"] = alternates.count > 1
        context["isStale"] = page.translationStatus == .stale
        if let original = page.original {
            var link = link(to: original)
            link["lang"] = graph.pages[original].locale
            context["original"] = link
        }
        assert(Set(context.keys).isDisjoint(with: common(locale: page.locale).keys), "a page value replaces a common one")
        return PageValues(locale: page.locale, own: context)
    }

    /// Values every page has: site, locale, strings, assets, navigation.
    func common(locale tag: String) -> [String: Any] {
        commonByLocale[tag] ?? makeCommon(locale: tag)
    }

    private func makeCommon(locale tag: String) -> [String: Any] {
        let locale = graph.locale(tag)!
        return [
            "site": ["title": graph.config.title, "baseURL": graph.config.baseURL],
            "lang": tag,
            "dir": locale.direction.rawValue,
            "ogLocale": String(tag.map { $0 == "-" ? "_" : $0 }),
            "locale": ["tag": tag, "name": locale.name],
            "strings": strings.strings(for: tag),
            "assets": assets,
            "homeURL": graph.pagesByID[tag]?[PageNode.homeID].map { graph.pages[$0].url } ?? graph.config.basePath,
            "searchURL": Self.searchURL(locale: tag, graph: graph),
            "nav": navigation(locale: tag),
            "languages": graph.homes.map { home in
                ["tag": graph.pages[home].locale, "name": graph.locale(graph.pages[home].locale)!.name, "url": graph.pages[home].url]
            },
        ]
    }

    func link(to index: Int) -> [String: Any] {
        let page = graph.pages[index]
        var link: [String: Any] = ["title": page.title, "url": page.url, "description": page.source.frontMatter.description, "isSection": page.isListing]
        // A borrowed page's title is in its content's language.
        if page.isFallback { link["fallbackLang"] = page.source.locale }
        return link
    }

    /// A borrowed page: its content's own language on its block, a notice in
    /// the reader's language, and the original as the canonical URL.
    private func addFallbackValues(_ context: inout [String: Any], page values: inout [String: Any], _ index: Int) {
        let page = graph.pages[index]
        guard let shown = page.fallbackOf else { return }
        let contentLocale = graph.locale(page.source.locale)!
        values["contentLang"] = contentLocale.tag
        values["contentDir"] = contentLocale.direction.rawValue
        values["canonical"] = absolute(graph.pages[shown].url)
        context["isFallback"] = true
        context["fallbackNotice"] = fallbackNotice(locale: page.locale, contentLocale: contentLocale)
        var link = link(to: shown)
        link["lang"] = contentLocale.tag
        context["shownFrom"] = link
    }

    /// Strings the page context fills in itself (they have placeholders).
    static let usedStrings = [
        "fallbackNotice": "notices on pages not yet translated", "untranslated": "the language switcher",
        "lastReviewed": "review dates", "nextReviewDue": "review dates", "notReviewed": "review dates",
    ]

    /// "Page last reviewed 3 March 2026 by … · Next review due 3 March 2027", in the page's locale.
    private func reviewText(_ index: Int) -> String {
        let page = graph.pages[index]
        let text = strings.strings(for: page.locale)
        let locale = graph.locale(page.locale)!
        guard let entry = ReviewSchedule.entry(for: index, in: graph) else { return text["notReviewed"] ?? "" }
        let reviewed = Placeholders.fill(text["lastReviewed"] ?? "", ["date": formats.date(entry.reviewed, locale: locale), "reviewer": entry.reviewedBy])
        let next = Placeholders.fill(text["nextReviewDue"] ?? "", ["date": formats.date(entry.nextReview, locale: locale)])
        return "\(reviewed) · \(next)"
    }

    /// "This page is not yet available in Español; you are reading the English version."
    private func fallbackNotice(locale tag: String, contentLocale: LocaleConfig) -> String {
        Placeholders.fill(strings.strings(for: tag)["fallbackNotice"] ?? "", ["language": graph.locale(tag)?.name ?? tag, "original": contentLocale.name])
    }

    /// The home page's children: top-level topics and sections.
    private func navigation(locale tag: String) -> [[String: Any]] {
        guard let home = graph.pagesByID[tag]?[PageNode.homeID] else { return [] }
        return graph.pages[home].children.map { link(to: $0) }
    }

    /// `/<locale>/search/`, the locale's search page.
    static func searchURL(locale tag: String, graph: SiteGraph) -> String {
        graph.config.basePath + tag + "/search/"
    }

    /// Home page: the topics at the top level, then one group per section.
    func homeGroups(_ home: Int) -> [[String: Any]] {
        let children = graph.pages[home].children
        let topLevel = children.filter { !graph.pages[$0].isListing }
        var groups: [[String: Any]] = []
        if !topLevel.isEmpty { groups.append(["isTopLevel": true, "topics": topLevel.map { link(to: $0) }]) }
        for section in children where graph.pages[section].isListing {
            groups.append(["section": link(to: section), "topics": graph.pages[section].children.map { link(to: $0) }])
        }
        return groups
    }

    private func translation(of index: Int, current: Int) -> [String: Any] {
        let page = graph.pages[index]
        let locale = graph.locale(page.locale)!
        return [
            "tag": page.locale, "name": locale.name, "dir": locale.direction.rawValue, "url": page.url,
            "absoluteURL": absolute(page.url), "isCurrent": index == current,
            "isDefault": page.locale == graph.config.defaultLocale, "isFallback": page.isFallback,
        ]
    }

    func absolute(_ url: String) -> String {
        origin + url
    }
}
