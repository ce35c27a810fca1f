import Foundation
public import SiteModel
import SiteResolver

/// `spinesite new locale CODE`: a locale folder whose `locale.yml` holds the default locale's
/// strings, each marked `[[TODO: translate]]`, with the language's own name and direction from CLDR,
/// and `published: false`: the locale shows in the preview and with --drafts until it is ready.
public enum LocaleScaffold {
    public struct Created: Sendable {
        public var localeFile: String
        public var stringsToTranslate: Int
        /// Source files of the default locale that have no translation yet.
        public var pagesToTranslate: [String]
    }

    public static func create(tag: String, options: BuildOptions) throws(BuildFailure) -> Created {
        let location = SourceLocation(file: "new locale")
        guard LanguageTag.isValid(tag) else {
            throw BuildFailure([.error(location, "'\(tag)' is not a BCP 47 language tag (like es, ar, pt-BR)")])
        }
        let graph = try SiteBuilder.resolve(options)
        let folder = URL(fileURLWithPath: options.root).appendingPathComponent("Content/\(tag)")
        let display = options.display("Content/\(tag)/locale.yml")
        guard !FileManager.default.fileExists(atPath: folder.path) else {
            throw BuildFailure([
                .error(SourceLocation(file: options.display("Content/\(tag)")), "already exists; not changed")
            ])
        }
        let source = graph.locales[known: graph.config.defaultLocale]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text(tag: tag, copying: source).write(
                to: folder.appendingPathComponent("locale.yml"), atomically: true, encoding: .utf8)
        } catch {
            throw BuildFailure([.error(SourceLocation(file: display), "cannot write: \(error.localizedDescription)")])
        }
        let pages = graph.pages.filter { $0.locale == source.tag && !$0.isGenerated }.map(\.source.file)
        return Created(localeFile: display, stringsToTranslate: source.strings.count, pagesToTranslate: pages)
    }

    /// The mark on each string still to translate.
    static let untranslated = ScaffoldPlaceholder.mark("translate")

    /// The new `locale.yml`: every string of the default locale, in key order.
    static func text(tag: String, copying source: LocaleConfig) -> String {
        let name =
            ownName(of: tag).map(YAMLText.quoted)
            ?? YAMLText.quoted(ScaffoldPlaceholder.mark("the language's own name"))
        var lines = [
            "# \(tag): copied from \(source.tag) by 'spinesite new locale'. Translate each string and remove",
            "# its \(untranslated) mark. While 'published: false' stays, the locale is built only by",
            "# 'spinesite serve' and 'spinesite build --drafts'; remove it to publish.",
            "name: \(name)",
            "direction: \(direction(of: tag).rawValue)",
            "published: false",
            "strings:",
        ]
        for key in source.strings.keys.sorted() {
            lines.append("  \(key): \(YAMLText.quoted(untranslated + " " + source.strings[key]!))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The language's name in itself, from CLDR ("Français" for fr), capitalised as a list item is.
    public static func ownName(of tag: String) -> String? {
        let locale = Locale(identifier: tag)
        guard let name = locale.localizedString(forIdentifier: tag), !name.isEmpty else { return nil }
        return name.prefix(1).uppercased(with: locale) + name.dropFirst()
    }

    /// Right-to-left for Arabic, Hebrew, Persian, Urdu…, from CLDR.
    public static func direction(of tag: String) -> TextDirection {
        Locale.Language(identifier: tag).characterDirection == .rightToLeft ? .rtl : .ltr
    }
}
