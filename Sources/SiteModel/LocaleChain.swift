extension LocaleConfig {
    /// The locales this one borrows missing strings from, in order: its
    /// fallback chain, or the default locale when no chain was worked out.
    public func stringFallbacks(defaultLocale: String) -> [String] {
        fallbackChain.isEmpty && tag != defaultLocale ? [defaultLocale] : fallbackChain
    }
}

extension Array where Element == LocaleConfig {
    /// The first locale along `locale`'s fallbacks (not `locale` itself) whose
    /// strings have `key`.
    public func stringSource(_ key: String, for locale: LocaleConfig, defaultLocale: String) -> LocaleConfig? {
        for tag in locale.stringFallbacks(defaultLocale: defaultLocale) {
            if let other = first(where: { $0.tag == tag }), other.strings[key] != nil { return other }
        }
        return nil
    }
}
