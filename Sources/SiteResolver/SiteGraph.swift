public import SiteModel

/// The resolved site: every page with its URL, place in the section tree,
/// related pages and translations. Indices into `pages` link the nodes.
public struct SiteGraph: Sendable {
    public var config: SiteConfig
    public var locales: LocaleTable
    public var pages: [PageNode]
    public var redirects: [Redirect]
    /// locale → id → page index.
    public var pagesByID: [String: [String: Int]]
    /// locale → source path under the locale folder → page index.
    public var pagesBySourcePath: [String: [String: Int]]
    /// Problems that do not stop the build (stale translations).
    public var warnings: [Diagnostic] = []
    /// locale → the ids of the default locale's glossary terms its own glossary.yml lacks.
    public var missingGlossaryTerms: [String: [String]] = [:]
    /// `Content/pulse-presets.yml`, passed through for the renderer's explainers.
    public var pulsePresets: SourceText?
    /// The pages left out: drafts, and pages with errors.
    public var leftOut = LeftOutPages()
    /// Pictures and other files, for pages to name.
    public var files = FileIndex()
    /// Shared blocks of every locale (never pages), by locale then name.
    public var blocks: [BlockNode] = []
    /// locale → block name → index in `blocks`.
    public var blocksByName: [String: [String: Int]] = [:]
    /// Names of blocks whose own errors left them out (see `LoadedSite.brokenBlocks`).
    public var brokenBlocks: Set<String> = []

    /// The locale a page is published in.
    public func locale(of page: PageNode) -> LocaleConfig { locales[known: page.locale] }

    /// The locale a page's content is written in (its original's, for a borrowed page).
    public func contentLocale(of page: PageNode) -> LocaleConfig { locales[known: page.source.locale] }

    /// The translations of a page that are real pages, not borrowed ones: what
    /// `hreflang` alternates and the sitemap list. None for a borrowed page.
    public func realTranslations(of index: Int) -> [Int] {
        pages[index].isFallback ? [] : pages[index].translations.filter { !pages[$0].isFallback }
    }

    /// The home page of each locale, in locale order.
    public var homes: [Int] {
        locales.compactMap { pagesByID[$0.tag]?[PageNode.homeID] }
    }
}

public struct PageNode: Sendable {
    public static let homeID = "home"

    public var source: SourcePage
    public var id: String
    public var locale: String
    /// Site-relative URL with the base path: `/en/therapies/tens/`.
    public var url: String
    /// File under the output folder: `en/therapies/tens/index.html`.
    public var outputPath: String
    /// The section (or home) this page sits in; nil for a home page.
    public var parent: Int?
    /// Home first, then each enclosing section, excluding the page itself.
    public var ancestors: [Int] = []
    /// For home and section pages: what they list, by weight then title.
    public var children: [Int] = []
    public var related: [Int] = []
    /// The same id in every locale that has it, in locale order, self included.
    public var translations: [Int] = []
    /// A section or home page made up because the folder has no `_index.md`.
    public var isGenerated: Bool
    /// How this page stands against its original in the default locale.
    public var translationStatus: TranslationStatus = .original
    /// The default locale's version of this page, when this is a translation.
    public var original: Int?
    /// For a page this locale borrows (not yet translated): the page whose content it shows.
    public var fallbackOf: Int?
    /// False for a page of a locale that publishes no borrowed copies
    /// (`fallbackPages: false`): it has no file of its own, and its URL is
    /// its original's, so lists and switchers link there.
    public var isPublished = true

    /// Published in this locale with another locale's content (see `FallbackPages`).
    public var isFallback: Bool { source.locale != locale }

    public var title: String { source.frontMatter.title }
    public var isListing: Bool { source.kind != .topic }
}

/// An old URL (from `aliases`) that sends readers to a page.
public struct Redirect: Sendable, Hashable {
    public var outputPath: String
    public var target: Int
    public var location: SourceLocation
}

/// Whether a translation is behind the page it was translated from.
public enum TranslationStatus: String, Sendable, Hashable {
    /// The page in the default locale, or a page with no counterpart there.
    case original
    /// `translationOf` matches the original's current digest.
    case current
    /// The original changed after this translation was made.
    case stale
    /// No `translationOf` yet: nobody has recorded which version it follows.
    case unstamped
    /// Not translated: the locale shows another locale's page in its place.
    case fallback
}
