import SiteModel
import SiteResolver
import SpinesiteKit

/// The locale a command works on: one of the site's, not the default one.
enum TranslationLocale {
    /// The site as translators' commands see it: with locales still `published: false`, which are
    /// the ones being translated.
    static func resolve(_ options: BuildOptions) throws(BuildFailure) -> SiteGraph {
        var options = options
        options.includeUnpublishedLocales = true
        return try SiteBuilder.resolve(options)
    }

    static func check(_ tag: String, in graph: SiteGraph, argument: String) throws(BuildFailure) -> LocaleConfig {
        let location = SourceLocation(file: argument)
        if tag == graph.config.defaultLocale {
            throw BuildFailure([
                .error(location, "'\(tag)' is the default locale, the one the originals are written in")
            ])
        }
        guard let locale = graph.locales[tag] else {
            throw BuildFailure([
                .error(location, "no locale '\(tag)' in this site; create it with 'spinesite new locale \(tag)'")
            ])
        }
        return locale
    }
}
