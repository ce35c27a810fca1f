import Foundation
import SiteModel

/// Each language's name in each reader's language ("inglés" on a Spanish page, "anglais" on a
/// French one), from CLDR through Foundation's `Locale`, unless the reader's `locale.yml` names
/// it under `languageNames:`. A sentence that names another language needs the reader's word for
/// it: "está leyendo la versión en English" is not Spanish.
struct LanguageNames: Sendable {
    /// reader's tag → language's tag → name.
    private let names: [String: [String: String]]

    init(_ locales: LocaleTable) {
        var names: [String: [String: String]] = [:]
        for reader in locales {
            let cldr = Locale(identifier: reader.formatLocale.isEmpty ? reader.tag : reader.formatLocale)
            for language in locales {
                names[reader.tag, default: [:]][language.tag] =
                    reader.languageNames[language.tag] ?? cldr.localizedString(forIdentifier: language.tag)
                    ?? language.name
            }
        }
        self.names = names
    }

    /// `language`'s name for a reader of `reader`; the tag itself for a language the site lacks.
    func name(of language: String, for reader: String) -> String {
        names[reader]?[language] ?? language
    }
}
