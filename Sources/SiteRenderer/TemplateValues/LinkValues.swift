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

extension TranslationValue {
    /// The same language at another URL (a later page of a list).
    func with(url: String, absoluteURL: String) -> TranslationValue {
        TranslationValue(
            tag: tag, name: name, dir: dir, url: url, absoluteURL: absoluteURL, isCurrent: isCurrent,
            isDefault: isDefault, isFallback: isFallback, hreflang: hreflang)
    }
}
