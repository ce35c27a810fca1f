import ArgumentParser

/// Runs the command on the main thread. (An async `main` parks the main
/// thread in `dispatch_main`, which valgrind cannot run: the benchmark counts
/// a build's instructions under callgrind.)
@main
enum Main {
    static func main() {
        do {
            var command = try Spinesite.parseAsRoot()
            try recoverInterruptedImport(before: command)
            try command.run()
        } catch {
            Spinesite.exit(withError: error)
        }
    }
}

struct Spinesite: ParsableCommand {
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
        subcommands: [Build.self, Serve.self, Check.self, New.self, TranslationsCommand.self, Templates.self],
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
