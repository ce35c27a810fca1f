import CommonMark
import SiteModel
import SiteResolver
import SiteSupport
import SiteWideOutputs
import TemplateEngine

/// Makes the typed values each page's template sees. Text is escaped by the
/// templates (`{{…}}`); only HTML the build made itself is inserted as it is.
struct PageValueBuilder: Sendable {
    private(set) var graph: SiteGraph
    let strings: LocaleStrings
    let formats = LocaleFormats()
    /// Languages named in the reader's language (notices, links to pages in another language).
    let languageNames: LanguageNames
    /// `https://host` of the base URL, computed once (it is needed for every link of every page).
    private let origin: String
    /// Each locale's shared values, made once: every page of a locale shows them.
    private var locales: [String: LocaleValues] = [:]
    /// Each page's link, and its entry in language switchers (as another
    /// page's, and as the page being rendered): made once, shared by every
    /// page that shows them.
    private var links: [LinkValue] = []
    private var switcherEntries: [SwitcherEntry] = []

    /// - Parameter assets: each asset's key and URL.
    init(graph: SiteGraph, strings: LocaleStrings, assets: [String: String], theme: Theme) {
        self.graph = graph
        self.strings = strings
        self.origin = graph.config.origin
        let languageNames = LanguageNames(graph.locales)
        self.languageNames = languageNames
        let graph = graph
        let origin = origin
        links = ParallelMap.map(Array(graph.pages.indices)) {
            Self.makeLink(to: $0, in: graph, languageNames: languageNames)
        }
        switcherEntries = ParallelMap.map(Array(graph.pages.indices)) {
            Self.makeSwitcherEntries($0, in: graph, origin: origin)
        }
        for locale in graph.locales {
            let shared = localeValues(locale, assets: assets, keys: theme.keys)
            // Like Hugo's partialCached: the same HTML for every page of a locale, rendered once.
            var cached: [String: String] = [:]
            for cachedTemplate in theme.cached {
                var output = HTMLOutput()
                cachedTemplate.template.render(shared, into: &output)
                cached[cachedTemplate.name] = output.text
            }
            locales[locale.tag] = shared.with(
                cached: KeyedValues(cached, keys: theme.keys[KeySpace.cached] ?? [], isHTML: true))
        }
    }

    /// Makes a body edit to the graph, in place: it changes bodies and
    /// translation statuses, which no shared value shows.
    mutating func changeGraph(_ change: (inout SiteGraph) -> Void) {
        change(&graph)
    }

    private func localeValues(_ locale: LocaleConfig, assets: [String: String], keys: [String: Set<String>])
        -> LocaleValues
    {
        let tag = locale.tag
        let homeURL = graph.pagesByID[tag]?[PageNode.homeID].map { graph.pages[$0].url } ?? graph.config.basePath
        let nav = graph.pagesByID[tag]?[PageNode.homeID].map { graph.pages[$0].children.map(link) } ?? []
        return LocaleValues(
            site: SiteValue(title: graph.config.title, baseURL: graph.config.baseURL),
            lang: tag, dir: locale.direction.rawValue, ogLocale: LocaleValues.openGraphLocale(tag),
            locale: LanguageValue(tag: tag, name: locale.name, url: homeURL),
            strings: KeyedValues(strings.strings(for: tag), keys: keys[KeySpace.strings] ?? [], isHTML: false),
            assets: KeyedValues(assets, keys: keys[KeySpace.assets] ?? [], isHTML: false),
            homeURL: homeURL, searchURL: Self.searchURL(locale: tag, graph: graph),
            feedURL: graph.config.basePath + AtomFeed.path(locale: tag), nav: nav,
            languages: graph.homes.map { home in
                LanguageValue(
                    tag: graph.pages[home].locale, name: graph.locale(of: graph.pages[home]).name,
                    url: graph.pages[home].url)
            },
            // Filled in once the `cached/` templates are rendered with these values.
            cached: KeyedValues([:], keys: keys[KeySpace.cached] ?? [], isHTML: true)
        )
    }

    /// The values of page `index` of the graph, for its kind's template.
    /// - Parameter listPage: for a listing page, which page of its list (from 1): a later page
    ///   shows its slice of the list under the page's title, without the body.
    func values(
        _ index: Int, listPage: Int = 1, body: PageBody, headings: [Heading], hasExplainer: Bool = false,
        citations: [String] = [], image: OpenGraphImage? = nil
    ) -> PageValues {
        let page = graph.pages[index]
        let toc = headings.filter { (2...3).contains($0.level) }.map {
            TocEntry(text: $0.text, anchor: $0.anchor, isSubheading: $0.level == 3)
        }
        let isGlossary = page.id == GlossaryPages.id && page.source.isSynthesized
        var jsonLD: String?
        if page.source.kind == .topic, !isGlossary {
            let referenced = page.source.frontMatter.references.flatMap(\.links)
            jsonLD = StructuredData.medicalWebPage(
                index, graph: graph, canonical: absolute(graph.pages[page.fallbackOf ?? index].url),
                citations: referenced + citations.filter { !referenced.contains($0) }
            )
        }
        var notices = Notices(isStale: page.translationStatus == .stale)
        // A borrowed page: its content's own language on its block, a notice in
        // the reader's language, and the original as the canonical URL.
        let contentLocale = page.fallbackOf.map { _ in graph.contentLocale(of: page) }
        if let shown = page.fallbackOf, let contentLocale {
            notices.fallbackNotice = fallbackNotice(locale: page.locale, contentLocale: contentLocale)
            notices.shownFrom = link(to: shown).with(lang: contentLocale.tag)
        }
        if let original = page.original {
            notices.original = link(to: original).with(lang: graph.pages[original].locale)
        }
        let isLaterPage = listPage > 1
        let content = ContentPageValue(
            title: page.title, description: Self.nonEmpty(page.source.frontMatter.description),
            url: ListPages.url(page.url, page: listPage), canonical: listCanonical(index, page: listPage),
            content: isLaterPage ? .empty : body, toc: isLaterPage ? [] : toc, tags: page.source.frontMatter.tags,
            hasExplainer: hasExplainer && !isLaterPage, jsonLD: jsonLD, contentLang: contentLocale?.tag,
            contentDir: contentLocale?.direction.rawValue, ogImage: image
        )
        let frame = isLaterPage ? frame(index, listPage: listPage) : frame(index)
        let breadcrumbs = page.ancestors.map { crumb in
            graph.pages[crumb].source.kind == .home
                ? link(to: crumb).with(title: strings.strings(for: page.locale)["home"] ?? page.title)
                : link(to: crumb)
        }
        switch page.source.kind {
        case .home:
            let list = ListPages(index, in: graph)
            return PageValues(
                .home,
                HomePage(
                    groups: homeGroups(index, listPage: listPage),
                    pagination: pagination(index, list, current: listPage), page: content, notices: notices,
                    frame: frame))
        case .section:
            let list = ListPages(index, in: graph)
            return PageValues(
                .section,
                SectionPage(
                    breadcrumbs: breadcrumbs, topics: list.items(onPage: listPage).map(link),
                    pagination: pagination(index, list, current: listPage), page: content, notices: notices,
                    frame: frame))
        case .topic where isGlossary:
            return PageValues(
                .glossary,
                GlossaryPage(
                    breadcrumbs: breadcrumbs, reviewText: reviewText(index), page: content, notices: notices,
                    frame: frame))
        case .topic:
            return PageValues(
                .topic,
                TopicPage(
                    breadcrumbs: breadcrumbs, reviewText: reviewText(index), related: page.related.map(link),
                    section: page.parent.map(link), page: content, notices: notices, frame: frame
                ))
        }
    }

    /// The page's locale values and its languages.
    private func frame(_ index: Int) -> PageFrame {
        let translations = graph.pages[index].translations
        return PageFrame(
            translations: translations.map { switcherEntries[$0].shown(onPage: index, of: $0) },
            // hreflang alternates name real translations only, never borrowed pages.
            alternates: graph.realTranslations(of: index).map { switcherEntries[$0].shown(onPage: index, of: $0) },
            locale: locales[graph.pages[index].locale]!
        )
    }

    /// The frame of page `listPage` (after the first) of a listing page's list: the switcher leads to
    /// the same page of each translation's list, or to its first page when its list is shorter;
    /// `hreflang` names only the translations whose list has that page.
    private func frame(_ index: Int, listPage: Int) -> PageFrame {
        func entry(_ other: Int) -> TranslationValue? {
            let entry = switcherEntries[other].shown(onPage: index, of: other)
            guard other == index || graph.pages[other].isPublished && ListPages(other, in: graph).count >= listPage
            else { return nil }
            let url = ListPages.url(graph.pages[other].url, page: listPage)
            return entry.with(url: url, absoluteURL: absolute(url))
        }
        let translations = graph.pages[index].translations
        return PageFrame(
            translations: translations.map { other in
                entry(other) ?? switcherEntries[other].shown(onPage: index, of: other)
            },
            alternates: graph.realTranslations(of: index).compactMap(entry),
            locale: locales[graph.pages[index].locale]!
        )
    }

    /// The canonical URL of page `number` of listing page `index`'s list: that page of the original's
    /// list for a borrowed page (as for its first page), unless the original's list is shorter.
    private func listCanonical(_ index: Int, page number: Int) -> String {
        let original = graph.pages[index].fallbackOf ?? index
        guard number > 1 else { return absolute(graph.pages[original].url) }
        let shown = ListPages(original, in: graph).count >= number ? original : index
        return absolute(ListPages.url(graph.pages[shown].url, page: number))
    }

    /// The links between the pages of listing page `index`'s list, in its locale; nil when it takes one page.
    private func pagination(_ index: Int, _ list: ListPages, current: Int) -> Pagination? {
        guard list.count > 1 else { return nil }
        let tag = graph.pages[index].locale
        let text = strings.strings(for: tag)
        let plurals = PluralRules(strings.language(of: "pageOf", for: tag))
        let base = graph.pages[index].url
        func link(_ number: Int, text shown: String? = nil) -> PageNumberLink {
            PageNumberLink(
                text: shown ?? String(number), url: ListPages.url(base, page: number),
                label: Placeholders.fill(text["pageNumber"] ?? "", ["page": String(number)]),
                isCurrent: shown == nil && number == current, isGap: false)
        }
        return Pagination(
            label: Placeholders.fill(
                plurals.form(of: "pageOf", count: list.count, in: text) ?? "",
                ["page": String(current), "count": String(list.count)]),
            navLabel: text["paginationLabel"] ?? "",
            previous: current > 1 ? link(current - 1, text: text["previousPage"] ?? "") : nil,
            next: current < list.count ? link(current + 1, text: text["nextPage"] ?? "") : nil,
            pages: ListPages.window(current: current, count: list.count).map { number in
                number.map { link($0) } ?? PageNumberLink(text: "…", url: "", label: "", isCurrent: false, isGap: true)
            })
    }

    /// A frame for pages that are not the graph's (search, 404, redirects, the language chooser).
    func frame(locale tag: String) -> PageFrame {
        PageFrame(locale: locales[tag]!)
    }

    func link(to index: Int) -> LinkValue {
        links[index]
    }

    private static func makeLink(to index: Int, in graph: SiteGraph, languageNames: LanguageNames) -> LinkValue {
        // Read in place: `let page = graph.pages[index]` copied the whole node for each link made.
        graph.pages.withUnsafeBufferPointer { pages in
            // A borrowed page's title is in its content's language; the note says which, in the reader's.
            LinkValue(
                title: pages[index].title, url: pages[index].url,
                description: nonEmpty(pages[index].source.frontMatter.description),
                isSection: pages[index].isListing,
                fallbackLang: pages[index].isFallback ? pages[index].source.locale : nil,
                otherLanguage: pages[index].isPublished
                    ? nil : languageNames.name(of: pages[index].source.locale, for: pages[index].locale)
            )
        }
    }

    /// Strings the page values fill in themselves (they have placeholders).
    static let usedStrings = [
        "fallbackNotice": "notices on pages not yet translated", "untranslated": "the language switcher",
        "lastReviewed": "review dates", "nextReviewDue": "review dates", "notReviewed": "review dates",
    ]

    /// "Page last reviewed 3 March 2026 by … · Next review due 3 March 2027", in the page's locale.
    private func reviewText(_ index: Int) -> String {
        let page = graph.pages[index]
        let text = strings.strings(for: page.locale)
        let locale = graph.locale(of: page)
        guard let entry = ReviewSchedule.entry(for: index, in: graph) else { return text["notReviewed"] ?? "" }
        let reviewed = Placeholders.fill(
            text["lastReviewed"] ?? "",
            ["date": formats.date(entry.reviewed, locale: locale), "reviewer": entry.reviewedBy])
        let next = Placeholders.fill(
            text["nextReviewDue"] ?? "", ["date": formats.date(entry.nextReview, locale: locale)])
        return "\(reviewed) · \(next)"
    }

    /// "Esta página todavía no está disponible en español; está leyendo la versión en inglés.": both
    /// languages named in the reader's.
    private func fallbackNotice(locale tag: String, contentLocale: LocaleConfig) -> String {
        // A locale without its own notice shows another's text: the names follow the text.
        let reader = strings.language(of: "fallbackNotice", for: tag)
        return Placeholders.fill(
            strings.strings(for: tag)["fallbackNotice"] ?? "",
            [
                "language": languageNames.name(of: tag, for: reader),
                "original": languageNames.name(of: contentLocale.tag, for: reader),
            ])
    }

    /// `/<locale>/search/`, the locale's search page.
    static func searchURL(locale tag: String, graph: SiteGraph) -> String {
        graph.config.basePath + tag + "/search/"
    }

    /// Home page: the topics at the top level (those of page `listPage` of its list), then on its
    /// first page one group per section, each with its first `homeListSize` topics and a link to the
    /// section when it has more. The search page shows the first page's groups, and links the
    /// top-level group to the home page when the home page's list goes on.
    func homeGroups(_ home: Int, listPage: Int = 1, isSearch: Bool = false) -> [TopicGroup] {
        let list = ListPages(home, in: graph)
        let topLevel = list.items(onPage: listPage)
        var groups: [TopicGroup] = []
        if !topLevel.isEmpty {
            groups.append(
                TopicGroup(
                    isTopLevel: true, topics: topLevel.map(link),
                    seeAll: isSearch && list.count > 1 ? seeAll(home, count: list.items.count) : nil))
        }
        guard listPage == 1 else { return groups }
        let size = graph.config.homeListSize
        for section in graph.pages[home].children where graph.pages[section].isListing {
            let topics = graph.pages[section].children
            groups.append(
                TopicGroup(
                    isTopLevel: false, section: link(to: section), topics: topics.prefix(size).map(link),
                    seeAll: topics.count > size ? seeAll(section, count: topics.count) : nil))
        }
        return groups
    }

    /// "See all 230 topics", leading to listing page `index`, in its locale.
    private func seeAll(_ index: Int, count: Int) -> LinkValue {
        let tag = graph.pages[index].locale
        let plurals = PluralRules(strings.language(of: "seeAllTopics", for: tag))
        let text = plurals.form(of: "seeAllTopics", count: count, in: strings.strings(for: tag)) ?? ""
        return LinkValue(
            title: Placeholders.fill(text, ["count": String(count)]), url: graph.pages[index].url,
            description: nil, isSection: true, fallbackLang: nil)
    }

    /// The strings lists fill in themselves, needed when a list takes more than one page or a
    /// section shows only its first topics on the home page: a site whose lists are short needs none.
    static func listStrings(_ graph: SiteGraph) -> [String: String] {
        let pages = graph.pages
        var used: [String: String] = [:]
        if pages.indices.contains(where: {
            pages[$0].isListing && pages[$0].isPublished && ListPages($0, in: graph).count > 1
        }) {
            for key in ["pageOf", "pageNumber", "paginationLabel", "previousPage", "nextPage"] {
                used[key] = "lists longer than listPageSize"
            }
        }
        let cut = graph.homes.contains { home in
            ListPages(home, in: graph).count > 1
                || pages[home].children.contains {
                    pages[$0].isListing && pages[$0].children.count > graph.config.homeListSize
                }
        }
        if cut { used["seeAllTopics"] = "sections longer than homeListSize on the home page" }
        return used
    }

    private static func makeSwitcherEntries(_ index: Int, in graph: SiteGraph, origin: String) -> SwitcherEntry {
        // The page's fields read in place, and its absolute URL made once for both entries: a
        // copy of the node retained each of its fields, for every page of every locale.
        graph.pages.withUnsafeBufferPointer { pages in
            let (tag, url) = (pages[index].locale, pages[index].url)
            let locale = graph.locales[known: tag]
            let absoluteURL = origin + url
            let isDefault = tag == graph.config.defaultLocale
            let hreflang = pages[index].isPublished ? tag : pages[index].source.locale
            func entry(isCurrent: Bool) -> TranslationValue {
                TranslationValue(
                    tag: tag, name: locale.name, dir: locale.direction.rawValue, url: url, absoluteURL: absoluteURL,
                    isCurrent: isCurrent, isDefault: isDefault, isFallback: pages[index].isFallback,
                    hreflang: hreflang)
            }
            return SwitcherEntry(other: entry(isCurrent: false), current: entry(isCurrent: true))
        }
    }

    func absolute(_ url: String) -> String {
        origin + url
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}

/// A page's entry in the language switcher, made once per page: as every other page shows it,
/// and as the page itself shows it (marked current).
private struct SwitcherEntry: Sendable {
    var other: TranslationValue
    var current: TranslationValue

    /// The entry for page `entryPage` as page `page` shows it.
    func shown(onPage page: Int, of entryPage: Int) -> TranslationValue {
        page == entryPage ? current : other
    }
}

/// One page's values, and the kind whose template renders them.
struct PageValues: Sendable {
    let kind: PageKind
    let values: any FramedPage

    init(_ kind: PageKind, _ values: any FramedPage) {
        self.kind = kind
        self.values = values
    }

    /// The values as a template's root.
    var data: TemplateData { .object(values) }

    var locale: String { values.frame.locale.lang }
}
