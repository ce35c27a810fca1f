import TemplateEngine

/// A content page (home, section, topic, glossary) as `page`: its text and
/// what is said about it. A class: templates read it through `page.…` dozens
/// of times per page, and a reference is shared where a struct is copied.
final class ContentPageValue: TemplateObject, Sendable {
    let title: String
    let description: String?
    let url: String
    let canonical: String
    let content: PageBody
    let toc: [TocEntry]
    let tags: [String]
    let hasExplainer: Bool
    let jsonLD: String?
    /// A borrowed page's content language and direction (nil for the locale's own pages).
    let contentLang: String?
    let contentDir: String?
    /// What link previews show (`og:image`); nil without a picture.
    let ogImage: OpenGraphImage?

    init(
        title: String, description: String?, url: String, canonical: String, content: PageBody, toc: [TocEntry],
        tags: [String],
        hasExplainer: Bool, jsonLD: String?, contentLang: String?, contentDir: String?, ogImage: OpenGraphImage? = nil
    ) {
        self.ogImage = ogImage
        self.title = title
        self.description = description
        self.url = url
        self.canonical = canonical
        self.content = content
        self.toc = toc
        self.tags = tags
        self.hasExplainer = hasExplainer
        self.jsonLD = jsonLD
        self.contentLang = contentLang
        self.contentDir = contentDir
    }

    static let templateName = "`page`"
    static let templateFields = TemplateFields<ContentPageValue>([
        .text("title", "The page's title.") { $0.title },
        .optionalText("description", "The page's description, if it has one.") { $0.description },
        .text("url", "The page's URL.") { $0.url },
        .text("canonical", "The page's canonical URL (a borrowed page's: its original's).") { $0.canonical },
        .writer("content", "The body, Markdown rendered to HTML: `{{{page.content}}}`.") { $0.content },
        .flag("hasContent", "Whether the body has any content.") { !$0.content.isEmpty },
        .list("toc", "The body's level-2 and level-3 headings.") { $0.toc },
        .texts("tags", "The page's `tags:`.") { $0.tags },
        .flag("hasExplainer", "Whether the body shows a pulse explainer (it needs its script).") { $0.hasExplainer },
        .optionalHTML("jsonLD", "A topic's schema.org `MedicalWebPage` data, as JSON.") { $0.jsonLD },
        .optionalText("contentLang", "A page not yet translated: the language its content is in.") { $0.contentLang },
        .optionalText("contentDir", "A page not yet translated: its content's direction.") { $0.contentDir },
        .optionalObject("ogImage", "The link-preview picture: `url`, `width`, `height`, `alt`.") { $0.ogImage },
    ])
}

/// Any other page (search, 404, redirect, language chooser) as `page`.
final class DocumentValue: TemplateObject, Sendable {
    let title: String
    let description: String?
    let canonical: String
    /// The site's link-preview picture (`site.yml` `image:`), if it has one.
    let ogImage: OpenGraphImage?

    init(title: String, description: String?, canonical: String, ogImage: OpenGraphImage? = nil) {
        self.title = title
        self.description = description
        self.canonical = canonical
        self.ogImage = ogImage
    }

    static let templateName = "`page`"
    static let templateFields = TemplateFields<DocumentValue>([
        .text("title", "The page's title.") { $0.title },
        .optionalText("description", "What the page is for.") { $0.description },
        .text("canonical", "The page's canonical URL.") { $0.canonical },
        .optionalObject("ogImage", "The site's link-preview picture, if `site.yml` names one.") { $0.ogImage },
    ])
}

/// A page's picture as link previews show it (`og:image`): its widest variant in the original's
/// format, at an absolute URL, with its size and alt text.
final class OpenGraphImage: TemplateObject, Sendable {
    let url: String
    let width: Int
    let height: Int
    let alt: String

    init(url: String, width: Int, height: Int, alt: String) {
        self.url = url
        self.width = width
        self.height = height
        self.alt = alt
    }

    static let templateName = "`ogImage`"
    static let templateFields = TemplateFields<OpenGraphImage>([
        .text("url", "Its absolute URL (the widest variant, in the original's format).") { $0.url },
        .number("width", "Its width in pixels.") { $0.width },
        .number("height", "Its height in pixels.") { $0.height },
        .text("alt", "Its alt text.") { $0.alt },
    ])
}

/// What every page kind has besides its own values: the locale's values
/// and the page's other languages.
struct PageFrame: Sendable {
    var locale: LocaleValues
    /// The page in each language that has it (with borrowed copies), for the switcher.
    var translations: [TranslationValue] = []
    /// Real translations only, for `hreflang`.
    var alternates: [TranslationValue] = []
}

/// Notices on a content page: shown untranslated, or translated from an older original.
struct Notices: Sendable {
    var fallbackNotice: String?
    var shownFrom: LinkValue?
    var isStale = false
    var original: LinkValue?
}

/// Values that offer a page's frame at their top level.
protocol HasPageFrame: TemplateObject, Sendable {
    var frame: PageFrame { get }
}

/// A kind of page: its frame, and what its head says about it.
protocol FramedPage: HasPageFrame {
    var head: PageHead { get }
}

extension FramedPage {
    /// The values the shared partials see.
    var sharedValues: SharedPageValues { SharedPageValues(frame: frame, page: head) }
}

extension HasPageFrame {
    static var frameFields: [TemplateFields<Self>.Field] {
        [
            .list("translations", "The page in every language, for the language switcher.") { $0.frame.translations },
            .flag("hasTranslations", "Whether there is more than one language to switch to.") {
                $0.frame.translations.count > 1
            },
            .list("alternates", "The page's real translations, for `hreflang` links.") { $0.frame.alternates },
            .flag("hasAlternates", "Whether it has any.") { $0.frame.alternates.count > 1 },
        ] + TemplateFields<Self>.fields(of: LocaleValues.self) { $0.frame.locale }
    }
}

/// The home, section, topic and glossary pages: a body and its notices.
protocol ContentPage: FramedPage {
    var page: ContentPageValue { get }
    var notices: Notices { get }
}

extension ContentPage {
    var head: PageHead {
        PageHead(
            title: page.title, description: page.description, canonical: page.canonical, ogImage: page.ogImage,
            jsonLD: page.jsonLD, hasExplainer: page.hasExplainer)
    }

    static var contentFields: [TemplateFields<Self>.Field] {
        [
            .object("page", "The page: `title`, `description`, `url`, `canonical`, `content`, `toc`, …") { $0.page },
            .flag("isFallback", "Whether the page is shown untranslated, from another language.") {
                $0.notices.shownFrom != nil
            },
            .optionalText("fallbackNotice", "The notice saying so, in the reader's language.") {
                $0.notices.fallbackNotice
            },
            .optionalObject("shownFrom", "The page whose content is shown.") { $0.notices.shownFrom },
            .flag("isStale", "Whether the translation follows an older version of its original.") {
                $0.notices.isStale
            },
            .optionalObject("original", "For a translation: its original.") { $0.notices.original },
        ] + frameFields
    }
}

final class HomePage: ContentPage {
    let frame: PageFrame
    let page: ContentPageValue
    let notices: Notices
    let groups: [TopicGroup]

    init(frame: PageFrame, page: ContentPageValue, notices: Notices, groups: [TopicGroup]) {
        self.frame = frame
        self.page = page
        self.notices = notices
        self.groups = groups
    }

    static let templateName = "home pages"
    static let templateFields = TemplateFields<HomePage>(
        [
            .list("groups", "The top-level topics, then each section with its topics.") { $0.groups }
        ] + contentFields)
}

final class SectionPage: ContentPage {
    let frame: PageFrame
    let page: ContentPageValue
    let notices: Notices
    let breadcrumbs: [LinkValue]
    let topics: [LinkValue]

    init(frame: PageFrame, page: ContentPageValue, notices: Notices, breadcrumbs: [LinkValue], topics: [LinkValue]) {
        self.frame = frame
        self.page = page
        self.notices = notices
        self.breadcrumbs = breadcrumbs
        self.topics = topics
    }

    static let templateName = "section pages"
    static let templateFields = TemplateFields<SectionPage>(
        [
            .list("breadcrumbs", "The home page and each enclosing section.") { $0.breadcrumbs },
            .list("topics", "The section's pages.") { $0.topics },
        ] + contentFields)
}

final class TopicPage: ContentPage {
    let frame: PageFrame
    let page: ContentPageValue
    let notices: Notices
    let breadcrumbs: [LinkValue]
    let reviewText: String
    let related: [LinkValue]
    let section: LinkValue?

    init(
        frame: PageFrame, page: ContentPageValue, notices: Notices, breadcrumbs: [LinkValue], reviewText: String,
        related: [LinkValue], section: LinkValue? = nil
    ) {
        self.frame = frame
        self.page = page
        self.notices = notices
        self.breadcrumbs = breadcrumbs
        self.reviewText = reviewText
        self.related = related
        self.section = section
    }

    static let templateName = "topic pages"
    static let templateFields = TemplateFields<TopicPage>(
        [
            .list("breadcrumbs", "The home page and each enclosing section.") { $0.breadcrumbs },
            .text("reviewText", "\"Page last reviewed … · Next review due …\", or that it has not been reviewed.") {
                $0.reviewText
            },
            .flag("hasToc", "Whether the body has headings for a table of contents.") { !$0.page.toc.isEmpty },
            .list("related", "The pages of `related:`.") { $0.related },
            .flag("hasRelated", "Whether there are any.") { !$0.related.isEmpty },
            .optionalObject("section", "The section (or home page) the topic is in.") { $0.section },
        ] + contentFields)
}

final class GlossaryPage: ContentPage {
    let frame: PageFrame
    let page: ContentPageValue
    let notices: Notices
    let breadcrumbs: [LinkValue]
    let reviewText: String

    init(frame: PageFrame, page: ContentPageValue, notices: Notices, breadcrumbs: [LinkValue], reviewText: String) {
        self.frame = frame
        self.page = page
        self.notices = notices
        self.breadcrumbs = breadcrumbs
        self.reviewText = reviewText
    }

    static let templateName = "glossary pages"
    static let templateFields = TemplateFields<GlossaryPage>(
        [
            .list("breadcrumbs", "The home page.") { $0.breadcrumbs },
            .text("reviewText", "Whether a clinician has reviewed the definitions.") { $0.reviewText },
            .flag("hasToc", "Whether there are terms to list.") { !$0.page.toc.isEmpty },
        ] + contentFields)
}

/// The pages without a body of their own: search, 404, redirects, the language chooser.
protocol DocumentPage: FramedPage {
    var page: DocumentValue { get }
}

extension DocumentPage {
    var head: PageHead {
        PageHead(
            title: page.title, description: page.description, canonical: page.canonical, ogImage: page.ogImage,
            jsonLD: nil, hasExplainer: false)
    }
}

final class SearchPage: DocumentPage {
    let frame: PageFrame
    let page: DocumentValue
    let searchIndexURL: String
    let canonical: String
    let groups: [TopicGroup]

    init(frame: PageFrame, page: DocumentValue, searchIndexURL: String, canonical: String, groups: [TopicGroup]) {
        self.frame = frame
        self.page = page
        self.searchIndexURL = searchIndexURL
        self.canonical = canonical
        self.groups = groups
    }

    static let templateName = "search pages"
    static let templateFields = TemplateFields<SearchPage>(
        [
            .object("page", "The page: `title`, `description`, `canonical`.") { $0.page },
            .text("searchIndexURL", "The locale's search index (JSON) for the page's script.") { $0.searchIndexURL },
            .text("canonical", "The search page's canonical URL.") { $0.canonical },
            .list("groups", "Every topic, grouped as on the home page (shown without JavaScript).") { $0.groups },
        ] + frameFields)
}

final class NotFoundPage: DocumentPage {
    let frame: PageFrame
    let page: DocumentValue

    init(frame: PageFrame, page: DocumentValue) {
        self.frame = frame
        self.page = page
    }

    static let templateName = "the 404 page"
    static let templateFields = TemplateFields<NotFoundPage>(
        [
            .object("page", "The page: `title`, `description`, `canonical`.") { $0.page }
        ] + frameFields)
}

final class RedirectPage: DocumentPage {
    let frame: PageFrame
    let page: DocumentValue
    let target: LinkValue
    let targetCanonical: String

    init(frame: PageFrame, page: DocumentValue, target: LinkValue, targetCanonical: String) {
        self.frame = frame
        self.page = page
        self.target = target
        self.targetCanonical = targetCanonical
    }

    static let templateName = "redirect pages"
    static let templateFields = TemplateFields<RedirectPage>(
        [
            .object("page", "The page: `title`, `description`, `canonical`.") { $0.page },
            .object("target", "The page the old URL now points to.") { $0.target },
            .text("targetCanonical", "Its canonical URL.") { $0.targetCanonical },
        ] + frameFields)
}

final class LanguageChooserPage: DocumentPage {
    let frame: PageFrame
    let page: DocumentValue
    let defaultHome: LinkValue?
    let defaultHomeCanonical: String?

    init(frame: PageFrame, page: DocumentValue, defaultHome: LinkValue? = nil, defaultHomeCanonical: String? = nil) {
        self.frame = frame
        self.page = page
        self.defaultHome = defaultHome
        self.defaultHomeCanonical = defaultHomeCanonical
    }

    static let templateName = "the language chooser"
    static let templateFields = TemplateFields<LanguageChooserPage>(
        [
            .object("page", "The page: `title`, `description`, `canonical`.") { $0.page },
            .optionalObject("defaultHome", "The default locale's home page, where readers are sent.") {
                $0.defaultHome
            },
            .optionalText("defaultHomeCanonical", "Its canonical URL.") { $0.defaultHomeCanonical },
        ] + frameFields)
}
