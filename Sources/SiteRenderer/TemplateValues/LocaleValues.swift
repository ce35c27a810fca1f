import Foundation
import TemplateEngine

/// What every page of a locale shares, made once per locale: the site, the
/// language, its strings, the assets, the navigation and the rendered
/// `cached/` templates. Every page kind offers these names at its top level.
final class LocaleValues: TemplateObject, Sendable {
    let site: SiteValue
    let lang: String
    let dir: String
    let ogLocale: String
    let locale: LanguageValue
    let strings: KeyedValues
    let assets: KeyedValues
    let homeURL: String
    let searchURL: String
    let feedURL: String
    let nav: [LinkValue]
    let languages: [LanguageValue]
    /// The `cached/` templates, rendered with these values (an empty set while they are).
    let cached: KeyedValues

    init(
        site: SiteValue, lang: String, dir: String, locale: LanguageValue, strings: KeyedValues, assets: KeyedValues,
        homeURL: String, searchURL: String, feedURL: String, nav: [LinkValue], languages: [LanguageValue],
        cached: KeyedValues
    ) {
        self.feedURL = feedURL
        self.site = site
        self.lang = lang
        self.dir = dir
        ogLocale = Self.openGraphLocale(lang)
        self.locale = locale
        self.strings = strings
        self.assets = assets
        self.homeURL = homeURL
        self.searchURL = searchURL
        self.nav = nav
        self.languages = languages
        self.cached = cached
    }

    /// The same values with the `cached/` templates' HTML.
    func with(cached: KeyedValues) -> LocaleValues {
        LocaleValues(
            site: site, lang: lang, dir: dir, locale: locale, strings: strings, assets: assets,
            homeURL: homeURL, searchURL: searchURL, feedURL: feedURL, nav: nav, languages: languages, cached: cached
        )
    }

    static let templateName = "every page"
    static let templateFields = TemplateFields<LocaleValues>([
        .object("site", "The site: `title`, `baseURL`.") { $0.site },
        .text("lang", "The page's language tag (`en`, `pt-BR`), for `lang` attributes.") { $0.lang },
        .text("dir", "`ltr` or `rtl`, the direction of the page's language.") { $0.dir },
        .text("ogLocale", "The locale in Open Graph's form (`en_US`, `pt_BR`), with CLDR's likely region.") {
            $0.ogLocale
        },
        .object("locale", "The page's language: `tag`, `name`, `url`.") { $0.locale },
        .keyed(
            "strings", "Every text of `locale.yml` `strings:`, by key (`strings.skipToContent`).",
            space: KeySpace.strings, value: .text
        ) { $0.strings },
        .keyed(
            "assets", "The URL of each file in `Templates/assets/`, dots and dashes as `_` (`assets.style_css`).",
            space: KeySpace.assets, value: .text
        ) { $0.assets },
        .text("homeURL", "The URL of the locale's home page.") { $0.homeURL },
        .text("searchURL", "The URL of the locale's search page.") { $0.searchURL },
        .text("feedURL", "The locale's Atom feed of new and updated topics.") { $0.feedURL },
        .list("nav", "The home page's sections and top-level topics, as links.") { $0.nav },
        .list("languages", "Every locale's home page: `tag`, `name`, `url`.") { $0.languages },
        .keyed(
            "cached", "The HTML of each `cached/` template, rendered once per locale (`cached.footer`).",
            space: KeySpace.cached, value: .html
        ) { $0.cached },
    ])
}

/// The names of the key spaces templates name into.
enum KeySpace {
    static let strings = "strings"
    static let assets = "assets"
    static let cached = "cached"
}

/// Texts or HTML by key: a locale's strings, the assets' URLs, the cached
/// HTML. Laid out in the order compiled templates read them by
/// (`KeySlots.order` of the key space), so no key is looked up per page.
final class KeyedValues: TemplateObject, Sendable {
    static let templateName = "keyed values"
    static let templateFields = TemplateFields<KeyedValues>([])

    private let slots: [String?]
    private let isHTML: Bool

    /// - Parameter keys: every key of the space, as the templates were compiled against;
    ///   a key without a value reads as absent.
    init(_ values: [String: String], keys: Set<String>, isHTML: Bool) {
        slots = KeySlots.order(keys).map { values[$0] }
        self.isHTML = isHTML
    }

    func templateField(slot: Int) -> TemplateData {
        guard slots.indices.contains(slot), let value = slots[slot] else { return .none }
        return isHTML ? .html(value) : .text(value)
    }
}

final class SiteValue: TemplateObject, Sendable {
    let title: String
    let baseURL: String

    init(title: String, baseURL: String) {
        self.title = title
        self.baseURL = baseURL
    }

    static let templateName = "the site"
    static let templateFields = TemplateFields<SiteValue>([
        .text("title", "The site's name, from `site.yml`.") { $0.title },
        .text("baseURL", "The absolute URL the site is published at, ending in `/`.") { $0.baseURL },
    ])
}

extension LocaleValues {
    /// `language_REGION`, as Open Graph wants it: the tag's region, else CLDR's likely one for the
    /// language (`en` → `en_US`, `es` → `es_ES`, `ar` → `ar_EG`); the language alone if CLDR has none.
    static func openGraphLocale(_ tag: String) -> String {
        let language = Locale.Language(identifier: tag)
        let maximal = Locale.Language(identifier: language.maximalIdentifier)
        guard let code = language.languageCode?.identifier else { return tag.replacingOccurrences(of: "-", with: "_") }
        guard let region = language.region?.identifier ?? maximal.region?.identifier else { return code }
        return "\(code)_\(region)"
    }
}
