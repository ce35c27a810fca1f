import SiteModel
import SiteResolver

/// Each locale's template strings, checked against what the templates use.
/// A key missing in a locale falls back along the locale's fallback chain
/// (with a warning); missing in the default locale too, it is an error.
struct LocaleStrings: Sendable {
    private var byLocale: [String: [String: String]] = [:]
    /// locale → key → the locale whose text it shows, for keys it borrows.
    private var borrowedFrom: [String: [String: String]] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(graph: SiteGraph, usedStrings: [String: String]) {
        for locale in graph.locales {
            var strings = locale.strings
            for (key, template) in usedStrings.sorted(by: { $0.key < $1.key }) where !Self.has(key, in: strings) {
                let location = SourceLocation(file: locale.location.file)
                if let source = graph.locales.stringSource(key, for: locale, defaultLocale: graph.config.defaultLocale)
                    ?? graph.locales.stringSource(
                        "\(key).other", for: locale, defaultLocale: graph.config.defaultLocale)
                {
                    // The string and its plural forms (`key.one`, `key.other`, …), in the language they are in.
                    for (name, text) in source.strings where name == key || name.hasPrefix("\(key).") {
                        strings[name] = text
                    }
                    borrowedFrom[locale.tag, default: [:]][key] = source.tag
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

    /// Whether `strings` has `key`: written once, or per plural category (`key.other` at least).
    private static func has(_ key: String, in strings: [String: String]) -> Bool {
        strings[key] != nil || strings["\(key).other"] != nil
    }

    func strings(for tag: String) -> [String: String] { byLocale[tag] ?? [:] }

    /// The language `key`'s text is in for locale `tag`: its own, or the one it borrows the text from.
    /// A sentence that names languages names them in this one.
    func language(of key: String, for tag: String) -> String { borrowedFrom[tag]?[key] ?? tag }
}
