extension LocaleConfig {
    /// The locales this one borrows missing strings from, in order: its
    /// fallback chain, or the default locale when no chain was worked out.
    public func stringFallbacks(defaultLocale: String) -> [String] {
        fallbackChain.isEmpty && tag != defaultLocale ? [defaultLocale] : fallbackChain
    }
}

/// The site's locales in their configured order, found by tag in constant
/// time: every page names its locale by tag, and rendering asks for it once
/// per page.
public struct LocaleTable: Sendable, RandomAccessCollection {
    private let locales: [LocaleConfig]
    private let positions: [String: Int]

    public init(_ locales: [LocaleConfig]) {
        self.locales = locales
        positions = Dictionary(locales.enumerated().map { ($1.tag, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var startIndex: Int { locales.startIndex }
    public var endIndex: Int { locales.endIndex }
    public subscript(position: Int) -> LocaleConfig { locales[position] }

    /// The locale with `tag`, if the site has one.
    public subscript(tag: String) -> LocaleConfig? {
        positions[tag].map { locales[$0] }
    }

    /// The locale of a tag the loader took from the site's own folders (a
    /// page's, the default locale): a missing one is a bug, not bad content.
    public subscript(known tag: String) -> LocaleConfig {
        guard let position = positions[tag] else { preconditionFailure("locale '\(tag)' is not one of the site's") }
        return locales[position]
    }

    /// The first locale along `locale`'s fallbacks (not `locale` itself) whose
    /// strings have `key`.
    public func stringSource(_ key: String, for locale: LocaleConfig, defaultLocale: String) -> LocaleConfig? {
        for tag in locale.stringFallbacks(defaultLocale: defaultLocale) {
            if let other = self[tag], other.strings[key] != nil { return other }
        }
        return nil
    }
}
