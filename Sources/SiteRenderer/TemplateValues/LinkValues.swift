import TemplateEngine

/// A link to a page, as lists, breadcrumbs and notices show it.
struct LinkValue: TemplateRecord {
    var title: String
    var url: String
    /// Nil when the page has none.
    var description: String?
    var isSection: Bool
    /// The language of a borrowed page's title (its content's), if it is one.
    var fallbackLang: String?
    /// The language of the linked page's content, where a notice names it.
    var lang: String? = nil
    /// The name of the language the link leads into, when it leaves the
    /// reader's locale (a page the locale does not publish, `fallbackPages: false`).
    var otherLanguage: String? = nil

    /// The same link, naming the linked page's language (in a notice).
    func with(lang: String) -> LinkValue {
        var link = self
        link.lang = lang
        return link
    }

    /// The same link under another title (the home page in breadcrumbs).
    func with(title: String) -> LinkValue {
        var link = self
        link.title = title
        return link
    }

    static let templateName = "links"
    static let templateFields = TemplateFields<TemplateBox<LinkValue>>([
        .text("title", "The page's title.") { $0.value.title },
        .text("url", "The page's URL.") { $0.value.url },
        .optionalText("description", "The page's description, if it has one.") { $0.value.description },
        .flag("isSection", "Whether the page is a section or home page.") { $0.value.isSection },
        .optionalText("fallbackLang", "For a page not yet translated: the language its title is in.") {
            $0.value.fallbackLang
        },
        .optionalText("lang", "In notices: the language of the linked page.") { $0.value.lang },
        .optionalText(
            "otherLanguage",
            "When the link leads to a page in another language (a locale with `fallbackPages: false`): that "
                + "language's name, in the reader's language."
        ) { $0.value.otherLanguage },
    ])
}

/// One language in the language switcher, or one `hreflang` alternate.
struct TranslationValue: TemplateRecord {
    var tag: String
    var name: String
    var dir: String
    var url: String
    var absoluteURL: String
    var isCurrent: Bool
    var isDefault: Bool
    var isFallback: Bool
    /// The language of the page the entry leads to: its content's, for a
    /// locale that links to originals instead of publishing copies.
    var hreflang: String

    static let templateName = "languages of the switcher"
    static let templateFields = TemplateFields<TemplateBox<TranslationValue>>([
        .text("tag", "The language tag.") { $0.value.tag },
        .text("name", "The language's own name.") { $0.value.name },
        .text("dir", "`ltr` or `rtl`.") { $0.value.dir },
        .text("url", "The page in that language.") { $0.value.url },
        .text("absoluteURL", "The same, with the site's origin.") { $0.value.absoluteURL },
        .flag("isCurrent", "Whether it is the page being rendered.") { $0.value.isCurrent },
        .flag("isDefault", "Whether it is the site's default language.") { $0.value.isDefault },
        .flag("isFallback", "Whether that language shows the page untranslated.") { $0.value.isFallback },
        .text("hreflang", "The language of the page the entry leads to, for `hreflang`.") { $0.value.hreflang },
    ])
}

/// A language and its home page (the language chooser, the 404 page).
struct LanguageValue: TemplateRecord {
    var tag: String
    var name: String
    var url: String

    static let templateName = "languages"
    static let templateFields = TemplateFields<TemplateBox<LanguageValue>>([
        .text("tag", "The language tag.") { $0.value.tag },
        .text("name", "The language's own name.") { $0.value.name },
        .text("url", "Its home page.") { $0.value.url },
    ])
}

/// One heading in a page's table of contents.
struct TocEntry: TemplateRecord {
    var text: String
    var anchor: String
    var isSubheading: Bool

    static let templateName = "table-of-contents entries"
    static let templateFields = TemplateFields<TemplateBox<TocEntry>>([
        .text("text", "The heading's text.") { $0.value.text },
        .text("anchor", "Its `id`, for `#anchor` links.") { $0.value.anchor },
        .flag("isSubheading", "Whether it is a level-3 heading.") { $0.value.isSubheading },
    ])
}

/// A group of topics on the home and search pages: the top-level ones, or a section's.
struct TopicGroup: TemplateRecord {
    var isTopLevel: Bool
    @BoxedOptional var section: LinkValue? = nil
    @BoxedList var topics: [LinkValue]

    static let templateName = "topic groups"
    static let templateFields = TemplateFields<TemplateBox<TopicGroup>>([
        .flag("isTopLevel", "Whether these are the topics outside any section.") { $0.value.isTopLevel },
        .optionalObject("section", "The section, for a section's group.") { $0.value.$section },
        .list("topics", "The topics, as links.") { $0.value.$topics },
    ])
}
