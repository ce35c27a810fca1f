import CommonMark
import SiteModel
import SiteResolver
import SiteSupport

/// Markdown options and their fingerprint, made together so that they cannot disagree.
struct FingerprintedOptions: Sendable {
    let options: MarkdownOptions
    let fingerprint: Fingerprint

    init(_ options: MarkdownOptions) {
        self.options = options
        fingerprint = LocaleOptions.fingerprint(options)
    }

    /// The memo input of converting `page`'s body with these options, its reading level scored in `language`.
    func input(for page: SourcePage, language: String) -> ConversionInput {
        ConversionInput(body: page.bodyDigest, language: language, options: fingerprint)
    }
}

/// Each locale's Markdown options, hashed once (with and without glossary terms), not once per page.
struct LocaleOptions: Sendable {
    private struct Entry {
        let withTerms: FingerprintedOptions
        /// For the glossary page, which defines the terms and does not link them to itself.
        let withoutTerms: FingerprintedOptions
    }

    private var byLocale: [String: Entry] = [:]

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
                embedLanguages: [ExplainerStage.language, SourceBlock.fenceLanguage],
                terms: locale.termPatterns, collectsPlainText: false,
                tableLabel: text("tableLabel", locale) ?? ""
            )
            var withoutTerms = options
            withoutTerms.terms = []
            byLocale[locale.tag] = Entry(
                withTerms: FingerprintedOptions(options), withoutTerms: FingerprintedOptions(withoutTerms))
        }
    }

    /// `page`'s options and their fingerprint.
    func options(for page: PageNode) -> FingerprintedOptions {
        options(locale: page.locale, isGlossary: page.id == GlossaryPages.id && page.source.isSynthesized)
    }

    func options(locale: String, isGlossary: Bool) -> FingerprintedOptions {
        let entry = byLocale[locale]!
        return isGlossary ? entry.withoutTerms : entry.withTerms
    }

    /// The memo input of `page`'s conversion: everything it reads, the body,
    /// the options and the language its reading level is scored in.
    func conversionInput(_ page: PageNode) -> ConversionInput {
        options(for: page).input(for: page.source, language: page.locale)
    }

    fileprivate static func fingerprint(_ options: MarkdownOptions) -> Fingerprint {
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
