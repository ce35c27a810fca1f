import TemplateEngine
import XCTest

/// Typed values: names and kinds checked when a template is compiled.
final class TypedTemplateTests: XCTestCase {
    final class Author: TemplateObject {
        let name: String
        init(name: String) { self.name = name }
        static let templateFields = TemplateFields<Author>([.text("name", "The author's name.") { $0.name }])
    }

    final class Article: TemplateObject {
        static let templateName = "articles"
        let title: String
        let body: String
        let tags: [String]
        let authors: [Author]
        let editor: Author?
        let isDraft: Bool
        let words: Int

        init(
            title: String, body: String, tags: [String], authors: [Author], editor: Author?, isDraft: Bool, words: Int
        ) {
            (self.title, self.body, self.tags, self.authors, self.editor, self.isDraft, self.words) = (
                title, body, tags, authors, editor, isDraft, words
            )
        }

        static let templateFields = TemplateFields<Article>([
            .text("title", "") { $0.title },
            .html("body", "") { $0.body },
            .texts("tags", "") { $0.tags },
            .list("authors", "") { $0.authors },
            .optionalObject("editor", "") { $0.editor },
            .flag("isDraft", "") { $0.isDraft },
            .number("words", "") { $0.words },
            .keyed("strings", "", space: "strings", value: .text) { _ in Strings() },
        ])
    }

    final class Strings: TemplateObject {
        static let templateFields = TemplateFields<Strings>([])
        private let values = ["by": "by", "draft": "Draft <1>"]
        func templateField(slot: Int) -> TemplateData { .text(values[KeySlots.order(Set(values.keys))[slot]]!) }
    }

    private let article = Article(
        title: "Tom & \"Jerry's\" <pads>", body: "<p>Body</p>", tags: ["a", "b"],
        authors: [Author(name: "Ann"), Author(name: "Bo")], editor: nil, isDraft: true, words: 42
    )

    private func compile(_ templates: [String: String], _ name: String = "page") -> Result<
        CompiledTemplate, TemplateFailure
    > {
        let parsed = TemplateLibrary.parse(templates)
        XCTAssertEqual(parsed.errors, [])
        return parsed.library.compile(name, for: .object(.of(Article.self)), keys: ["strings": ["by", "draft"]])
    }

    private func render(_ templates: [String: String]) throws -> String {
        let template = try compile(templates).get()
        var output = HTMLOutput()
        template.render(article, into: &output)
        return output.text
    }

    private func errors(_ templates: [String: String]) -> [String] {
        guard case .failure(let failure) = compile(templates) else { return [] }
        return failure.errors.map { "\($0.template):\($0.position.line):\($0.position.column): \($0.message)" }
    }

    func testTypedValuesRenderWithEscapingOnBytes() throws {
        let page = """
            <h1>{{title}}</h1>{{{body}}}
            {{#isDraft}}<b>{{strings.draft}}</b>{{/isDraft}}
            {{#authors}}{{strings.by}} {{name}}{{#editor}}!{{/editor}};{{/authors}}
            {{^editor}}no editor of {{words}} words{{/editor}} {{editor.name}}|{{#tags}}[{{.}}]{{/tags}} {{words}}
            {{> footer}}
            """
        XCTAssertEqual(
            try render(["page": page, "footer": "<p>{{title}}</p>"]),
            """
            <h1>Tom &amp; &quot;Jerry&#39;s&quot; &lt;pads&gt;</h1><p>Body</p>
            <b>Draft &lt;1&gt;</b>
            by Ann;by Bo;
            no editor of 42 words |[a][b] 42
            <p>Tom &amp; &quot;Jerry&#39;s&quot; &lt;pads&gt;</p>
            """)
    }

    func testUnknownNamesAreErrorsAtTheirPositionWithASuggestion() {
        XCTAssertEqual(
            errors(["page": "<h1>\n  {{titel}} {{editor.nmae}}\n{{#authors}}{{nam}}{{/authors}} {{strings.bye}}"]),
            [
                "page:2:3: 'titel' is not a value of articles (did you mean 'title'?)",
                "page:2:13: 'editor.nmae' is not a value of articles (did you mean 'editor.name'?)",
                "page:3:13: 'nam' is not a value of Author or articles (did you mean 'name'?)",
                "page:3:33: 'strings.bye' is not defined: no strings has the key 'bye' (did you mean 'strings.by'?)",
            ])
    }

    /// `has<List>` beside every list: a wrapper once around a non-empty list, nothing around an empty one.
    func testEveryListHasAFlagThatItIsNotEmpty() throws {
        let page =
            "{{#hasTags}}<ul>{{#tags}}<li>{{.}}</li>{{/tags}}</ul>{{/hasTags}}{{^hasAuthors}}none{{/hasAuthors}}"
        XCTAssertEqual(try render(["page": page]), "<ul><li>a</li><li>b</li></ul>")
        let template = try compile(["page": page]).get()
        var output = HTMLOutput()
        template.render(
            Article(title: "", body: "", tags: [], authors: [], editor: nil, isDraft: false, words: 0), into: &output)
        XCTAssertEqual(output.text, "none")
        XCTAssertEqual(
            errors(["page": "{{#hasTitle}}x{{/hasTitle}}{{#editor.hasName}}{{/editor.hasName}}"]),
            [
                "page:1:1: 'hasTitle' is not a value of articles",
                "page:1:28: 'editor.hasName' is not a value of articles (did you mean 'editor.name'?)",
            ], "only lists have one")
    }

    func testAKeyNoSpaceHasSaysHowToDefineIt() {
        let library = TemplateLibrary.parse(["page": "{{strings.tagsTitle}}"]).library
        let result = library.compile(
            "page", for: .object(.of(Article.self)), keys: ["strings": ["by"]],
            keyAdvice: ["strings": { "add `\($0): \"…\"` under `strings:` in Content/en/locale.yml" }])
        guard case .failure(let failure) = result else { return XCTFail("compiled") }
        XCTAssertEqual(
            failure.errors.map(\.message),
            [
                "'strings.tagsTitle' is not defined: no strings has the key 'tagsTitle'; add `tagsTitle: \"…\"` "
                    + "under `strings:` in Content/en/locale.yml"
            ])
    }

    func testAMistakeInAPartialNamesTheTemplatesThatIncludeIt() {
        let library = TemplateLibrary.parse([
            "page": "{{<base}}{{/base}}", "base": "<body>\n  {{> tags}}</body>", "tags": "{{nope}}",
        ]).library
        guard case .failure(let failure) = library.compile("page", for: .object(.of(Article.self))) else {
            return XCTFail("compiled")
        }
        XCTAssertEqual(failure.errors.map(\.template), ["tags"])
        XCTAssertEqual(
            failure.errors.first?.includedFrom,
            [
                TemplateInclusion(template: "page", position: TemplatePosition(line: 1, column: 1)),
                TemplateInclusion(template: "base", position: TemplatePosition(line: 2, column: 3)),
            ])
    }

    func testKindsAreChecked() {
        XCTAssertEqual(
            errors(["page": "{{#title}}x{{/title}}{{{title}}}{{body}}{{authors}}{{^words}}{{/words}}"]),
            [
                "page:1:1: 'title' is text, not a list, a flag or an optional value: {{#title}} cannot test it",
                "page:1:22: 'title' is text: {{{title}}} would insert it unescaped; write {{title}}",
                "page:1:33: 'body' is HTML: write {{{body}}} to insert it as HTML",
                "page:1:41: 'authors' is list of Author, which cannot be printed; use it as a section: "
                    + "{{#authors}}…{{/authors}}",
                "page:1:52: 'words' is number, not a list, a flag or an optional value: {{^words}} cannot test it",
            ])
    }

    func testMissingPartialsAndParentsAreErrorsInThePartialThatNamesThem() {
        XCTAssertEqual(
            errors(["page": "{{> footer}}", "footer": "\n{{> foter}}{{<bsae}}{{/bsae}}", "base": ""]),
            [
                "footer:2:1: partial 'foter' does not exist (did you mean 'footer'?)",
                "footer:2:12: partial 'bsae' does not exist (did you mean 'base'?)",
            ])
    }

    func testUnclosedAndMismatchedTagsAreParseErrors() {
        let cases: [(String, String)] = [
            ("a\n{{#authors}}\nb", "2:1: 'authors' is opened here but never closed"),
            ("{{#authors}}{{/tags}}", "1:13: 'tags' is closed here, but 'authors' (opened at 1:1) is still open"),
            ("x {{/tags}}", "1:3: 'tags' is closed but was never opened"),
            ("ok\n  {{title", "2:3: tag is not closed: expected '}}'"),
            ("{{{title}}", "1:1: tag is not closed: expected '}}}'"),
            ("x\n {{=<% %>=}}<%title%>", "2:2: set-delimiter tags ({{=…=}}) are not supported"),
        ]
        for (text, expected) in cases {
            let errors = TemplateLibrary.parse(["page": text]).errors
            XCTAssertEqual(errors.map { "\($0.position.line):\($0.position.column): \($0.message)" }, [expected], text)
        }
    }

    func testPartialsIncludingEachOtherAreAnErrorNotAHang() {
        let messages = errors(["page": "{{> a}}", "a": "{{> b}}", "b": "{{> a}}"])
        XCTAssertEqual(messages.count, 1, "\(messages)")
        XCTAssertTrue(messages.first?.contains("templates include each other without end") ?? false, "\(messages)")
    }
}
