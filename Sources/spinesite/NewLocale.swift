import ArgumentParser
import CommandOptions
import SiteModel
import SpinesiteKit

struct NewLocale: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locale",
        abstract: "Creates Content/<CODE>/ with a locale.yml to translate, and lists what remains to translate.",
        discussion: """
            The strings are copied from the default locale and each is marked '[[TODO: translate]]'. \
            The language's own name and its direction come from CLDR. The locale is written with \
            'published: false': only 'spinesite serve' and 'build --drafts' show it until you remove \
            that line, and a published locale with a mark left is an error. Pages are translated by \
            copying them into the new folder with the same file names.

            Example:
              spinesite new locale pt-BR
            """
    )

    @Argument(help: "The locale's BCP 47 tag, e.g. pt-BR.")
    var code: String

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let created = try reporting { () throws(BuildFailure) in
            try LocaleScaffold.create(tag: code, options: project.build)
        }
        printLine("Created \(created.localeFile): \(created.stringsToTranslate) strings to translate.")
        printLine(
            "\(created.pagesToTranslate.count) pages to translate (copy them into the new folder with the same names):"
        )
        for page in created.pagesToTranslate { printLine("  \(page)") }
        printLine("Add '\(code)' to 'locales' in site.yml to set its place in the language lists.")
    }
}
