import Foundation
import TestSupport
import XCTest

/// Runs the built `spinesite` binary as a user would.
final class CommandLineTests: XCTestCase {
    private func run(_ arguments: [String], in folder: URL) throws -> SpinesiteCommand.Result {
        try SpinesiteCommand.run(arguments, in: folder)
    }

    /// libvips, and the hundred libraries it needs, are loaded by the first raster picture, not by
    /// every run (they took 21 MB and 20 ms). The dynamic loader names what it loads (`LD_DEBUG`).
    func testLibvipsIsLoadedForARasterPictureOnly() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS")])
        site.copy(from: Repository.templates, to: "Templates")
        let plain = try SpinesiteCommand.run(["build"], in: site.url, environment: ["LD_DEBUG": "libs"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stderr.contains("libcmark-gfm.so"), "the loader's list is read")
        XCTAssertFalse(plain.stderr.contains("libvips"))

        site.copy(
            from: Repository.fixture("Pictures/Content/en/therapies/images/tens-pads.png"), to: "Content/en/pads.png")
        site.write("Content/en/tens.md", MinimalSite.page(title: "TENS", body: "Text.\n\n![Two pads](pads.png)"))
        let pictured = try SpinesiteCommand.run(["build"], in: site.url, environment: ["LD_DEBUG": "libs"])
        XCTAssertEqual(pictured.status, 0, pictured.stderr)
        XCTAssertTrue(pictured.stderr.contains("libvips.so"))
        XCTAssertTrue(try XCTUnwrap(site.read("Site/en/tens/index.html")).contains("pads-"))
    }

    func testBuildPrintsOneSummaryLineAndFailsWithFileLineErrors() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = MinimalSite.make([
            "tens.md": MinimalSite.page(title: "TENS", extra: "reviewed: 2099-01-01\nreviewedBy: \"A. Reviewer\"\n")
        ])
        site.copy(from: Repository.templates, to: "Templates")
        let ok = try run(["build"], in: site.url)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.hasPrefix("Built 2 pages (en 2) into Site with 0 warnings in "), ok.stdout)
        XCTAssertEqual(ok.stdout.split(separator: "\n").count, 1)

        site.write("Content/en/tens.md", "---\ntitle: \"TENS\"\n---\n")
        let failed = try run(["build"], in: site.url)
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(
            failed.stderr.split(separator: "\n").map(String.init),
            [
                "Content/en/tens.md:2:1: error: front matter: 'description' is missing",
                "spinesite: build failed with 1 error; Site was not changed",
            ])
        XCTAssertTrue(site.exists("Site/en/tens/index.html"))
    }

    func testTheSummaryCountsSkippedDraftsAlsoWhenNothingChanged() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let reviewed = "reviewed: 2099-01-01\nreviewedBy: \"A. Reviewer\"\n"
        let site = MinimalSite.make([
            "tens.md": MinimalSite.page(title: "TENS", extra: reviewed),
            "scs.md": MinimalSite.page(title: "SCS", extra: reviewed + "draft: true\n"),
        ])
        site.copy(from: Repository.templates, to: "Templates")
        let first = try run(["build"], in: site.url)
        XCTAssertTrue(
            first.stdout.hasPrefix("Built 2 pages (en 2), 1 draft skipped, into Site with 0 warnings"), first.stdout)
        usleep(200_000)  // past the window in which fresh stamps are not trusted
        _ = try run(["build"], in: site.url)
        let unchanged = try run(["build"], in: site.url)
        XCTAssertTrue(unchanged.stdout.hasSuffix(" (nothing changed since the last build)\n"), unchanged.stdout)
        XCTAssertTrue(unchanged.stdout.hasPrefix("Built 2 pages (en 2), 1 draft skipped, into Site"), unchanged.stdout)
        let drafts = try run(["build", "--drafts", "--output", "Preview"], in: site.url)
        XCTAssertTrue(drafts.stdout.hasPrefix("Built 3 pages (en 3) into Preview"), drafts.stdout)
    }

    func testTheSummarySaysWhatAnIncrementalBuildDid() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let page = MinimalSite.page(title: "TENS", extra: "reviewed: 2099-01-01\nreviewedBy: \"A. Reviewer\"\n")
        let site = MinimalSite.make(["tens.md": page])
        site.copy(from: Repository.templates, to: "Templates")
        XCTAssertEqual(try run(["build"], in: site.url).status, 0)
        usleep(200_000)  // past the window in which fresh stamps are not trusted
        _ = try run(["build"], in: site.url)
        let unchanged = try run(["build"], in: site.url)
        XCTAssertTrue(unchanged.stdout.hasSuffix(" (nothing changed since the last build)\n"), unchanged.stdout)
        site.write("Content/en/tens.md", page + "\nOne more sentence.\n")
        let edited = try run(["build"], in: site.url)
        // The page and the search page, which names the new index; the report and the search index
        // files the sentence changes (written, and those they replace removed).
        XCTAssertTrue(edited.stdout.contains(" (incremental: 2 pages changed, "), edited.stdout)
        XCTAssertTrue(edited.stdout.hasSuffix(" files changed)\n"), edited.stdout)
        let clean = try run(["build", "--clean"], in: site.url)
        XCTAssertTrue(clean.stdout.hasPrefix("Built 2 pages (en 2) into Site with 0 warnings in "), clean.stdout)
        XCTAssertTrue(clean.stdout.hasSuffix(" ms\n"), clean.stdout)
    }

    func testCheckExitsNonZeroOnWarningsOnlyWhenStrict() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS")])
        site.copy(from: Repository.templates, to: "Templates")
        let plain = try run(["check"], in: site.url)
        XCTAssertEqual(plain.status, 0, plain.stdout)
        XCTAssertEqual(plain.stdout.split(separator: "\n").last, "check: 0 errors, 1 warning")
        let strict = try run(["check", "--strict"], in: site.url)
        XCTAssertEqual(strict.status, 1)
        XCTAssertFalse(site.exists("Site"))
    }

    func testNewTopicScaffoldsADraftThatCannotBePublishedWithItsPlaceholders() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = MinimalSite.make(["pns.md": MinimalSite.page(title: "PNS")])
        site.copy(from: Repository.templates, to: "Templates")
        let created = try run(["new", "topic", "therapies/scs"], in: site.url)
        XCTAssertEqual(created.status, 0, created.stderr)
        let text = try XCTUnwrap(site.read("Content/en/therapies/scs.md"))
        XCTAssertTrue(text.hasPrefix("---\ntitle: \"[[TODO: "), "a placeholder title, not 'Scs': \(text)")
        XCTAssertTrue(text.contains("\nid: scs\n"), "the last segment, as the site's ids are")
        XCTAssertTrue(text.contains("draft: true"))
        XCTAssertFalse(text.contains("\n## What it is\n\n##"), "no empty heading")
        XCTAssertEqual(try run(["build", "--drafts", "--output", "Preview"], in: site.url).status, 0, "previews")

        // Published as it is: the build names the first placeholder, at its line and column.
        site.write("Content/en/therapies/scs.md", text.replacingOccurrences(of: "draft: true\n", with: ""))
        let published = try run(["build"], in: site.url)
        XCTAssertEqual(published.status, 1)
        XCTAssertTrue(
            published.stderr.contains(
                "\nContent/en/therapies/scs.md:2:9: error: the page still holds a placeholder of 'spinesite new "
                    + "topic'"), published.stderr)

        XCTAssertEqual(try run(["new", "topic", "therapies/scs"], in: site.url).status, 1, "never overwrites")
        XCTAssertEqual(try run(["new", "topic", "../escape"], in: site.url).status, 1)
        XCTAssertEqual(try run(["new", "topic", "guides/pns"], in: site.url).status, 0)
        XCTAssertTrue(try XCTUnwrap(site.read("Content/en/guides/pns.md")).contains("draft: true\n"))
        XCTAssertFalse(
            try XCTUnwrap(site.read("Content/en/guides/pns.md")).contains("\nid: "),
            "'pns' is taken: the id is the path, which needs no id line")
    }

    func testHelpExplainsWithAnExample() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        for command in [["build", "--help"], ["new", "topic", "--help"]] {
            let help = try run(command, in: Repository.root)
            XCTAssertEqual(help.status, 0)
            XCTAssertTrue(help.stdout.contains("Example:"), help.stdout)
        }
    }
}

/// The translator guide's commands (docs/translators.md), run as written (with the built binary
/// for `swift run spinesite`) on a copy of the real site in a git repository, in the guide's order.
final class TranslatorGuideTests: XCTestCase {
    private func guide() throws -> String {
        try String(contentsOf: Repository.root.appendingPathComponent("docs/translators.md"), encoding: .utf8)
    }

    func testEveryCommandOfTheTranslatorGuideRunsAsWritten() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let text = try guide()
        let commands = text.components(separatedBy: "`swift run spinesite ").dropFirst()
            .map { String($0.prefix { $0 != "`" }) }
        XCTAssertGreaterThanOrEqual(commands.count, 6, "\(commands)")
        let site = TemporaryFolder()
        site.copy(from: Repository.root.appendingPathComponent("Content"), to: "Content")
        site.copy(from: Repository.templates, to: "Templates")
        for arguments in [["init", "-q"], ["add", "-A"], ["commit", "-qm", "Site"]] {
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments =
                ["git", "-C", site.path, "-c", "user.name=T", "-c", "user.email=t@example.org"] + arguments
            try git.run()
            git.waitUntilExit()
        }
        for command in commands {
            let arguments = command.split(separator: " ").map(String.init).filter { !$0.hasPrefix("[") }
            let result = try SpinesiteCommand.run(arguments, in: site.url)
            XCTAssertEqual(result.status, 0, "spinesite \(command): \(result.stderr)")
        }
    }

    /// Counts take the form English gives the number: "1 page", "2 pages" (CLDR `one`, `other`).
    func testCountsInCommandOutputFollowPluralRules() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = MinimalSite.make()
        site.copy(from: Repository.templates, to: "Templates")
        let built = try SpinesiteCommand.run(["build"], in: site.url)
        XCTAssertTrue(built.stdout.hasPrefix("Built 1 page (en 1) into Site with 0 warnings in "), built.stdout)
        site.write("Content/en/tens.md", "---\ntitle: \"TENS\"\n---\n")
        let failed = try SpinesiteCommand.run(["build"], in: site.url)
        XCTAssertTrue(failed.stderr.contains("spinesite: build failed with 1 error; Site was not changed"))
    }

    /// A stamp that changes nothing says so, and leaves the file as it was.
    func testStampingCurrentTranslationsAgainSaysTheyAreUnchanged() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS")])
        site.copy(from: Repository.templates, to: "Templates")
        site.write("Content/es/locale.yml", MinimalSite.localeYAML)
        site.write("Content/es/tens.md", MinimalSite.page(title: "TENS", extra: "slug: tens-es\n"))
        let first = try SpinesiteCommand.run(["translations", "stamp", "--locale", "es"], in: site.url)
        XCTAssertTrue(first.stdout.hasPrefix("Stamped Content/es/tens.md as a translation of "), first.stdout)
        let stamped = try XCTUnwrap(site.read("Content/es/tens.md"))
        let modified =
            try FileManager.default.attributesOfItem(atPath: site.path + "/Content/es/tens.md")[
                .modificationDate] as? Date
        usleep(20_000)
        let again = try SpinesiteCommand.run(["translations", "stamp", "--locale", "es"], in: site.url)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, "Already current, left unchanged: 1 translation (Content/es/tens.md)\n")
        XCTAssertEqual(site.read("Content/es/tens.md"), stamped)
        XCTAssertEqual(
            try FileManager.default.attributesOfItem(atPath: site.path + "/Content/es/tens.md")[.modificationDate]
                as? Date, modified, "not rewritten")
    }

    /// A file name holding terminal escapes is printed escaped, not obeyed by the terminal.
    func testControlCharactersInPathsAndTextReachTheTerminalEscaped() throws {
        try XCTSkipUnless(SpinesiteCommand.isBuilt, "build the spinesite product first")
        let site = MinimalSite.make([
            "esc\u{1B}[2J\u{1B}]0;owned\u{07}.md": MinimalSite.page(title: "Bad\u{1B}[31m", extra: "bad: \u{9B}1m\n")
        ])
        site.copy(from: Repository.templates, to: "Templates")
        let result = try SpinesiteCommand.run(["build"], in: site.url)
        XCTAssertEqual(result.status, 1)
        for control: Character in ["\u{1B}", "\u{07}", "\u{9B}"] {
            XCTAssertFalse(
                result.stderr.contains(control), "raw \(control.unicodeScalars.first!.value): \(result.stderr)")
        }
        XCTAssertTrue(result.stderr.contains("Content/en/esc\\u{1B}[2J\\u{1B}]0;owned\\u{7}.md"), result.stderr)
    }
}
