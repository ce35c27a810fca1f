import Foundation
import TemplateEngine

// LocaleValues and SiteValue are declared in LocaleValues.records.

extension LocaleValues {
    /// The same values with the `cached/` templates' HTML.
    func with(cached: KeyedValues) -> LocaleValues {
        LocaleValues(
            site: site, lang: lang, dir: dir, ogLocale: ogLocale, locale: locale, strings: strings, assets: assets,
            homeURL: homeURL, searchURL: searchURL, feedURL: feedURL, nav: nav, languages: languages, cached: cached
        )
    }

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
