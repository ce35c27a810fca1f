import ArgumentParser
import CommandOptions
import Foundation
import SiteModel
import SpinesiteKit
import Translations

extension TranslationsCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes the pages a locale needs, and its interface strings, as XLIFF 1.2 for a CAT tool.",
            discussion: """
                One <file> per page (its path, id and digest), one for locale.yml's strings and one for \
                glossary.yml's terms. Each \
                heading, paragraph, list item, table cell, picture alt text and caption, footnote, title \
                and description is a unit; links, emphasis, code, citations and footnote references are \
                tags the translator moves but cannot break. A stale page's units carry its current \
                translation as targets: to review (needs-review-translation, with the source before and \
                now in the note) where the original changed since the stamp (from git history) or the \
                unit waits, translated elsewhere.

                Examples:
                  spinesite translations export --locale fr --output fr.xlf
                  spinesite translations export --locale es --stale --output es-review.xlf
                  spinesite translations export --locale fr --all --pseudo --output pseudo.xlf
                """
        )

        @Option(help: "The locale to translate into.")
        var locale: String

        @Flag var selection: ExportSelection = .needed

        @Flag(help: "Fill every target with pseudo-translation ([Ŧŕåñšļåţéé…]), to test layouts.")
        var pseudo = false

        @Option(help: "The file to write (default: standard output).")
        var output: String?

        @OptionGroup var project: ProjectOptions

        func run() throws {
            let outcome = try reporting { () throws(BuildFailure) in
                try TranslationExport.export(
                    locale: locale, selection: selection.library, pseudo: pseudo, options: project.build)
            }
            if let output {
                try outcome.xliff.write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                print(outcome.xliff, terminator: "")
            }
            for warning in outcome.warnings { printError(warning.description) }
            let summary =
                "Exported \(counted(outcome.pages, "page"))"
                + (outcome.blocks > 0 ? ", \(counted(outcome.blocks, "block"))" : "")
                + " (\(counted(outcome.units, "unit")), \(outcome.unitsWithTargets) with a target, "
                + "\(outcome.unitsToReview) to review), \(counted(outcome.strings, "interface string")) and "
                + "\(counted(outcome.glossaryUnits, "glossary unit")): \(counted(outcome.words, "word"))"
                + (output.map { " to \($0)" } ?? "") + "."
            printError(summary)
        }
    }

    /// Unit ids for a line of output: the first ten, and how many more.
    static func listed(_ ids: [String]) -> String {
        ids.count <= 10
            ? ids.joined(separator: ", ") : ids.prefix(10).joined(separator: ", ") + " and \(ids.count - 10) more"
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes the translations of an XLIFF file into Content/<locale>/.",
            discussion: """
                Each page is written in its original's structure (headings, lists, tables, footnotes, \
                explainer blocks, front matter) with the file's targets in place of the text, and stamped \
                with the digest the export carried. Units without a target keep the current translation, \
                or else the original's text, and are listed. A unit left new or needs-review-translation, \
                or without a target where the original changed, waits: it is recorded in pendingUnits, and \
                the page stays stale until it is translated. A page with no translated unit is not \
                written. Nothing is written if any unit is refused.

                Examples:
                  spinesite translations import fr.xlf
                  spinesite translations import --locale fr fr-from-po.xlf
                """
        )

        @Argument(help: "The XLIFF file a CAT tool gave back.")
        var file: String

        @Option(help: "The locale the file is for, when it does not say (target-language).")
        var locale: String?

        @OptionGroup var project: ProjectOptions

        func run() throws {
            let outcome = try reporting { () throws(BuildFailure) in
                try TranslationImport.run(file, locale: locale, options: project.build)
            }
            for page in outcome.pages where page.written {
                printLine(
                    "Wrote \(page.file): \(page.current.count) current, \(page.toReview.count) to review "
                        + "(translationOf: \(page.digest))")
                if !page.toReview.isEmpty {
                    printLine("  to review, recorded in pendingUnits: \(TranslationsCommand.listed(page.toReview))")
                }
                if !page.keptTranslation.isEmpty {
                    printLine(
                        "  no target, kept the current translation: \(page.keptTranslation.joined(separator: ", "))")
                }
                if !page.keptOriginal.isEmpty {
                    printLine(
                        "  no target, kept the original's text: \(page.keptOriginal.joined(separator: ", "))")
                }
                if let stale = page.staleBecause { printLine("  note: \(stale)") }
            }
            let unwritten = outcome.pages.filter { !$0.written }
            if !unwritten.isEmpty {
                let blocks = unwritten.filter(\.isBlock).count
                let counts = [
                    blocks < unwritten.count ? counted(unwritten.count - blocks, "page") : nil,
                    blocks > 0 ? counted(blocks, "block") : nil,
                ]
                printLine("Not written, no unit translated (\(counts.compactMap { $0 }.joined(separator: ", "))):")
                for page in unwritten {
                    printLine(
                        "  \(page.file): "
                            + (page.hadTranslation ? "left as it was" : "stays a fallback (the original is shown)"))
                }
            }
            if let strings = outcome.stringsFile {
                printLine("Wrote \(strings): \(counted(outcome.strings.count, "interface string"))")
            }
            if let glossary = outcome.glossaryFile, !outcome.glossaryTerms.isEmpty {
                printLine("Wrote \(glossary): \(counted(outcome.glossaryTerms.count, "term")) translated")
            }
            if !outcome.pages.contains(where: \.written) && outcome.stringsFile == nil && outcome.glossaryTerms.isEmpty
            {
                printLine("Nothing to import.")
            }
        }
    }
}
