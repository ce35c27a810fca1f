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
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Prints the translation matrix.")

        @Option(help: "The folder holding Content/.")
        var root = "."

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            let report: TranslationReport
            do {
                report = try TranslationReport.make(BuildOptions(root: root))
            } catch {
                try fail(error)
            }
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

        @Option(help: "The folder holding Content/.")
        var root = "."

        func run() throws {
            do {
                let stamped = try TranslationStamp.stamp(file, options: BuildOptions(root: root))
                print("Stamped \(stamped.file) as a translation of \(stamped.original) (translationOf: \(stamped.digest))")
            } catch {
                try fail(error)
            }
        }
    }
}
