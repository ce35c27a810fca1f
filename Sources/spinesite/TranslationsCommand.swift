import ArgumentParser
import CommandOptions
import Foundation
import SiteModel
import SpinesiteKit
import Translations

/// `spinesite translations` (named apart from the Translations module it drives).
struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "Shows which translations are current, stale, unstamped, borrowed (fallback) or missing.",
        discussion: """
            A translation records the version of its original it follows in its front matter \
            (translationOf: the first 12 hex digits of the SHA-256 of the original's title, description \
            and body). When the original changes, the translation turns stale; so it stays while any of \
            its units waits (pendingUnits, written by an import). For each stale translation the \
            table lists how many units are current and how many are to review.

            Example:
              spinesite translations          # a table: page × locale, then counts per locale
              spinesite translations --json   # the same for CI
              spinesite translations stamp Content/es/therapies/tens.md
              spinesite translations stamp --locale es
              spinesite translations diff Content/es/therapies/tens.md
              spinesite translations export --locale fr --output fr.xlf
              spinesite translations import fr.xlf
            """,
        subcommands: [Show.self, Stamp.self, Diff.self, Export.self, Import.self],
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
            print(json ? try report.json() : TerminalText.inert(report.table))
        }
    }

    struct Stamp: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Records that translations are up to date with their originals.",
            discussion: """
                Give files or folders of translated pages you have brought up to date, or --locale to \
                stamp every translation of a locale that is not stale (stale ones are listed: look at \
                'spinesite translations diff FILE' first). Originals are not stamped.

                Examples:
                  spinesite translations stamp Content/es/therapies/tens.md Content/es/therapies/pns.md
                  spinesite translations stamp Content/es/therapies
                  spinesite translations stamp --locale es
                """
        )

        @Argument(help: "Translated pages, or folders of them.")
        var files: [String] = []

        @Option(help: "Stamp every translation of this locale that is not stale.")
        var locale: String?

        @OptionGroup var project: ProjectOptions

        func validate() throws {
            if files.isEmpty == (locale == nil) {
                throw ValidationError("give translated files or folders, or --locale, not both")
            }
        }

        func run() throws {
            let selection: TranslationStamp.Selection = locale.map { .locale($0) } ?? .paths(files)
            let outcome = try reporting { () throws(BuildFailure) in
                try TranslationStamp.stamp(selection, options: project.build)
            }
            for stamped in outcome.stamped {
                printLine(
                    "Stamped \(stamped.file) as a translation of \(stamped.original) "
                        + "(translationOf: \(stamped.digest))"
                )
            }
            for file in outcome.staleSkipped {
                printLine(
                    "Not stamped: \(file) is stale; see 'spinesite translations diff \(file)', update it, "
                        + "then stamp it"
                )
            }
            if !outcome.alreadyCurrent.isEmpty {
                let count = outcome.alreadyCurrent.count
                printLine(
                    "Already current, left unchanged: \(count) \(count == 1 ? "translation" : "translations")"
                        + (count == 1 ? " (\(outcome.alreadyCurrent[0].file))" : ""))
            }
            if outcome.stamped.isEmpty && outcome.staleSkipped.isEmpty && outcome.alreadyCurrent.isEmpty {
                printLine("Nothing to stamp.")
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Shows what changed in a stale translation's original since it was stamped.",
            discussion: """
                A word diff ([-removed-]{+added+}) of the original's title, description and body, from \
                the revision in git history whose digest is the translation's translationOf to the \
                original as it is now.

                Example:
                  spinesite translations diff Content/es/therapies/tens.md
                """
        )

        @Argument(help: "The translated page.")
        var file: String

        @OptionGroup var project: ProjectOptions

        func run() throws {
            let comparison = try reporting { () throws(BuildFailure) in
                try TranslationDiff.diff(file, options: project.build)
            }
            let (outcome, original) = (comparison.outcome, comparison.original)
            switch outcome {
            case .current: printLine("\(file) is current: \(original) has not changed since it was stamped.")
            case .unstamped:
                printLine(
                    "\(file) has no translationOf yet, so nothing says which version it follows; compare it "
                        + "with \(original), then run 'spinesite translations stamp \(file)'.")
            case .noEarlierText(let reason): printLine(reason)
            case .changes(let diff, let revision):
                printLine("Changes to \(original) since revision \(revision), which \(file) was stamped against:")
                printLine(diff)
            }
        }
    }
}

/// `--stale`, `--missing`, `--all`: which pages an export takes.
enum ExportSelection: String, EnumerableFlag {
    case needed, stale, missing, all

    static func help(for value: Self) -> ArgumentHelp? {
        switch value {
        case .needed: "Stale, unstamped and missing pages (the default)."
        case .stale: "Pages whose translation is stale or unstamped, with it as targets to review."
        case .missing: "Pages with no translation yet."
        case .all: "Every page, with current translations as targets, and every interface string."
        }
    }

    var library: TranslationExport.Selection { TranslationExport.Selection(rawValue: rawValue)! }
}
