import ContentLoader
import Foundation
import SiteModel
import TestSupport
import XCTest

/// Loads a one-page site and returns what the loader said.
func load(_ pages: [String: String], drafts: Bool = false, site: TemporaryFolder? = nil) -> Result<
    LoadedSite, BuildFailure
> {
    let folder = site ?? MinimalSite.make(pages)
    if site != nil { for (path, text) in pages { folder.write("Content/en/\(path)", text) } }
    do {
        let site = try ContentLoader.load(
            contentURL: folder.url.appendingPathComponent("Content"), displayRoot: "Content", includeDrafts: drafts)
        // A page's errors leave that page out and fail the build later, with every other stage's.
        return site.errors.isEmpty ? .success(site) : .failure(BuildFailure(site.warnings + site.errors))
    } catch {
        return .failure(error)
    }
}

func messages(_ result: Result<LoadedSite, BuildFailure>) -> [String] {
    switch result {
    case .success(let site): return site.warnings.map(\.description)
    case .failure(let failure): return failure.diagnostics.map(\.description)
    }
}

final class FrontMatterTests: XCTestCase {
    func testParsesTypedFrontMatter() throws {
        let text = MinimalSite.page(
            title: "TENS",
            extra: "id: tens\nslug: tens-therapy\nweight: 20\ntags: [a, b]\nrelated: [pnt]\naliases: [old-tens]\n",
            body: "## Body")
        let site = try load(["therapies/tens.md": text]).get()
        let page = try XCTUnwrap(site.pages.first)
        XCTAssertEqual(page.frontMatter.title, "TENS")
        XCTAssertEqual(page.id, "tens")
        XCTAssertEqual(page.frontMatter.slug?.value, "tens-therapy")
        XCTAssertEqual(page.frontMatter.weight, 20)
        XCTAssertEqual(page.frontMatter.tags, ["a", "b"])
        XCTAssertEqual(page.frontMatter.related.map(\.value), ["pnt"])
        XCTAssertEqual(
            page.frontMatter.related.first?.location,
            SourceLocation(file: "Content/en/therapies/tens.md", line: 8, column: 11))
        XCTAssertEqual(page.bodyLocation.line, 11)
        XCTAssertTrue(page.body.contains("## Body"))
        XCTAssertEqual(page.kind, .topic)
    }

    func testDefaultIDIsThePathWithoutExtension() throws {
        let site = try load([
            "therapies/pns.md": MinimalSite.page(), "therapies/_index.md": MinimalSite.page(),
            "_index.md": MinimalSite.page(),
        ]).get()
        XCTAssertEqual(site.pages.map(\.id).sorted(), ["home", "therapies", "therapies/pns"])
    }

    func testQuoteSensitiveValuesStayText() throws {
        let site = try load(["no.md": "---\ntitle: no\ndescription: 1.0\n---\n"]).get()
        XCTAssertEqual(site.pages.first?.frontMatter.title, "no")
        XCTAssertEqual(site.pages.first?.frontMatter.description, "1.0")
    }

    func testMissingTitle() {
        XCTAssertEqual(
            messages(load(["tens.md": "---\ndescription: \"x\"\n---\nBody\n"])),
            ["Content/en/tens.md:2:1: error: front matter: 'title' is missing"])
    }

    func testInvalidYAMLHasLineAndColumn() {
        let result = messages(load(["tens.md": "---\ntitle: \"TENS\"\ndescription: \"x\"\nkey: *nowhere\n---\n"]))
        XCTAssertEqual(result.count, 1)
        XCTAssertTrue(result[0].hasPrefix("Content/en/tens.md:4:6: error: front matter: invalid YAML"), result[0])
    }

    /// A list or mapping left open, and a line indented like no key: said at the line the author
    /// went wrong, in plain words, with the line as it should be.
    func testUnclosedBracketsAndBadIndentationAreNamedWithTheirFix() {
        func first(_ frontMatter: String) -> String {
            messages(load(["a.md": "---\n\(frontMatter)---\n\nBody.\n"])).first ?? ""
        }
        XCTAssertEqual(
            first("title: \"A\"\ndescription: \"B\"\ntags: [pain, nerves\nweight: 2\n"),
            "Content/en/a.md:4:20: error: front matter: the list opened with [ is not closed: end it with ] on "
                + "the same line: tags: [pain, nerves]")
        XCTAssertEqual(
            first("title: \"A\"\ndescription: \"B, and C\n"),
            "Content/en/a.md:3:23: error: front matter: the text opened with \" is not closed: end it with \" on "
                + "the same line: description: \"B, and C\"")
        XCTAssertEqual(
            first("title: \"A\"\ndescription: \"B\"\nreferences:\n  a: { title: \"T\", authors: \"A\"\nweight: 2\n"),
            "Content/en/a.md:5:32: error: front matter: the mapping opened with { is not closed: end it with } "
                + "on the same line: a: { title: \"T\", authors: \"A\"}")
        XCTAssertEqual(
            first("title: \"A\"\ndescription: \"B\"\nreferences:\n  a:\n    title: \"T\"\n   authors: \"A\"\n"),
            "Content/en/a.md:7:4: error: front matter: this line is indented by 3 spaces, which lines it up with no "
                + "key above it; indent it by 4 spaces, like 'title' on line 6:     authors: \"A\"")
    }

    func testFrontMatterNotClosed() {
        XCTAssertEqual(
            messages(load(["tens.md": "---\ntitle: x\ndescription: y\n\nBody\n"])),
            ["Content/en/tens.md:1:1: error: front matter is not closed: add a '---' line after it"])
    }

    func testNoFrontMatterAndEmptyFile() {
        XCTAssertEqual(
            messages(load(["a.md": "Just text\n"])),
            ["Content/en/a.md:1:1: error: front matter: the file must start with a '---' line"])
        XCTAssertEqual(
            messages(load(["b.md": ""])),
            ["Content/en/b.md:1:1: error: file is empty: a page starts with front matter between '---' lines"])
    }

    func testUnknownKeyWarnsWithSuggestion() {
        XCTAssertEqual(
            messages(load(["a.md": MinimalSite.page(extra: "wieght: 3\n")])),
            ["Content/en/a.md:4:1: warning: front matter: unknown key 'wieght' is ignored (did you mean 'weight'?)"])
    }

    func testWrongTypes() {
        let result = messages(
            load(["a.md": MinimalSite.page(extra: "weight: heavy\ndraft: maybe\nrelated: {a: b}\n")]))
        XCTAssertEqual(
            result,
            [
                "Content/en/a.md:4:9: error: front matter: 'weight' must be a whole number",
                "Content/en/a.md:5:8: error: front matter: 'draft' must be true or false",
                "Content/en/a.md:6:10: error: front matter: 'related' must be a list, not 'name: value' lines: write "
                    + "related: [first, second], or one '- item' line per item",
            ])
    }

    /// libyaml's words ("found character that cannot start any token") become the mistake and its fix.
    func testYAMLMistakesAreNamedWithTheirFix() {
        func first(_ frontMatter: String) -> String {
            messages(load(["a.md": "---\n\(frontMatter)---\n\nBody.\n"])).first ?? ""
        }
        XCTAssertEqual(
            first("title: \"A\"\ndescription: \"B\"\nrelated:\n\t- hub\n"),
            "Content/en/a.md:5:1: error: front matter: a tab is used for indentation; YAML needs spaces: replace "
                + "the tab with spaces")
        XCTAssertEqual(
            first("title: TENS: a \"plain\" guide\ndescription: \"B\"\n"),
            "Content/en/a.md:2:12: error: front matter: the value of 'title' contains ': ', which YAML reads as "
                + "another key; put the value in quotes: title: \"TENS: a \\\"plain\\\" guide\"")
        XCTAssertEqual(
            first("title: \"A\"\ndescription: \"B\"\nweight: 2\ntitle: \"Again\"\n"),
            "Content/en/a.md:5:1: error: front matter: 'title' is written twice; keep one (each key may appear once)",
            "at the duplicate, not at the first")
        XCTAssertEqual(
            first("title: \"A\"\ndescription:\n  - one\n  - two\n"),
            "Content/en/a.md:4:3: error: front matter: 'description' must be one text, not a list: write "
                + "description: \"…\" on one line")
    }

    func testSlugAndIDCannotEscapeTheOutputFolder() {
        let result = messages(
            load([
                "a.md": MinimalSite.page(extra: "slug: \"../../etc\"\n"),
                "b.md": MinimalSite.page(extra: "id: \"../x\"\n"),
                "c.md": MinimalSite.page(extra: "slug: \"a/b\"\n"),
            ]))
        XCTAssertEqual(result.count, 3, "\(result)")
        XCTAssertTrue(result[0].hasPrefix("Content/en/a.md:4:7: error: front matter: 'slug' '../../etc'"), result[0])
        XCTAssertTrue(
            result[1].hasPrefix("Content/en/b.md:4:5: error: front matter: 'id' '..' must not start with '.'"),
            result[1])
        XCTAssertTrue(result[2].contains("must be one URL segment"), result[2])
    }

    func testYAMLAliasBombIsRefused() {
        var yaml = "---\ntitle: t\ndescription: d\na0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<12 {
            yaml +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
                + "]\n"
        }
        yaml += "---\n"
        XCTAssertEqual(
            messages(load(["bomb.md": yaml])),
            [
                "Content/en/bomb.md:2:1: error: front matter: its aliases ('*name') expand to more than 10000 values, "
                    + "past the alias budget (one value per byte of the text, at least 10000: values written out "
                    + "never reach it); write the values out instead of repeating them"
            ])
    }

    func testDraftsAreExcludedUnlessAsked() throws {
        let pages = ["draft.md": MinimalSite.page(extra: "draft: true\n"), "live.md": MinimalSite.page()]
        XCTAssertEqual(try load(pages).get().pages.map(\.relativePath), ["live.md"])
        XCTAssertEqual(
            try load(pages, drafts: true).get().pages.map(\.relativePath).sorted(), ["draft.md", "live.md"])
    }
}
