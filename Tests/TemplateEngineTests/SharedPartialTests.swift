import TemplateEngine
import XCTest

/// Partials every kind of page includes see only what every kind shares.
final class SharedPartialTests: XCTestCase {
    final class Shared: TemplateObject {
        static let templateName = "every page"
        let title: String
        init(title: String) { self.title = title }
        static let templateFields = TemplateFields<Shared>([.text("title", "") { $0.title }])
    }

    /// A kind of page with a field of its own besides the shared title.
    final class Article: TemplateObject {
        static let templateName = "articles"
        let title: String
        let byline: String
        init(title: String, byline: String) { (self.title, self.byline) = (title, byline) }
        static let templateFields = TemplateFields<Article>([
            .text("title", "") { $0.title }, .text("byline", "") { $0.byline },
        ])
    }

    private let shared = SharedPartials(names: ["head"], shape: .object(.of(Shared.self))) { root in
        guard case .object(let article as Article) = root else { return .none }
        return .object(Shared(title: "shared " + article.title))
    }

    private func compile(_ templates: [String: String]) -> Result<CompiledTemplate, TemplateFailure> {
        let parsed = TemplateLibrary.parse(templates)
        XCTAssertEqual(parsed.errors, [])
        return parsed.library.compile("page", for: .object(.of(Article.self)), shared: shared)
    }

    func testASharedPartialReadsTheSharedValuesAndArgumentsTheirOwnTemplates() throws {
        let template = try compile([
            "page": "{{<base}}{{$by}}{{byline}} on {{title}}{{/by}}{{/base}}",
            "base": "{{title}}: {{> head}}",
            "head": "<title>{{title}}</title>{{$by}}{{/by}}",
        ]).get()
        var output = HTMLOutput()
        template.render(Article(title: "TENS", byline: "Ann"), into: &output)
        XCTAssertEqual(output.text, "TENS: <title>shared TENS</title>Ann on shared TENS")
    }

    func testANameOnlyOneKindHasIsAnErrorInTheSharedPartial() {
        guard case .failure(let failure) = compile(["page": "{{> head}}", "head": "{{title}} {{byline}}"]) else {
            return XCTFail("compiled")
        }
        XCTAssertEqual(
            failure.errors.map { "\($0.template):\($0.position.line):\($0.position.column): \($0.message)" },
            ["head:1:11: 'byline' is not a value of every page"])
    }
}
