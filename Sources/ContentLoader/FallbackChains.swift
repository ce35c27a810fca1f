import SiteModel
import SiteSupport

/// Expands each locale's `fallback:` into its whole chain, e.g. pt-BR: [pt]
/// with pt: [es] gives pt-BR → pt → es → en. Unknown locales and cycles are
/// errors at the `fallback` entry that names them.
enum FallbackChains {
    static func resolve(_ locales: inout [LocaleConfig], defaultLocale: String, diagnostics: inout [Diagnostic]) {
        let byTag = Dictionary(locales.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first })
        for locale in locales where locale.tag == defaultLocale && !locale.fallback.isEmpty {
            diagnostics.append(
                .warning(
                    locale.fallback[0].location,
                    "locale.yml: the default locale '\(defaultLocale)' has no fallback; 'fallback' is ignored"))
        }
        var reported = Set<String>()
        for index in locales.indices where locales[index].tag != defaultLocale {
            var chain: [String] = []
            expand(
                locales[index].tag, path: [locales[index].tag], byTag: byTag, chain: &chain, reported: &reported,
                diagnostics: &diagnostics)
            if !chain.contains(defaultLocale) { chain.append(defaultLocale) }
            locales[index].fallbackChain = chain.filter { $0 != locales[index].tag }
        }
    }

    private static func expand(
        _ tag: String, path: [String], byTag: [String: LocaleConfig],
        chain: inout [String], reported: inout Set<String>, diagnostics: inout [Diagnostic]
    ) {
        guard let locale = byTag[tag] else { return }
        for entry in locale.fallback {
            let next = entry.value
            guard byTag[next] != nil else {
                if reported.insert("unknown \(entry.location)").inserted {
                    let hint = Suggestion.closest(to: next, in: byTag.keys).map { " (did you mean '\($0)'?)" } ?? ""
                    diagnostics.append(.error(entry.location, "locale.yml: fallback: no locale '\(next)'\(hint)"))
                }
                continue
            }
            if path.contains(next) {
                let cycle = path[path.firstIndex(of: next)!...] + [next]
                if reported.insert("cycle \(Set(cycle).sorted())").inserted {
                    let files = cycle.dropLast().map { byTag[$0]!.location.file }.joined(separator: ", ")
                    diagnostics.append(
                        .error(
                            entry.location, "locale.yml: fallback cycle \(cycle.joined(separator: " → ")) (\(files))"))
                }
                continue
            }
            if !chain.contains(next) { chain.append(next) }
            expand(
                next, path: path + [next], byTag: byTag, chain: &chain, reported: &reported, diagnostics: &diagnostics)
        }
    }
}
