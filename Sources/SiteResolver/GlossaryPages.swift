import SiteModel

/// Each locale with a `glossary.yml` gets a glossary page (id `glossary`), a
/// topic at `/<locale>/glossary/` with one heading per term. Locales without
/// one borrow it along their fallback chain like any other page.
enum GlossaryPages {
    static let id = "glossary"

    static func pages(for locales: [LocaleConfig], defaultLocale: String) -> [SourcePage] {
        locales.compactMap { locale in
            guard let first = locale.glossary.first else { return nil }
            let strings = { (key: String, fallback: String) -> String in
                let chain = [locale.tag] + locale.fallbackChain
                return chain.lazy.compactMap { tag in locales.first { $0.tag == tag }?.strings[key] }.first ?? fallback
            }
            let body = locale.glossary.map { "## \($0.term)\n\n\($0.definition)\n" }.joined(separator: "\n")
            return SourcePage(
                locale: locale.tag,
                relativePath: "\(id).md",
                kind: .topic,
                frontMatter: FrontMatter(title: strings("glossaryTitle", "Glossary"), description: strings("glossaryDescription", ""), weight: 1000),
                body: body,
                bodyLocation: SourceLocation(file: first.location.file, line: 1, column: 1)
            )
        }
    }
}
