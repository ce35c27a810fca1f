import SiteModel

/// Each locale with a `glossary.yml` gets a glossary page (id `glossary`), a
/// topic at `/<locale>/glossary/` with one heading per term. Locales without
/// one borrow it along their fallback chain like any other page.
public enum GlossaryPages {
    /// The id of every locale's glossary page.
    public static let id = "glossary"

    static func pages(for locales: LocaleTable, defaultLocale: String) -> [SourcePage] {
        locales.compactMap { locale in
            guard let first = locale.glossary.first else { return nil }
            // Titles come from the locale's strings, falling back like any string.
            let strings = { (key: String, fallback: String) -> String in
                locale.strings[key] ?? locales.stringSource(key, for: locale, defaultLocale: defaultLocale)?.strings[
                    key] ?? fallback
            }
            let body = locale.glossary.map { "## \($0.term)\n\n\($0.definition)\n" }.joined(separator: "\n")
            return SourcePage(
                locale: locale.tag,
                relativePath: "\(id).md",
                kind: .topic,
                frontMatter: FrontMatter(
                    title: strings("glossaryTitle", "Glossary"), description: strings("glossaryDescription", ""),
                    weight: 1000),
                body: body,
                bodyLocation: SourceLocation(file: first.location.file, line: 1, column: 1)
            )
        }
    }
}
