public import SiteSupport

/// A Markdown file's front matter, typed.
public struct FrontMatter: Sendable, Hashable {
    public var title: String
    public var description: String
    public var id: Located<String>?
    public var slug: Located<String>?
    public var weight: Int
    public var draft: Bool
    public var aliases: [Located<String>]
    public var related: [Located<String>]
    public var tags: [String]
    /// For a translation: the digest of the source page it was translated from.
    public var translationOf: Located<String>?
    /// For a translation: its units not yet translated from the version `translationOf` names, by id.
    public var pendingUnits: [PendingUnit] = []
    /// Clinical review: when, by whom, and (if not the site's interval later) when next.
    public var review: Review?
    /// What the page is about, for structured data: a therapy or a condition.
    public var medicalType: MedicalType?
    /// Works cited with `[@key]`, in front-matter order.
    public var references: [Reference] = []
    /// `published` and `updated`: the dates feeds and the sitemap give (with `reviewed`).
    public var published: CalendarDate?
    public var updated: CalendarDate?
    /// `image` (a picture beside the page) and its `imageAlt`: what link previews show.
    public var image: Located<String>?
    public var imageAlt: String?

    /// The latest of `published`, `updated` and `reviewed`: when the page last changed, as its
    /// front matter says (builds stay deterministic: no file times).
    public var lastChanged: CalendarDate? {
        [published, updated, review?.reviewed.value].compactMap { $0 }.max()
    }

    public enum MedicalType: String, Sendable, Hashable, CaseIterable {
        case therapy, condition

        /// The schema.org type.
        public var schemaType: String { self == .therapy ? "MedicalTherapy" : "MedicalCondition" }
    }

    public struct Review: Sendable, Hashable {
        public var reviewed: Located<CalendarDate>
        public var reviewedBy: String
        public var nextReview: Located<CalendarDate>?

        public init(reviewed: Located<CalendarDate>, reviewedBy: String, nextReview: Located<CalendarDate>? = nil) {
            self.reviewed = reviewed
            self.reviewedBy = reviewedBy
            self.nextReview = nextReview
        }
    }

    public init(
        title: String, description: String, id: Located<String>? = nil, slug: Located<String>? = nil,
        weight: Int = 0, draft: Bool = false, aliases: [Located<String>] = [], related: [Located<String>] = [],
        tags: [String] = [], translationOf: Located<String>? = nil, review: Review? = nil
    ) {
        self.title = title
        self.description = description
        self.id = id
        self.slug = slug
        self.weight = weight
        self.draft = draft
        self.aliases = aliases
        self.related = related
        self.tags = tags
        self.translationOf = translationOf
        self.review = review
    }
}

/// One Markdown file as loaded: front matter parsed, body untouched.
public struct SourcePage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `Content/<tag>/_index.md`.
        case home
        /// `_index.md` in a subfolder.
        case section
        case topic
    }

    public var locale: String
    /// Path under the locale folder, `/`-separated: `therapies/tens.md`.
    public var relativePath: String {
        didSet { (folder, idFromPath) = (Self.folder(of: relativePath), Self.pathID(relativePath)) }
    }
    public var kind: Kind
    public var frontMatter: FrontMatter
    public var body: String {
        didSet { bodyDigest = Fingerprint.of(body) }
    }
    /// The body's fingerprint, made once when the page is loaded (and again if the body is
    /// replaced): what the Markdown memo knows a body by, without hashing it per lookup.
    public private(set) var bodyDigest: Fingerprint
    /// Where the body starts: line 1 of the body is this file line.
    public var bodyLocation: SourceLocation
    /// The folder the file is in, which is its section: `therapies` for
    /// `therapies/tens.md` and `therapies/_index.md`, `""` at the locale root.
    ///
    /// Made once with `idFromPath`, when the path is set: the resolver asks for both of every
    /// page several times, and at 40 locales splitting the path each time was half its work.
    public private(set) var folder: String
    /// The id the page has without an `id:` (see `pathID(_:)`).
    public private(set) var idFromPath: String

    public init(
        locale: String, relativePath: String, kind: Kind, frontMatter: FrontMatter, body: String,
        bodyLocation: SourceLocation
    ) {
        self.locale = locale
        self.relativePath = relativePath
        self.kind = kind
        self.frontMatter = frontMatter
        self.body = body
        self.bodyDigest = Fingerprint.of(body)
        self.bodyLocation = bodyLocation
        folder = Self.folder(of: relativePath)
        idFromPath = Self.pathID(relativePath)
    }

    public var file: String { bodyLocation.file }

    /// Made by the build (a section without `_index.md`, a glossary page), not
    /// written as Markdown: no review, no translation stamp.
    public var isSynthesized: Bool { !file.hasSuffix(".md") }

    /// The folder of a file at `relativePath` (see `folder`).
    static func folder(of relativePath: String) -> String {
        PathSegments.of(relativePath).dropLast().joined(separator: "/")
    }

    /// The id shared by a page and its translations.
    public var id: String { frontMatter.id?.value ?? idFromPath }

    /// The id a page at `relativePath` has without an `id:`: a locale's home `home`, a section its
    /// folder, a topic its path without `.md`.
    public static func pathID(_ relativePath: String) -> String {
        let parts = PathSegments.of(relativePath)
        guard parts.last == "_index.md" else { return String(relativePath.dropLast(3)) }
        return parts.count == 1 ? "home" : parts.dropLast().joined(separator: "/")
    }
}

/// Everything the load stage read.
public struct LoadedSite: Sendable {
    public var config: SiteConfig
    /// In the site's locale order, default locale first.
    public var locales: LocaleTable
    public var pages: [SourcePage]
    /// `Content/pulse-presets.yml`, read but not yet decoded (the explainer does that).
    public var pulsePresets: SourceText?
    public var warnings: [Diagnostic]
    /// Errors of single pages, which are left out: the later stages still run on the others, and the
    /// build fails at the end with every error.
    public var errors: [Diagnostic] = []
    /// Pages this build leaves out: drafts, and pages with errors.
    public var leftOut: [LeftOutPage] = []
    /// Pictures and other files beside the pages, and in `Content/files/`.
    public var files: [ContentFile] = []
    /// Shared blocks of every locale (`Content/<locale>/_blocks/`), by locale then name.
    public var blocks: [SourceBlock] = []
    /// Names of blocks whose own errors left them out: a fence naming one stays quiet (those errors
    /// say what is wrong).
    public var brokenBlocks: Set<String> = []

    public init(
        config: SiteConfig, locales: [LocaleConfig], pages: [SourcePage], pulsePresets: SourceText? = nil,
        warnings: [Diagnostic]
    ) {
        self.config = config
        self.locales = LocaleTable(locales)
        self.pages = pages
        self.pulsePresets = pulsePresets
        self.warnings = warnings
    }
}

/// The text of a content file and how diagnostics name it.
public struct SourceText: Sendable, Hashable {
    public var file: String
    public var text: String

    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}
