import TemplateRecords
import XCTest

final class RecordParserTests: XCTestCase {
    private let links = """
        /// A link.
        record LinkValue "links"
            /// The page's title.
            title: String
            // A note for the reader of the file, not the guide.
            /// The page's description,
            /// if it has one.
            description: String?
            /// Whether it is a section.
            isSection: Bool
            /// Its tags.
            tags: [String]
            /// Its children.
            children: [LinkValue]
            /// Its parent.
            parent: LinkValue? = nil
            /// How deep it is.
            depth: Int
            /// Its structured data.
            jsonLD: String? as html
            /// Its body.
            content: PageBody as writer
            /// Every string, by key.
            strings: KeyedValues as keyed(KeySpace.strings, text)
            /// Whether it has children.
            hasChildren: Bool { !children.isEmpty }
        """

    func testEachFieldTakesItsKindFromItsTypeOrItsAsClause() throws {
        let file = try RecordParser.parse(links, path: "Links.records")
        let record = try XCTUnwrap(file.declarations.first)
        XCTAssertEqual(record.kind, .record(displayName: "links"))
        XCTAssertEqual(record.documentation, ["A link."])
        XCTAssertEqual(
            record.fields.map(\.row),
            [
                .text, .optionalText, .flag, .texts, .list, .optionalObject, .number, .optionalHTML, .writer,
                .keyed(space: "KeySpace.strings", value: "text"), .flag,
            ])
        XCTAssertEqual(record.fields[1].documentation, ["The page's description,", "if it has one."])
        XCTAssertEqual(record.fields[5].value, .stored(defaultValue: "nil"))
        XCTAssertEqual(record.fields[10].value, .computed("!children.isEmpty"))
        XCTAssertEqual(record.fields[10].line, 26)
    }

    func testAFieldWithoutAGuideLineIsAnErrorAtItsLine() {
        let text = "record TocEntry \"entries\"\n    /// The heading.\n    text: String\n    anchor: String\n"
        XCTAssertThrowsError(try RecordParser.parse(text, path: "Toc.records")) { error in
            XCTAssertEqual(
                "\(error)",
                "Toc.records:4:5: error: 'anchor' needs a `///` line above it: the template guide shows it")
        }
    }

    func testATypeTemplatesCannotReadIsAnErrorThatSaysWhatTheyCan() {
        let text = "record TocEntry \"entries\"\n    /// Its levels.\n    levels: [Int]\n"
        XCTAssertThrowsError(try RecordParser.parse(text, path: "Toc.records")) { error in
            XCTAssertTrue("\(error)".hasPrefix("Toc.records:3:5: error: templates cannot read a '[Int]'"), "\(error)")
        }
    }

    func testAnUnknownKindIsAnError() {
        let text = "record TocEntry \"entries\"\n    /// Its HTML.\n    html: String as markup\n"
        XCTAssertThrowsError(try RecordParser.parse(text, path: "Toc.records")) { error in
            XCTAssertTrue("\(error)".hasPrefix("Toc.records:3:5: error: 'String as markup' is not a kind"), "\(error)")
        }
    }

    func testADocCommentAboveNothingIsAnError() {
        let text = "record TocEntry \"entries\"\n    /// Forgotten.\n\n    /// The text.\n    text: String\n"
        XCTAssertThrowsError(try RecordParser.parse(text, path: "Toc.records")) { error in
            XCTAssertEqual(
                "\(error)",
                "Toc.records:2:1: error: a `///` comment must stand right above the field or type it describes")
        }
    }

    func testAFieldOutsideARecordIsAnError() {
        XCTAssertThrowsError(try RecordParser.parse("    /// The text.\n    text: String\n", path: "A.records")) {
            XCTAssertEqual("\($0)", "A.records:2:5: error: a field must follow a `record` or `struct` line")
        }
    }
}
