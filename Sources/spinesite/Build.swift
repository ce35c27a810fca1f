import ArgumentParser
import CommandOptions
import Dispatch
import Foundation
import Incremental
import SiteModel
import SiteSupport
import SpinesiteKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds the site into the output folder.",
        discussion: """
            Errors and warnings are printed as file:line:column: error|warning: message. Any error stops \
            the build with a non-zero exit and leaves the previous output folder as it was.

            After the first build, a build that finds no input changed stops at once; otherwise every \
            page is rendered in memory and only files whose bytes changed are rewritten (the record of \
            the last build is kept in .spinesite-cache/). --clean renders everything into a fresh folder.

            Example:
              spinesite build --root . --output Site
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Where to write the site (default: <root>/Site).")
    var output: String?

    @Flag(help: "Print errors only, no warnings or summary.")
    var quiet = false

    @Flag(help: "Print how long each stage took.")
    var timings = false

    @Flag(help: "Render every page, ignoring what .spinesite-cache/ says about the last build.")
    var clean = false

    func run() throws {
        let start = DispatchTime.now()
        let begun = StageTimings.Start(name: "total")
        let progress = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        var options = site.build(output: output)
        options.fromScratch = clean
        options.exitsAfterBuild = true
        var stages: [StageTimings.Start] = []
        do {
            let report = try SiteBuilder.build(options) { stage in
                progress.stage(stage)
                stages.append(StageTimings.Start(name: stage))
            }
            progress.finish()
            if timings { printError(StageTimings.line(stages, begun: begun)) }
            if !quiet {
                printErrors(report.warnings.map(\.description))
                printLine(Summary.line(report, outputPath: options.outputPath, milliseconds: start.millisecondsSince))
            }
        } catch {
            progress.finish()
            printErrors(error.diagnostics.filter { $0.severity == .error || !quiet }.map(\.description))
            printError(
                "spinesite: build failed with \(counted(error.errors.count, "error")); "
                    + "\(error.outputState(options.outputPath))"
                    + BuildFailure.notChecked(error.skipped))
            throw ExitCode.failure
        }
    }
}

enum Summary {
    static func line(_ report: BuildSummary, outputPath: String, milliseconds: Int) -> String {
        let total = report.totalPages
        let perLocale = report.pageCounts.map { "\($0.locale) \($0.pages)" }.joined(separator: ", ")
        let warnings = counted(report.warnings.count, "warning")
        let drafts = report.draftsSkipped > 0 ? ", \(counted(report.draftsSkipped, "draft")) skipped," : ""
        return "Built \(counted(total, "page")) (\(perLocale))\(drafts) into \(outputPath) with \(warnings) in "
            + "\(milliseconds) ms" + detail(report)
    }

    /// What an incremental build did; nothing for a clean one.
    static func detail(_ report: BuildSummary) -> String {
        switch report.mode {
        case .staging: ""
        case .unchanged: " (nothing changed since the last build)"
        case .inPlace:
            " (incremental: \(counted(report.pagesRendered, "page")) changed, "
                + "\(counted(report.filesChanged, "file")) changed)"
        case .patch:
            " (body edit: \(counted(report.pagesRendered, "page")) rendered, "
                + "\(counted(report.filesChanged, "file")) changed)"
        }
    }
}

/// "1 page", "3 pages".
/// "1 page", "2 pages": the command line speaks English, whose CLDR plural categories are `one`
/// and `other` (`PluralRules`); `other` is the noun with an "s" unless given.
func counted(_ count: Int, _ one: String, _ other: String? = nil) -> String {
    PluralRules.english(count, one, other)
}

/// Runs a library call; a build failure prints its diagnostics and exits 1.
func reporting<T>(_ body: () throws(BuildFailure) -> T) throws -> T {
    do {
        return try body()
    } catch {
        try fail(error)
    }
}

/// Prints every diagnostic of a failed command and exits with status 1.
func fail(_ failure: BuildFailure) throws -> Never {
    for diagnostic in failure.diagnostics { printError(diagnostic.description) }
    throw ExitCode.failure
}

/// One line to standard error, inert on a terminal (see `TerminalText`).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((TerminalText.inert(line) + "\n").utf8))
}

/// Lines to standard error in one write: a site's 20,000 warnings, a write each, added 30–80 ms
/// to a build with nothing to do when standard error was a pipe (0.23–0.28 s against 0.20 s).
func printErrors(_ lines: [String]) {
    guard !lines.isEmpty else { return }
    FileHandle.standardError.write(Data(lines.map { TerminalText.inert($0) + "\n" }.joined().utf8))
}

/// One line of a command's report to standard output, inert on a terminal: it names files and
/// repeats content, which may hold control characters. Data (XLIFF, JSON, the template guide) is
/// printed as it is.
func printLine(_ line: String) {
    print(TerminalText.inert(line))
}

extension DispatchTime {
    var millisecondsSince: Int {
        Int((DispatchTime.now().uptimeNanoseconds - uptimeNanoseconds) / 1_000_000)
    }
}
