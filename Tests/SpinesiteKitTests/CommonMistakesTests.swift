import Foundation
import Incremental
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// One typical mistake of an editor or a designer: what they write instead of what works, and
/// the message the build gives.
struct CommonMistake {
    /// Markdown, YAML, templates, links, pictures or locales.
    var area: String
    /// The mistake, for the docs' table.
    var mistake: String
    /// The file it is made in, under the site's root.
    var file: String
    /// The text that works, in the working site…
    var correct: String
    /// …and what the mistake writes instead.
    var wrong: String
    /// The whole message: the place (file:line:column), what is wrong and the fix.
    var message: String
    /// What the author writes in place of `wrong` after reading the message; `message` shows it
    /// as written unless `shownAs` says how the message words it.
    var fix: String
    var shownAs: String?
    /// The file the fix goes in, when it is not `file` (a string added to locale.yml).
    var fixFile: String?
    /// A page that is a draft for this case (`draft: true`), which the fix publishes as the message says.
    var draft: String?
}

/// The build's messages for typical mistakes, each run on a small site with that one mistake:
/// the message names the place, what is wrong and a fix, and the fix, applied as written, makes
/// the build pass. docs/common-mistakes.md shows these cases (`testTheDocsTableIsTheCases`).
final class CommonMistakesTests: XCTestCase {
    static let tens = """
        ---
        title: "TENS"
        description: "Pads on the skin."
        reviewed: 2099-01-01
        reviewedBy: "A. Reviewer"
        tags: [pain, nerves]
        related: [pnt]
        references:
          sluka2003: { title: "TENS: basic science mechanisms", authors: "Sluka KA, Walsh D", pmid: "14622708" }
        ---

        ## How it works

        TENS sends pulses through pads [@sluka2003]. See [PNT](pnt.md) and [its risks](pnt.md#risks).

        ![Two pads on a lower back](images/tens-pads.jpg)

        ### Settings

        Read [the feed](site:feed).

        """

    static let pnt = """
        ---
        title: "PNT"
        description: "Thin needles and mild pulses."
        reviewed: 2099-01-01
        reviewedBy: "A. Reviewer"
        ---

        ## Risks

        You may get a small bruise.

        """

    static let scs = """
        ---
        title: "SCS"
        description: "Leads near the spine."
        reviewed: 2099-01-01
        reviewedBy: "A. Reviewer"
        ---

        ![Leads on an X-ray](images/scs-trial-lead.jpg)

        """

    static let cases: [CommonMistake] = [
        CommonMistake(
            area: "Links", mistake: "A typo in a link to a page", file: "Content/en/tens.md", correct: "(pnt.md)",
            wrong: "(pnd.md)",
            message: "Content/en/tens.md:14:50: error: link to 'pnd.md' does not resolve (did you mean 'pnt.md'?)",
            fix: "(pnt.md)", shownAs: "'pnt.md'"),
        CommonMistake(
            area: "Links", mistake: "A typo in a link to a heading", file: "Content/en/tens.md",
            correct: "pnt.md#risks", wrong: "pnt.md#risk",
            message:
                "Content/en/tens.md:14:68: error: link to 'pnt.md#risk' does not resolve (did you mean "
                + "'pnt.md#risks'?)",
            fix: "pnt.md#risks"),
        CommonMistake(
            area: "Links", mistake: "A path of the published site instead of the page's file",
            file: "Content/en/tens.md", correct: "(site:feed)", wrong: "(/en/feed.xml)",
            message:
                "Content/en/tens.md:20:6: error: '/en/feed.xml' is not a file of Content/: a link names a page "
                + "by its file ('tens.md') or id ('topic:tens'), a file beside the page ('images/pads.png') "
                + "or in Content/files/ ('/files/diary.pdf'), or a page the site makes ('site:feed', "
                + "'site:search')",
            fix: "(site:feed)", shownAs: "'site:feed'"),
        CommonMistake(
            area: "Links", mistake: "A typo in a name the site makes", file: "Content/en/tens.md",
            correct: "(site:feed)", wrong: "(site:fed)",
            message: "Content/en/tens.md:20:6: error: link to 'site:fed' does not resolve (did you mean 'site:feed'?)",
            fix: "(site:feed)", shownAs: "'site:feed'"),
        CommonMistake(
            area: "Links", mistake: "A typo in a related page's id", file: "Content/en/tens.md",
            correct: "related: [pnt]", wrong: "related: [pnn]",
            message: "Content/en/tens.md:7:11: error: related: no page has id 'pnn' (did you mean 'pnt'?)",
            fix: "related: [pnt]", shownAs: "'pnt'"),
        CommonMistake(
            area: "Markdown", mistake: "A citation of a key not in `references`", file: "Content/en/tens.md",
            correct: "[@sluka2003]", wrong: "[@slka2003]",
            message:
                "Content/en/tens.md:14:33: error: citation '[@slka2003]' names no entry in 'references' (did "
                + "you mean 'sluka2003'?)",
            fix: "[@sluka2003]", shownAs: "'sluka2003'"),
        CommonMistake(
            area: "Markdown", mistake: "A citation key with a capital letter", file: "Content/en/tens.md",
            correct: "[@sluka2003]", wrong: "[@Sluka2003]",
            message:
                "Content/en/tens.md:14:33: error: citation '[@Sluka2003]' names no entry in 'references' (did "
                + "you mean 'sluka2003'?)",
            fix: "[@sluka2003]",
            shownAs: "'sluka2003'"),
        CommonMistake(
            area: "Markdown", mistake: "A level-1 heading in the body", file: "Content/en/tens.md",
            correct: "## How it works", wrong: "# How it works",
            message:
                "Content/en/tens.md:12:1: error: a level-1 heading ('# How it works') in the body: the page "
                + "title is the page's only h1; use '##'",
            fix: "## How it works",
            shownAs: "use '##'"),
        CommonMistake(
            area: "Markdown", mistake: "A heading level skipped", file: "Content/en/tens.md",
            correct: "### Settings", wrong: "#### Settings",
            message:
                "Content/en/tens.md:18:1: warning: heading level skipped: '#### Settings' follows a level-2 "
                + "heading; use '###'",
            fix: "### Settings", shownAs: "use '###'"),
        CommonMistake(
            area: "Pictures", mistake: "A picture without alt text", file: "Content/en/tens.md",
            correct: "![Two pads on a lower back]", wrong: "![]",
            message:
                "Content/en/tens.md:16:1: error: image 'images/tens-pads.jpg' has no alt text: describe it, as "
                + "in ![A TENS unit with two pads](tens.jpg)",
            fix: "![Two pads on a lower back]",
            shownAs: "describe it, as in ![A TENS unit with two pads](tens.jpg)"),
        CommonMistake(
            area: "Pictures", mistake: "A typo in a picture's file name", file: "Content/en/tens.md",
            correct: "(images/tens-pads.jpg)", wrong: "(images/tens-pad.jpg)",
            message:
                "Content/en/tens.md:16:1: error: no file 'images/tens-pad.jpg' in Content/en/ (did you mean "
                + "'images/tens-pads.jpg'?)",
            fix: "(images/tens-pads.jpg)", shownAs: "'images/tens-pads.jpg'"),
        CommonMistake(
            area: "Pictures", mistake: "A typo in a picture beside a page in a folder",
            file: "Content/en/therapies/scs.md", correct: "(images/scs-trial-lead.jpg)",
            wrong: "(images/scs-trial-leads.jpg)",
            message:
                "Content/en/therapies/scs.md:8:1: error: no file 'therapies/images/scs-trial-leads.jpg' in "
                + "Content/en/ (did you mean 'images/scs-trial-lead.jpg'?)",
            fix: "(images/scs-trial-lead.jpg)",
            shownAs: "'images/scs-trial-lead.jpg'"),
        CommonMistake(
            area: "YAML", mistake: "A colon in an unquoted value", file: "Content/en/pnt.md",
            correct: "title: \"PNT\"", wrong: "title: PNT: needles",
            message:
                "Content/en/pnt.md:2:11: error: front matter: the value of 'title' contains ': ', which YAML "
                + "reads as another key; put the value in quotes: title: \"PNT: needles\"",
            fix: "title: \"PNT: needles\""),
        CommonMistake(
            area: "YAML", mistake: "A tab for indentation", file: "Content/en/tens.md",
            correct: "  sluka2003:", wrong: "\tsluka2003:",
            message:
                "Content/en/tens.md:9:1: error: front matter: a tab is used for indentation; YAML needs spaces: "
                + "replace the tab with spaces",
            fix: "  sluka2003:",
            shownAs: "replace the tab with spaces"),
        CommonMistake(
            area: "YAML", mistake: "A list not closed", file: "Content/en/tens.md",
            correct: "tags: [pain, nerves]", wrong: "tags: [pain, nerves",
            message:
                "Content/en/tens.md:6:20: error: front matter: the list opened with [ is not closed: end it "
                + "with ] on the same line: tags: [pain, nerves]",
            fix: "tags: [pain, nerves]"),
        CommonMistake(
            area: "YAML", mistake: "A key written twice", file: "Content/en/pnt.md",
            correct: "title: \"PNT\"\n", wrong: "title: \"PNT\"\ntitle: \"PNT\"\n",
            message:
                "Content/en/pnt.md:3:1: error: front matter: 'title' is written twice; keep one (each key may "
                + "appear once)",
            fix: "title: \"PNT\"\n", shownAs: "keep one"),
        CommonMistake(
            area: "YAML", mistake: "A line indented like no key above it", file: "Content/en/tens.md",
            correct: "related: [pnt]", wrong: " related: [pnt]",
            message:
                "Content/en/tens.md:7:2: error: front matter: this line is indented by 1 space, which lines it "
                + "up with no key above it; start it at the beginning of the line, like 'tags' on line 6: "
                + "related: [pnt]",
            fix: "related: [pnt]"),
        CommonMistake(
            area: "YAML", mistake: "A typo in a front-matter key", file: "Content/en/tens.md",
            correct: "tags:", wrong: "tgas:",
            message:
                "Content/en/tens.md:6:1: warning: front matter: unknown key 'tgas' is ignored (did you mean 'tags'?)",
            fix: "tags:", shownAs: "'tags'"),
        CommonMistake(
            area: "YAML", mistake: "A typo in a required front-matter key", file: "Content/en/tens.md",
            correct: "description:", wrong: "descripton:",
            message:
                "Content/en/tens.md:3:1: error: front matter: unknown key 'descripton' (did you mean "
                + "'description'?); 'description' is required",
            fix: "description:", shownAs: "'description'"),
        CommonMistake(
            area: "Links", mistake: "A typo in a related id of a draft", file: "Content/en/tens.md",
            correct: "related: [pnt]", wrong: "related: [pnt, therapies/scss]",
            message:
                "Content/en/tens.md:7:16: error: related: no page has id 'therapies/scss' (did you mean "
                + "'therapies/scs'? 'therapies/scs.md' is a draft: remove `draft: true` to publish it, or preview "
                + "with --drafts)",
            fix: "related: [pnt, therapies/scs]", shownAs: "'therapies/scs'", draft: "Content/en/therapies/scs.md"),
        CommonMistake(
            area: "Templates", mistake: "A typo in a value's name", file: "Templates/topic.mustache",
            correct: "{{page.title}}", wrong: "{{page.titel}}",
            message:
                "Templates/topic.mustache:8:11: error: 'page.titel' is not a value of topic pages (did you mean "
                + "'page.title'?)",
            fix: "{{page.title}}",
            shownAs: "'page.title'"),
        CommonMistake(
            area: "Templates", mistake: "A typo in a partial's name", file: "Templates/base.mustache",
            correct: "{{> partials/header}}", wrong: "{{> partials/heder}}",
            message:
                "Templates/base.mustache:9:1: error: partial 'partials/heder' does not exist (did you mean "
                + "'partials/header'?) [included from Templates/home.mustache:1:1; and through 7 more templates]",
            fix: "{{> partials/header}}", shownAs: "'partials/header'"),
        CommonMistake(
            area: "Templates", mistake: "Text inserted unescaped", file: "Templates/topic.mustache",
            correct: "{{page.title}}", wrong: "{{{page.title}}}",
            message:
                "Templates/topic.mustache:8:11: error: 'page.title' is text: {{{page.title}}} would insert it "
                + "unescaped; write {{page.title}}",
            fix: "{{page.title}}"),
        CommonMistake(
            area: "Locales", mistake: "A string no locale has", file: "Templates/topic.mustache",
            correct: "{{page.title}}", wrong: "{{page.title}}{{strings.tagsTitle}}",
            message:
                "Templates/topic.mustache:8:25: error: 'strings.tagsTitle' is not defined: no strings has the "
                + "key 'tagsTitle' (did you mean 'strings.tocTitle'?); or add `tagsTitle: \"…\"` under "
                + "`strings:` in Content/en/locale.yml",
            fix: "  tagsTitle: \"Tags\"\n",
            shownAs: "add `tagsTitle: \"…\"` under `strings:` in Content/en/locale.yml",
            fixFile: "Content/en/locale.yml"),
        CommonMistake(
            area: "Locales", mistake: "A typo in a string's name", file: "Templates/topic.mustache",
            correct: "<h2>{{strings.relatedTitle}}", wrong: "<h2>{{strings.relatedTitel}}",
            message:
                "Templates/topic.mustache:31:9: error: 'strings.relatedTitel' is not defined: no strings has "
                + "the key 'relatedTitel' (did you mean 'strings.relatedTitle'?); or add `relatedTitel: "
                + "\"…\"` under `strings:` in Content/en/locale.yml",
            fix: "<h2>{{strings.relatedTitle}}", shownAs: "'strings.relatedTitle'"),
    ]

    private static func site() -> TemporaryFolder {
        let site = MinimalSite.make(["tens.md": tens, "pnt.md": pnt, "therapies/scs.md": scs])
        site.copy(from: Repository.templates, to: "Templates")
        let picture = Repository.fixture("PictureInputs/clinic-photo.jpg")
        site.copy(from: picture, to: "Content/en/images/tens-pads.jpg")
        site.copy(from: picture, to: "Content/en/therapies/images/scs-trial-lead.jpg")
        return site
    }

    /// The errors and warnings of a build of `site`.
    private func diagnostics(_ site: TemporaryFolder) -> [String] {
        let options = BuildOptions(root: site.path, output: site.path + "/Site")
        do {
            return try SiteBuilder.build(options).warnings.map(\.description).map { Self.relative($0, site) }
        } catch {
            return error.diagnostics.map(\.description).map { Self.relative($0, site) }
        }
    }

    private static func relative(_ message: String, _ site: TemporaryFolder) -> String {
        message.replacingOccurrences(of: site.path + "/", with: "")
    }

    /// The table of docs/common-mistakes.md, between its markers.
    static func table() -> String {
        func code(_ text: String) -> String {
            let escaped = text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "⏎")
                .replacingOccurrences(of: "\t", with: "⇥")
            return escaped.contains("`") ? "`` \(escaped) ``" : "`\(escaped)`"
        }
        var text = "| area | mistake | written | the build says |\n|---|---|---|---|\n"
        for mistake in cases {
            text += "| \(mistake.area) | \(mistake.mistake) | \(code(mistake.wrong)) | \(code(mistake.message)) |\n"
        }
        return text
    }

    func testTheDocsTableIsTheCases() throws {
        let url = Repository.root.appendingPathComponent("docs/common-mistakes.md")
        let docs = try String(contentsOf: url, encoding: .utf8)
        let start = try XCTUnwrap(docs.range(of: "<!-- common-mistakes:start -->\n"))
        let end = try XCTUnwrap(docs.range(of: "<!-- common-mistakes:end -->"))
        let current = String(docs[start.upperBound..<end.lowerBound])
        if SnapshotFolder.isRecording {
            try docs.replacingCharacters(in: start.upperBound..<end.lowerBound, with: Self.table())
                .write(to: url, atomically: true, encoding: .utf8)
        } else {
            XCTAssertEqual(
                current, Self.table(), "docs/common-mistakes.md is out of date: run this test with RECORD=1")
        }
    }

    /// A typo in a required key is one error at the typo, not also "'description' is missing".
    func testATypoInARequiredKeyIsOneError() throws {
        let site = Self.site()
        let text = try XCTUnwrap(site.read("Content/en/tens.md"))
        site.write("Content/en/tens.md", text.replacingOccurrences(of: "description:", with: "descripton:"))
        XCTAssertEqual(
            diagnostics(site),
            [
                "Content/en/tens.md:3:1: error: front matter: unknown key 'descripton' (did you mean "
                    + "'description'?); 'description' is required"
            ])
    }

    func testTheWorkingSiteBuildsWithoutAWord() {
        XCTAssertEqual(diagnostics(Self.site()), [])
    }

    func testEachMistakeIsNamedAtItsPlaceWithAFixThatWorksAsWritten() throws {
        XCTAssertGreaterThanOrEqual(Self.cases.count, 20)
        XCTAssertEqual(
            Set(Self.cases.map(\.area)), ["Markdown", "YAML", "Templates", "Links", "Pictures", "Locales"])
        for mistake in Self.cases {
            let site = Self.site()
            if let draft = mistake.draft {
                site.write(
                    draft,
                    try XCTUnwrap(site.read(draft)).replacingOccurrences(of: "---\n\n", with: "draft: true\n---\n\n"))
            }
            let text = try XCTUnwrap(site.read(mistake.file), mistake.file)
            XCTAssertEqual(text.components(separatedBy: mistake.correct).count, 2, "\(mistake.mistake): once")
            site.write(mistake.file, text.replacingOccurrences(of: mistake.correct, with: mistake.wrong))
            let said = diagnostics(site)
            XCTAssertTrue(said.contains(mistake.message), "\(mistake.mistake): \(said)")
            XCTAssertTrue(
                mistake.message.hasPrefix(mistake.file + ":"), "\(mistake.mistake): the message names the file")
            XCTAssertTrue(mistake.message.contains(mistake.shownAs ?? mistake.fix), "\(mistake.mistake): the fix")
            // The fix, applied as written.
            let fixFile = mistake.fixFile ?? mistake.file
            let broken = try XCTUnwrap(site.read(fixFile))
            let fixed =
                mistake.fixFile == nil
                ? broken.replacingOccurrences(of: mistake.wrong, with: mistake.fix) : broken + mistake.fix
            site.write(fixFile, fixed)
            if let draft = mistake.draft {
                site.write(draft, try XCTUnwrap(site.read(draft)).replacingOccurrences(of: "draft: true\n", with: ""))
            }
            XCTAssertEqual(diagnostics(site), [], "\(mistake.mistake): fixed as the message says")
        }
    }
}
