import Foundation

/// `Content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    /// Absolute, ending in `/`: canonical URLs are built from it.
    public var baseURL: String
    public var defaultLocale: String
    /// Explicit locale order; empty means default locale first, then by tag.
    public var localeOrder: [String]
    public var smartPunctuation: Bool
    public var unsafeHTML: Bool
    /// Months from a page's `reviewed` to its next review, unless it sets `nextReview`.
    public var reviewIntervalMonths: Int
    /// Reading-level targets by language tag (`readingTargets: { en: 8, es: 60 }`):
    /// a grade for English (at most), an ease score for Spanish (at least).
    public var readingTargets: [String: Double] = [:]
    /// Pages larger than this are refused (`maxPageMegabytes`): a reader-facing
    /// page is far smaller, and a huge file is almost always a mistake.
    public var maxPageBytes: Int = SiteConfig.defaultMaxPageBytes
    /// Tables larger than this are refused before cmark-gfm parses them (`maxTableCells`,
    /// `maxTableColumns`): its table extension slows with rows × columns².
    public var maxTableCells: Int = PageLimits.defaults.maxTableCells
    public var maxTableColumns: Int = PageLimits.defaults.maxTableColumns
    /// Pictures declaring more pixels than this are refused (`maxPictureMegapixels`, default 50):
    /// a decompression bomb declares billions in a few bytes.
    public var maxPicturePixels: Int = 50_000_000
    /// `image` and `imageAlt`: the link-preview picture of pages that have none of their own (a file
    /// of `Content/files/`, named `/files/…`).
    public var image: Located<String>?
    public var imageAlt: String?
    /// `remotePictures: allow`: pages may show pictures from other sites (`![x](https://…)`). Off by
    /// default: every reader's browser would tell that site which page of a health site they read.
    public var allowsRemotePictures = false
    /// `requiredBlocks:` by section, in file order: blocks each topic page of the section places.
    public var requiredBlocks: [RequiredBlocks] = []
    /// `listPageSize`: the most pages one page of a section's list shows; a longer list goes on
    /// over numbered pages (`/en/therapies/page/2/`), so no list page grows with its section.
    public var listPageSize: Int = SiteConfig.defaultListPageSize
    /// `homeListSize`: the most topics each section shows on the home and search pages, with a
    /// link to the section's own list when it has more.
    public var homeListSize: Int = SiteConfig.defaultHomeListSize
    public static let defaultListPageSize = 50
    public static let defaultHomeListSize = 10
    public static let defaultMaxPageBytes = 10 * 1024 * 1024
    public var location: SourceLocation

    public init(
        title: String, baseURL: String, defaultLocale: String, localeOrder: [String] = [],
        smartPunctuation: Bool = true, unsafeHTML: Bool = false, reviewIntervalMonths: Int = 12,
        location: SourceLocation
    ) {
        self.title = title
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.defaultLocale = defaultLocale
        self.localeOrder = localeOrder
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
        self.reviewIntervalMonths = reviewIntervalMonths
        self.location = location
    }

    /// What one page may hold.
    public var pageLimits: PageLimits {
        PageLimits(maxBytes: maxPageBytes, maxTableCells: maxTableCells, maxTableColumns: maxTableColumns)
    }

    /// The path part of `baseURL` (`/` or `/docs/`): every site URL starts with it.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }

    /// `baseURL` without the trailing path: `https://example.org`.
    public var origin: String {
        String(baseURL.dropLast(basePath.count))
    }
}

public enum TextDirection: String, Sendable, Hashable {
    case ltr
    case rtl
}

/// `Content/<tag>/locale.yml`.
public struct LocaleConfig: Sendable, Hashable {
    public var tag: String
    /// The language's own name ("Español").
    public var name: String
    public var direction: TextDirection
    /// Every piece of template text, by key.
    public var strings: [String: String]
    public var location: SourceLocation
    /// `fallback:` as written: the locales to borrow missing pages and strings from.
    public var fallback: [Located<String>]
    /// The whole chain, expanded and checked by the loader: `fallback`, each of
    /// their chains in turn, then the default locale. Empty for the default locale.
    public var fallbackChain: [String] = []
    /// The locale whose conventions format dates and numbers (`formatLocale`, else the tag):
    /// `en` writes "March 3, 2026", `en-GB` "3 March 2026".
    public var formatLocale: String = ""
    /// The terms of `glossary.yml`, in file order (empty without one).
    public var glossary: [GlossaryTerm] = []
    /// `fallbackPages`: whether pages not yet translated are published in
    /// this locale with another's content (the default), or only linked to,
    /// in the first locale of the chain that has them.
    public var publishesFallbackPages = true
    /// `published: false`: a locale in progress, built only in the preview or with `--drafts`.
    public var published = true
    /// `languageNames`: names of other languages in this one, where CLDR's are not wanted.
    public var languageNames: [String: String] = [:]

    public init(
        tag: String, name: String, direction: TextDirection, strings: [String: String], location: SourceLocation,
        fallback: [Located<String>] = []
    ) {
        self.tag = tag
        self.name = name
        self.direction = direction
        self.strings = strings
        self.location = location
        self.fallback = fallback
    }
}
