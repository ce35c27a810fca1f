import ArgumentParser

@main
struct Spinesite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spinesite",
        abstract: "Builds a multilingual health-education site from Content/ and Templates/.",
        discussion: """
        Run from the folder that holds Content/ and Templates/:
          spinesite build            # writes Site/
          spinesite serve            # preview on http://127.0.0.1:8000/, rebuilt on save
          spinesite new topic tens   # scaffolds Content/en/tens.md
          spinesite check            # every check, nothing written
          spinesite translations     # which translations are behind their originals
        """,
        subcommands: [Build.self, Serve.self, Check.self, New.self, Translations.self],
        defaultSubcommand: Build.self
    )
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Creates new content from a template.",
        discussion: """
        Example:
          spinesite new topic therapies/scs --locale es
          spinesite new locale pt-BR
        """,
        subcommands: [NewTopic.self, NewLocale.self]
    )
}
