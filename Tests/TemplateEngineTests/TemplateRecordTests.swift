import TemplateEngine
import XCTest

/// Records: fields declared once as stored properties, read through their box.
final class TemplateRecordTests: XCTestCase {
    struct Author: TemplateRecord {
        var name: String
        static let templateFields = TemplateFields<TemplateBox<Author>>([.text("name", "") { $0.value.name }])
    }

    struct Article: TemplateRecord {
        static let templateName = "articles"
        var title: String
        @Boxed var author: Author
        @BoxedOptional var editor: Author? = nil
        @BoxedList var reviewers: [Author]

        static let templateFields = TemplateFields<TemplateBox<Article>>([
            .text("title", "") { $0.value.title },
            .object("author", "") { $0.value.$author },
            .optionalObject("editor", "") { $0.value.$editor },
            .list("reviewers", "") { $0.value.$reviewers },
        ])
    }

    func testARecordRendersThroughItsBoxedFields() throws {
        let page = "{{title}} by {{author.name}}{{#editor}}, ed. {{name}}{{/editor}}:"
        let (library, errors) = TemplateLibrary.parse(["page": page + "{{#reviewers}} {{name}}{{/reviewers}}"])
        XCTAssertEqual(errors, [])
        let template = try library.compile("page", for: .object(.of(Article.self))).get()
        var article = Article(
            title: "TENS", author: Author(name: "Ann"), reviewers: [Author(name: "Bo"), Author(name: "Cy")])
        article.editor = Author(name: "Di")
        var output = HTMLOutput()
        template.render(article, into: &output)
        XCTAssertEqual(output.text, "TENS by Ann, ed. Di: Bo Cy")
    }

    func testARecordsShapeNamesItsFieldsAndType() {
        let shape = ObjectShape.of(Article.self)
        XCTAssertEqual(shape.fields.map(\.name), ["title", "author", "editor", "reviewers"])
        XCTAssertEqual(shape.displayName, "articles")
        XCTAssertEqual(ObjectShape.of(Author.self).displayName, "Author")
    }
}
