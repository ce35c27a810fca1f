// LinkValue, TranslationValue, LanguageValue, TocEntry and TopicGroup are declared in LinkValues.records.

extension LinkValue {
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
}
