import XCTest

@testable import SiteRenderer
@testable import TemplateEngine

/// template-records writes each record's `templateField(_:)` and `writeTemplateField(_:escaped:into:)`
/// as `switch`es, apart from its rows: what a template reads or writes by index must be what the row
/// of that index (its name and shape, which the compiler checked) reads.
final class GeneratedFieldReadTests: XCTestCase {
    private let link = LinkValue(
        title: "TENS", url: "/en/tens/", description: "Pads on the skin", isSection: false, fallbackLang: "en",
        lang: "es", otherLanguage: "English")
    private let bareLink = LinkValue(
        title: "PNT", url: "/en/pnt/", description: nil, isSection: true, fallbackLang: nil)

    func testEveryFieldOfALinkReadsAsItsRow() {
        assertReadsMatchRows(link)
        assertReadsMatchRows(bareLink)
        // Text that `{{…}}` escapes, and `{{{…}}}` does not.
        assertReadsMatchRows(
            LinkValue(
                title: "Heat & \"cold\" <packs>", url: "/en/it's/", description: "a < b", isSection: false,
                fallbackLang: nil))
    }

    func testFlagsTextsAndNestedValuesReadAsTheirRows() {
        assertReadsMatchRows(
            TranslationValue(
                tag: "ar", name: "العربية", dir: "rtl", url: "/ar/", absoluteURL: "https://example.org/ar/",
                isCurrent: true, isDefault: false, isFallback: true, hreflang: "en"))
        assertReadsMatchRows(TopicGroup(isTopLevel: false, section: link, topics: [link, bareLink], seeAll: nil))
        assertReadsMatchRows(TopicGroup(isTopLevel: true, topics: []))
        let page = PageNumberLink(text: "2", url: "/en/tens/page/2/", label: "Page 2", isCurrent: false, isGap: false)
        assertReadsMatchRows(Pagination(label: "Page 1 of 2", navLabel: "Pages", next: page, pages: [page]))
    }

    /// Every index, one past the last included (no field: nothing).
    private func assertReadsMatchRows<Value: TemplateObject>(
        _ value: Value, file: StaticString = #filePath, line: UInt = #line
    ) {
        let fields = Value.templateFields.fields
        XCTAssertFalse(fields.isEmpty, file: file, line: line)
        for (index, field) in fields.enumerated() {
            XCTAssertEqual(
                Self.describe(value.templateField(index)), Self.describe(field.read(value)),
                "\(Value.self).\(field.name)", file: file, line: line)
        }
        XCTAssertEqual(Self.describe(value.templateField(fields.count)), "none", file: file, line: line)
        // Written in place, each field is what its value, read by its row, writes: escaped or not.
        for (index, field) in fields.enumerated() {
            for escaped in [true, false] {
                var inPlace = HTMLOutput()
                value.writeTemplateField(index, escaped: escaped, into: &inPlace)
                var written = HTMLOutput()
                field.read(value).write(escaped: escaped, into: &written)
                XCTAssertEqual(
                    inPlace.text, written.text, "\(Value.self).\(field.name), escaped: \(escaped)", file: file,
                    line: line)
            }
        }
    }

    /// A value as a template would use it: its case and contents, objects by identity.
    private static func describe(_ data: TemplateData) -> String {
        switch data {
        case .none: "none"
        case .bool(let flag): "bool \(flag)"
        case .integer(let number): "integer \(number)"
        case .text(let text): "text \(text)"
        case .html(let html): "html \(html)"
        case .writer(let writer):
            {
                var output = HTMLOutput()
                writer.write(into: &output)
                return "writer \(output.text)"
            }()
        case .object(let object): "object \(ObjectIdentifier(object))"
        case .list(let list):
            "list [" + (0..<list.templateCount).map { describe(list.templateElement($0)) }.joined(separator: ", ")
                + "]"
        }
    }
}
