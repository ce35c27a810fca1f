import ArgumentParser
import CommandOptions
import Foundation
import SiteModel
import SpinesiteKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs every check of a build without writing the site.",
        discussion: """
            Front matter, links and anchors, images without alt text, heading order, clinical review \
            dates, translation status, locale strings, pulse blocks and shared blocks. Prints \
            file:line:column: error|warning: message, then each shared block with the pages placing it \
            and its state per locale, or JSON with --format json. Exits 1 on errors \
            (with --strict, on warnings too).

            Example:
              spinesite check --strict
              spinesite check --format json > check.json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var site: SiteOptions

    @Flag(help: "Treat warnings as errors (exit 1 if there are any).")
    var strict = false

    @Option(help: "text or json.")
    var format: Format = .text

    func run() throws {
        let report = SiteChecker.check(site.build())
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        switch format {
        case .json:
            print(try SiteChecker.json(report.diagnostics, skipped: report.skipped, blocks: report.blocks))
        case .text:
            for diagnostic in report.diagnostics { printLine(diagnostic.description) }
            for line in report.blockLines { printLine(line) }
            printLine(
                "check: \(counted(errors, "error")), \(counted(warnings, "warning"))"
                    + (strict && warnings > 0 ? " (strict: warnings count as errors)" : "")
                    + BuildFailure.notChecked(report.skipped)
            )
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
    }
}
