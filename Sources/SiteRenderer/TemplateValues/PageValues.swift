import TemplateEngine

/// A content page (home, section, topic, glossary) as `page`: its text and
/// what is said about it.
struct ContentPageValue: TemplateRecord {
    var title: String
    var description: String?
    var url: String
    var canonical: String
    var content: PageBody
    @BoxedList var toc: [TocEntry]
    var tags: [String]
    var hasExplainer: Bool
    var jsonLD: String?
    /// A borrowed page's content language and direction (nil for the locale's own pages).
    var contentLang: String?
    var contentDir: String?
    /// What link previews show (`og:image`); nil without a picture.
    @BoxedOptional var ogImage: OpenGraphImage? = nil

    static let templateName = "`page`"
    static let templateFields = TemplateFields<TemplateBox<ContentPageValue>>([
        .text("title", "The page's title.") { $0.value.title },
        .optionalText("description", "The page's description, if it has one.") { $0.value.description },
        .text("url", "The page's URL.") { $0.value.url },
        .text("canonical", "The page's canonical URL (a borrowed page's: its original's).") { $0.value.canonical },
        .writer("content", "The body, Markdown rendered to HTML: `{{{page.content}}}`.") { $0.value.content },
        .flag("hasContent", "Whether the body has any content.") { !$0.value.content.isEmpty },
        .list("toc", "The body's level-2 and level-3 headings.") { $0.value.$toc },
        .texts("tags", "The page's `tags:`.") { $0.value.tags },
        .flag("hasExplainer", "Whether the body shows a pulse explainer (it needs its script).") {
            $0.value.hasExplainer
        },
        .optionalHTML("jsonLD", "A topic's schema.org `MedicalWebPage` data, as JSON.") { $0.value.jsonLD },
        .optionalText("contentLang", "A page not yet translated: the language its content is in.") {
            $0.value.contentLang
        },
        .optionalText("contentDir", "A page not yet translated: its content's direction.") { $0.value.contentDir },
        .optionalObject("ogImage", "The link-preview picture: `url`, `width`, `height`, `alt`.") {
            $0.value.$ogImage
        },
    ])
}

/// Any other page (search, 404, redirect, language chooser) as `page`.
struct DocumentValue: TemplateRecord {
    var title: String
    var description: String?
    var canonical: String
    /// The site's link-preview picture (`site.yml` `image:`), if it has one.
    @BoxedOptional var ogImage: OpenGraphImage? = nil

    static let templateName = "`page`"
    static let templateFields = TemplateFields<TemplateBox<DocumentValue>>([
        .text("title", "The page's title.") { $0.value.title },
        .optionalText("description", "What the page is for.") { $0.value.description },
        .text("canonical", "The page's canonical URL.") { $0.value.canonical },
        .optionalObject("ogImage", "The site's link-preview picture, if `site.yml` names one.") {
            $0.value.$ogImage
        },
    ])
}

/// A page's picture as link previews show it (`og:image`): its widest variant in the original's
/// format, at an absolute URL, with its size and alt text.
struct OpenGraphImage: TemplateRecord {
    var url: String
    var width: Int
    var height: Int
    var alt: String

    static let templateName = "`ogImage`"
    static let templateFields = TemplateFields<TemplateBox<OpenGraphImage>>([
        .text("url", "Its absolute URL (the widest variant, in the original's format).") { $0.value.url },
        .number("width", "Its width in pixels.") { $0.value.width },
        .number("height", "Its height in pixels.") { $0.value.height },
        .text("alt", "Its alt text.") { $0.value.alt },
    ])
}

/// What every page kind has besides its own values: the locale's values
/// and the page's other languages.
struct PageFrame: Sendable {
    @Boxed var locale: LocaleValues
    /// The page in each language that has it (with borrowed copies), for the switcher.
    @BoxedList var translations: [TranslationValue] = []
    /// Real translations only, for `hreflang`.
    @BoxedList var alternates: [TranslationValue] = []
}

/// Notices on a content page: shown untranslated, or translated from an older original.
struct Notices: Sendable {
    var fallbackNotice: String?
    @BoxedOptional var shownFrom: LinkValue? = nil
    var isStale = false
    @BoxedOptional var original: LinkValue? = nil
}

/// Values that offer a page's frame at their top level.
protocol HasPageFrame: TemplateRecord {
    var frame: PageFrame { get }
}

extension HasPageFrame {
    static var frameFields: [TemplateFields<TemplateBox<Self>>.Field] {
        [
            .list("translations", "The page in every language, for the language switcher.") {
                $0.value.frame.$translations
            },
            .flag("hasTranslations", "Whether there is more than one language to switch to.") {
                $0.value.frame.$translations.count > 1
            },
            .list("alternates", "The page's real translations, for `hreflang` links.") { $0.value.frame.$alternates },
            .flag("hasAlternates", "Whether it has any.") { $0.value.frame.$alternates.count > 1 },
        ] + TemplateFields<TemplateBox<Self>>.fields(of: TemplateBox<LocaleValues>.self) { $0.value.frame.$locale }
    }
}

/// A kind of page: its frame, and what its head says about it.
protocol FramedPage: HasPageFrame {
    var head: PageHead { get }
}

extension FramedPage {
    /// The page as its template's root value.
    var templateData: TemplateData { .object(TemplateBox(self)) }
}

/// The home, section, topic and glossary pages: a body and its notices.
protocol ContentPage: FramedPage {
    var page: ContentPageValue { get }
    var notices: Notices { get }
}

extension ContentPage {
    var head: PageHead {
        PageHead(
            title: page.title, description: page.description, canonical: page.canonical, ogImage: page.$ogImage,
            jsonLD: page.jsonLD, hasExplainer: page.hasExplainer)
    }

    /// The names of content pages; `page` reads the kind's boxed `page`.
    static func contentFields(page: @escaping @Sendable (TemplateBox<Self>) -> TemplateBox<ContentPageValue>)
        -> [TemplateFields<TemplateBox<Self>>.Field]
    {
        [
            .object("page", "The page: `title`, `description`, `url`, `canonical`, `content`, `toc`, …", page),
            .flag("isFallback", "Whether the page is shown untranslated, from another language.") {
                $0.value.notices.$shownFrom != nil
            },
            .optionalText("fallbackNotice", "The notice saying so, in the reader's language.") {
                $0.value.notices.fallbackNotice
            },
            .optionalObject("shownFrom", "The page whose content is shown.") { $0.value.notices.$shownFrom },
            .flag("isStale", "Whether the translation follows an older version of its original.") {
                $0.value.notices.isStale
            },
            .optionalObject("original", "For a translation: its original.") { $0.value.notices.$original },
        ] + frameFields
    }
}

struct HomePage: ContentPage {
    var frame: PageFrame
    @Boxed var page: ContentPageValue
    var notices: Notices
    @BoxedList var groups: [TopicGroup]

    static let templateName = "home pages"
    static let templateFields = TemplateFields<TemplateBox<HomePage>>(
        [
            .list("groups", "The top-level topics, then each section with its topics.") { $0.value.$groups }
        ] + contentFields { $0.value.$page })
}

struct SectionPage: ContentPage {
    var frame: PageFrame
    @Boxed var page: ContentPageValue
    var notices: Notices
    @BoxedList var breadcrumbs: [LinkValue]
    @BoxedList var topics: [LinkValue]

    static let templateName = "section pages"
    static let templateFields = TemplateFields<TemplateBox<SectionPage>>(
        [
            .list("breadcrumbs", "The home page and each enclosing section.") { $0.value.$breadcrumbs },
            .list("topics", "The section's pages.") { $0.value.$topics },
        ] + contentFields { $0.value.$page })
}

struct TopicPage: ContentPage {
    var frame: PageFrame
    @Boxed var page: ContentPageValue
    var notices: Notices
    @BoxedList var breadcrumbs: [LinkValue]
    var reviewText: String
    @BoxedList var related: [LinkValue]
    @BoxedOptional var section: LinkValue? = nil

    static let templateName = "topic pages"
    static let templateFields = TemplateFields<TemplateBox<TopicPage>>(
        [
            .list("breadcrumbs", "The home page and each enclosing section.") { $0.value.$breadcrumbs },
            .text("reviewText", "\"Page last reviewed … · Next review due …\", or that it has not been reviewed.") {
                $0.value.reviewText
            },
            .flag("hasToc", "Whether the body has headings for a table of contents.") {
                !$0.value.$page.value.$toc.isEmpty
            },
            .list("related", "The pages of `related:`.") { $0.value.$related },
            .flag("hasRelated", "Whether there are any.") { !$0.value.$related.isEmpty },
            .optionalObject("section", "The section (or home page) the topic is in.") { $0.value.$section },
        ] + contentFields { $0.value.$page })
}

struct GlossaryPage: ContentPage {
    var frame: PageFrame
    @Boxed var page: ContentPageValue
    var notices: Notices
    @BoxedList var breadcrumbs: [LinkValue]
    var reviewText: String

    static let templateName = "glossary pages"
    static let templateFields = TemplateFields<TemplateBox<GlossaryPage>>(
        [
            .list("breadcrumbs", "The home page.") { $0.value.$breadcrumbs },
            .text("reviewText", "Whether a clinician has reviewed the definitions.") { $0.value.reviewText },
            .flag("hasToc", "Whether there are terms to list.") { !$0.value.$page.value.$toc.isEmpty },
        ] + contentFields { $0.value.$page })
}

/// The pages without a body of their own: search, 404, redirects, the language chooser.
protocol DocumentPage: FramedPage {
    var page: DocumentValue { get }
}

extension DocumentPage {
    var head: PageHead {
        PageHead(
            title: page.title, description: page.description, canonical: page.canonical, ogImage: page.$ogImage,
            jsonLD: nil, hasExplainer: false)
    }
}

struct SearchPage: DocumentPage {
    var frame: PageFrame
    @Boxed var page: DocumentValue
    var searchIndexURL: String
    var canonical: String
    @BoxedList var groups: [TopicGroup]

    static let templateName = "search pages"
    static let templateFields = TemplateFields<TemplateBox<SearchPage>>(
        [
            .object("page", "The page: `title`, `description`, `canonical`.") { $0.value.$page },
            .text("searchIndexURL", "The locale's search index (JSON) for the page's script.") {
                $0.value.searchIndexURL
            },
            .text("canonical", "The search page's canonical URL.") { $0.value.canonical },
            .list("groups", "Every topic, grouped as on the home page (shown without JavaScript).") {
                $0.value.$groups
            },
        ] + frameFields)
}

struct NotFoundPage: DocumentPage {
    var frame: PageFrame
    @Boxed var page: DocumentValue

    static let templateName = "the 404 page"
    static let templateFields = TemplateFields<TemplateBox<NotFoundPage>>(
        [
            .object("page", "The page: `title`, `description`, `canonical`.") { $0.value.$page }
        ] + frameFields)
}

struct RedirectPage: DocumentPage {
    var frame: PageFrame
    @Boxed var page: DocumentValue
    @Boxed var target: LinkValue
    var targetCanonical: String

    static let templateName = "redirect pages"
    static let templateFields = TemplateFields<TemplateBox<RedirectPage>>(
        [
            .object("page", "The page: `title`, `description`, `canonical`.") { $0.value.$page },
            .object("target", "The page the old URL now points to.") { $0.value.$target },
            .text("targetCanonical", "Its canonical URL.") { $0.value.targetCanonical },
        ] + frameFields)
}

struct LanguageChooserPage: DocumentPage {
    var frame: PageFrame
    @Boxed var page: DocumentValue
    @BoxedOptional var defaultHome: LinkValue? = nil
    var defaultHomeCanonical: String? = nil

    static let templateName = "the language chooser"
    static let templateFields = TemplateFields<TemplateBox<LanguageChooserPage>>(
        [
            .object("page", "The page: `title`, `description`, `canonical`.") { $0.value.$page },
            .optionalObject("defaultHome", "The default locale's home page, where readers are sent.") {
                $0.value.$defaultHome
            },
            .optionalText("defaultHomeCanonical", "Its canonical URL.") { $0.value.defaultHomeCanonical },
        ] + frameFields)
}
