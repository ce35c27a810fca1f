import CommonMark
import SiteModel
import SiteResolver
import SiteSupport

/// Each locale's Markdown options, hashed once (with and without glossary terms), not once per page.
struct LocaleOptions: Sendable {
    private var byLocale: [String: (options: MarkdownOptions, withTerms: Fingerprint, withoutTerms: Fingerprint)] =
        [:]

    /// Both the conversion beside the resolver and `run` make these, and their fingerprints must
    /// agree for `run` to find the first's conversions: one initialiser, one way to read strings.
    init(config: SiteConfig, locales: LocaleTable) {
        // A string of a locale, as its fallback chain gives it (as `LocaleStrings` does).
        func text(_ key: String, _ locale: LocaleConfig) -> String? {
            locale.strings[key]
                ?? locales.stringSource(key, for: locale, defaultLocale: config.defaultLocale)?.strings[key]
        }
        for locale in locales {
            let options = MarkdownOptions(
                smartPunctuation: config.smartPunctuation, unsafeHTML: config.unsafeHTML,
                footnoteLabels: FootnoteLabels(
                    title: text("footnotesTitle", locale) ?? "", backLink: text("backToContent", locale) ?? ""),
                embedLanguages: [ExplainerStage.language],
                terms: locale.termPatterns, collectsPlainText: false,
                tableLabel: text("tableLabel", locale) ?? ""
            )
            var withoutTerms = options
            withoutTerms.terms = []
            byLocale[locale.tag] = (
                options, Self.fingerprint(options), Self.fingerprint(withoutTerms)
            )
        }
    }

    /// `page`'s options and their fingerprint.
    func options(for page: PageNode) -> (options: MarkdownOptions, fingerprint: Fingerprint) {
        options(locale: page.locale, isGlossary: page.id == GlossaryPages.id && page.source.isSynthesized)
    }

    func options(locale: String, isGlossary: Bool) -> (options: MarkdownOptions, fingerprint: Fingerprint) {
        let entry = byLocale[locale]!
        // The glossary page defines the terms; it does not link them to itself.
        guard isGlossary else { return (entry.options, entry.withTerms) }
        var options = entry.options
        options.terms = []
        return (options, entry.withoutTerms)
    }

    /// The memo input of `page`'s conversion: everything it reads, the body,
    /// the options and the language its reading level is scored in.
    func conversionInput(_ page: PageNode) -> ConversionInput {
        ConversionInput(body: page.source.bodyDigest, language: page.locale, options: options(for: page).fingerprint)
    }

    private static func fingerprint(_ options: MarkdownOptions) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(options.smartPunctuation)
        hasher.combine(options.unsafeHTML)
        hasher.combine(options.footnoteLabels != nil)
        hasher.combine(options.footnoteLabels?.title ?? "")
        hasher.combine(options.footnoteLabels?.backLink ?? "")
        hasher.combine(texts: options.embedLanguages.sorted())
        hasher.combine(options.terms.count)
        for term in options.terms { hasher.combine(texts: term.phrases) }
        hasher.combine(texts: MarkdownStage.templateAnchors.sorted())
        return hasher.finalize()
    }
}
