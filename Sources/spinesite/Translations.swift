import ArgumentParser
import Foundation
import SiteModel
import SpinesiteKit

struct Translations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shows which translations are current, stale, unstamped or missing.",
        discussion: """
            A translation records the version of its original it follows in its front matter \
            (translationOf: the first 12 hex digits of the SHA-256 of the original's title, description \
            and body). When the original changes, the translation turns stale.

            Example:
              spinesite translations          # a table: page × locale, then counts per locale
              spinesite translations --json   # the same for CI
              spinesite translations stamp Content/es/therapies/tens.md
            """,
        subcommands: [Show.self, Stamp.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Prints the translation matrix.")

        @OptionGroup var project: ProjectOptions

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            let report = try reporting { () throws(BuildFailure) in try TranslationReport.make(project.build) }
            print(json ? try report.json() : report.table)
        }
    }

    struct Stamp: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Records that a translation is up to date with its original.",
            discussion: "Example:\n  spinesite translations stamp Content/es/therapies/tens.md"
        )

        @Argument(help: "The translated page's file.")
        var file: String

        @OptionGroup var project: ProjectOptions

        func run() throws {
            let stamped = try reporting { () throws(BuildFailure) in
                try TranslationStamp.stamp(file, options: project.build)
            }
            print("Stamped \(stamped.file) as a translation of \(stamped.original) (translationOf: \(stamped.digest))")
        }
    }
}
