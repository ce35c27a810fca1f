import TemplateEngine

/// A link to a page, as lists, breadcrumbs and notices show it.
struct LinkValue: TemplateObject, Sendable {
    var title: String
    var url: String
    /// Nil when the page has none.
    var description: String?
    var isSection: Bool
    /// The language of a borrowed page's title (its content's), if it is one.
    var fallbackLang: String?
    /// The language of the linked page's content, where a notice names it.
    var lang: String?

    static let templateName = "links"
    static let templateFields = TemplateFields<LinkValue>([
        .text("title", "The page's title.") { $0.title },
        .text("url", "The page's URL.") { $0.url },
        .optionalText("description", "The page's description, if it has one.") { $0.description },
        .flag("isSection", "Whether the page is a section or home page.") { $0.isSection },
        .optionalText("fallbackLang", "For a page not yet translated: the language its title is in.") { $0.fallbackLang },
        .optionalText("lang", "In notices: the language of the linked page.") { $0.lang },
    ])
}

/// One language in the language switcher, or one `hreflang` alternate.
struct TranslationValue: TemplateObject, Sendable {
    var tag: String
    var name: String
    var dir: String
    var url: String
    var absoluteURL: String
    var isCurrent: Bool
    var isDefault: Bool
    var isFallback: Bool

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
    ])
}

/// A language and its home page (the language chooser, the 404 page).
struct LanguageValue: TemplateObject, Sendable {
    var tag: String
    var name: String
    var url: String

    static let templateName = "languages"
    static let templateFields = TemplateFields<LanguageValue>([
        .text("tag", "The language tag.") { $0.tag },
        .text("name", "The language's own name.") { $0.name },
        .text("url", "Its home page.") { $0.url },
    ])
}

/// One heading in a page's table of contents.
struct TocEntry: TemplateObject, Sendable {
    var text: String
    var anchor: String
    var isSubheading: Bool

    static let templateName = "table-of-contents entries"
    static let templateFields = TemplateFields<TocEntry>([
        .text("text", "The heading's text.") { $0.text },
        .text("anchor", "Its `id`, for `#anchor` links.") { $0.anchor },
        .flag("isSubheading", "Whether it is a level-3 heading.") { $0.isSubheading },
    ])
}

/// A group of topics on the home and search pages: the top-level ones, or a section's.
struct TopicGroup: TemplateObject, Sendable {
    var isTopLevel: Bool
    var section: LinkValue?
    var topics: [LinkValue]

    static let templateName = "topic groups"
    static let templateFields = TemplateFields<TopicGroup>([
        .flag("isTopLevel", "Whether these are the topics outside any section.") { $0.isTopLevel },
        .optionalObject("section", "The section, for a section's group.") { $0.section },
        .list("topics", "The topics, as links.") { $0.topics },
    ])
}
