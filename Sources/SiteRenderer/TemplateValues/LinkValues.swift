import TemplateEngine

/// A link to a page, as lists, breadcrumbs and notices show it. Made once
/// per page and shared by every page that lists it.
final class LinkValue: TemplateObject, Sendable {
    let title: String
    let url: String
    /// Nil when the page has none.
    let description: String?
    let isSection: Bool
    /// The language of a borrowed page's title (its content's), if it is one.
    let fallbackLang: String?
    /// The language of the linked page's content, where a notice names it.
    let lang: String?
    /// The name of the language the link leads into, when it leaves the
    /// reader's locale (a page the locale does not publish, `fallbackPages: false`).
    let otherLanguage: String?

    init(
        title: String, url: String, description: String?, isSection: Bool, fallbackLang: String?, lang: String? = nil,
        otherLanguage: String? = nil
    ) {
        self.title = title
        self.url = url
        self.description = description
        self.isSection = isSection
        self.fallbackLang = fallbackLang
        self.lang = lang
        self.otherLanguage = otherLanguage
    }

    /// The same link, naming the linked page's language (in a notice).
    func with(lang: String) -> LinkValue {
        LinkValue(
            title: title, url: url, description: description, isSection: isSection, fallbackLang: fallbackLang,
            lang: lang, otherLanguage: otherLanguage)
    }

    /// The same link under another title (the home page in breadcrumbs).
    func with(title: String) -> LinkValue {
        LinkValue(
            title: title, url: url, description: description, isSection: isSection, fallbackLang: fallbackLang,
            lang: lang, otherLanguage: otherLanguage)
    }

    static let templateName = "links"
    static let templateFields = TemplateFields<LinkValue>([
        .text("title", "The page's title.") { $0.title },
        .text("url", "The page's URL.") { $0.url },
        .optionalText("description", "The page's description, if it has one.") { $0.description },
        .flag("isSection", "Whether the page is a section or home page.") { $0.isSection },
        .optionalText("fallbackLang", "For a page not yet translated: the language its title is in.") {
            $0.fallbackLang
        },
        .optionalText("lang", "In notices: the language of the linked page.") { $0.lang },
        .optionalText(
            "otherLanguage",
            "When the link leads to a page in another language (a locale with `fallbackPages: false`): that "
                + "language's name, in the reader's language."
        ) { $0.otherLanguage },
    ])
}

/// One language in the language switcher, or one `hreflang` alternate.
/// Made twice per page (as the page being rendered and as another's) and shared.
final class TranslationValue: TemplateObject, Sendable {
    let tag: String
    let name: String
    let dir: String
    let url: String
    let absoluteURL: String
    let isCurrent: Bool
    let isDefault: Bool
    let isFallback: Bool
    /// The language of the page the entry leads to: its content's, for a
    /// locale that links to originals instead of publishing copies.
    let hreflang: String

    init(
        tag: String, name: String, dir: String, url: String, absoluteURL: String, isCurrent: Bool, isDefault: Bool,
        isFallback: Bool, hreflang: String
    ) {
        self.hreflang = hreflang
        self.tag = tag
        self.name = name
        self.dir = dir
        self.url = url
        self.absoluteURL = absoluteURL
        self.isCurrent = isCurrent
        self.isDefault = isDefault
        self.isFallback = isFallback
    }

    static let templateName = "languages of the switcher"
    static let templateFields = TemplateFields<TranslationValue>([
        .text("tag", "The language tag.") { $0.tag },
        .text("name", "The language's own name.") { $0.name },
        .text("dir", "`ltr` or `rtl`.") { $0.dir },
        .text("url", "The page in that language.") { $0.url },
        .text("absoluteURL", "The same, with the site's origin.") { $0.absoluteURL },
        .flag("isCurrent", "Whether it is the page being rendered.") { $0.isCurrent },
        .flag("isDefault", "Whether it is the site's default language.") { $0.isDefault },
        .flag("isFallback", "Whether that language shows the page untranslated.") { $0.isFallback },
        .text("hreflang", "The language of the page the entry leads to, for `hreflang`.") { $0.hreflang },
    ])
}

/// A language and its home page (the language chooser, the 404 page).
final class LanguageValue: TemplateObject, Sendable {
    let tag: String
    let name: String
    let url: String

    init(tag: String, name: String, url: String) {
        self.tag = tag
        self.name = name
        self.url = url
    }

    static let templateName = "languages"
    static let templateFields = TemplateFields<LanguageValue>([
        .text("tag", "The language tag.") { $0.tag },
        .text("name", "The language's own name.") { $0.name },
        .text("url", "Its home page.") { $0.url },
    ])
}

/// One heading in a page's table of contents.
final class TocEntry: TemplateObject, Sendable {
    let text: String
    let anchor: String
    let isSubheading: Bool

    init(text: String, anchor: String, isSubheading: Bool) {
        self.text = text
        self.anchor = anchor
        self.isSubheading = isSubheading
    }

    static let templateName = "table-of-contents entries"
    static let templateFields = TemplateFields<TocEntry>([
        .text("text", "The heading's text.") { $0.text },
        .text("anchor", "Its `id`, for `#anchor` links.") { $0.anchor },
        .flag("isSubheading", "Whether it is a level-3 heading.") { $0.isSubheading },
    ])
}

/// A group of topics on the home and search pages: the top-level ones, or a section's.
final class TopicGroup: TemplateObject, Sendable {
    let isTopLevel: Bool
    let section: LinkValue?
    let topics: [LinkValue]

    init(isTopLevel: Bool, section: LinkValue? = nil, topics: [LinkValue]) {
        self.isTopLevel = isTopLevel
        self.section = section
        self.topics = topics
    }

    static let templateName = "topic groups"
    static let templateFields = TemplateFields<TopicGroup>([
        .flag("isTopLevel", "Whether these are the topics outside any section.") { $0.isTopLevel },
        .optionalObject("section", "The section, for a section's group.") { $0.section },
        .list("topics", "The topics, as links.") { $0.topics },
    ])
}
