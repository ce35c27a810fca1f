import SiteModel
import SiteResolver

/// Each locale's template strings, checked against what the templates use.
/// A key missing in a locale falls back along the locale's fallback chain
/// (with a warning); missing in the default locale too, it is an error.
struct LocaleStrings: Sendable {
    private var byLocale: [String: [String: String]] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(graph: SiteGraph, usedStrings: [String: String]) {
        for locale in graph.locales {
            var strings = locale.strings
            for (key, template) in usedStrings.sorted(by: { $0.key < $1.key }) where strings[key] == nil {
                let location = SourceLocation(file: locale.location.file)
                if let source = graph.locales.stringSource(key, for: locale, defaultLocale: graph.config.defaultLocale)
                {
                    strings[key] = source.strings[key]
                    diagnostics.append(
                        .warning(
                            location,
                            "strings: '\(key)' (used by \(template)) is missing; showing the \(source.tag) text"))
                } else {
                    diagnostics.append(.error(location, "strings: '\(key)' (used by \(template)) is missing"))
                }
            }
            byLocale[locale.tag] = strings
        }
    }

    func strings(for tag: String) -> [String: String] { byLocale[tag] ?? [:] }
}
