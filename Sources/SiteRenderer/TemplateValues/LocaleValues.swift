import Foundation
import TemplateEngine

/// What every page of a locale shares, made once per locale: the site, the
/// language, its strings, the assets, the navigation and the rendered
/// `cached/` templates. Every page kind offers these names at its top level.
struct LocaleValues: TemplateRecord {
    @Boxed var site: SiteValue
    var lang: String
    var dir: String
    /// `openGraphLocale(lang)`, worked out once.
    var ogLocale: String
    @Boxed var locale: LanguageValue
    var strings: KeyedValues
    var assets: KeyedValues
    var homeURL: String
    var searchURL: String
    var feedURL: String
    @BoxedList var nav: [LinkValue]
    @BoxedList var languages: [LanguageValue]
    /// The `cached/` templates, rendered with these values (an empty set while they are).
    var cached: KeyedValues

    /// The same values with the `cached/` templates' HTML.
    func with(cached: KeyedValues) -> LocaleValues {
        var values = self
        values.cached = cached
        return values
    }

    static let templateName = "every page"
    static let templateFields = TemplateFields<TemplateBox<LocaleValues>>([
        .object("site", "The site: `title`, `baseURL`.") { $0.value.$site },
        .text("lang", "The page's language tag (`en`, `pt-BR`), for `lang` attributes.") { $0.value.lang },
        .text("dir", "`ltr` or `rtl`, the direction of the page's language.") { $0.value.dir },
        .text("ogLocale", "The locale in Open Graph's form (`en_US`, `pt_BR`), with CLDR's likely region.") {
            $0.value.ogLocale
        },
        .object("locale", "The page's language: `tag`, `name`, `url`.") { $0.value.$locale },
        .keyed(
            "strings", "Every text of `locale.yml` `strings:`, by key (`strings.skipToContent`).",
            space: KeySpace.strings, value: .text
        ) { $0.value.strings },
        .keyed(
            "assets", "The URL of each file in `Templates/assets/`, dots and dashes as `_` (`assets.style_css`).",
            space: KeySpace.assets, value: .text
        ) { $0.value.assets },
        .text("homeURL", "The URL of the locale's home page.") { $0.value.homeURL },
        .text("searchURL", "The URL of the locale's search page.") { $0.value.searchURL },
        .text("feedURL", "The locale's Atom feed of new and updated topics.") { $0.value.feedURL },
        .list("nav", "The home page's sections and top-level topics, as links.") { $0.value.$nav },
        .list("languages", "Every locale's home page: `tag`, `name`, `url`.") { $0.value.$languages },
        .keyed(
            "cached", "The HTML of each `cached/` template, rendered once per locale (`cached.footer`).",
            space: KeySpace.cached, value: .html
        ) { $0.value.cached },
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

struct SiteValue: TemplateRecord {
    var title: String
    var baseURL: String

    static let templateName = "the site"
    static let templateFields = TemplateFields<TemplateBox<SiteValue>>([
        .text("title", "The site's name, from `site.yml`.") { $0.value.title },
        .text("baseURL", "The absolute URL the site is published at, ending in `/`.") { $0.value.baseURL },
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
