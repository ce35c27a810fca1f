import Foundation
import TemplateRecords
import XCTest

final class RecordEmitterTests: XCTestCase {
    private let frame = """
        /// What every page has.
        struct PageFrame
            /// The page in every language.
            translations: [TranslationValue] = []
            /// Whether there is more than one.
            hasTranslations: Bool { translations.count > 1 }
            embed locale: LocaleValues
        """
    private let pages = """
        record LocaleValues "every page"
            /// The page's language tag.
            lang: String
            /// Every text, by key.
            strings: KeyedValues as keyed(KeySpace.strings, text)

        record HomePage "home pages"
            /// The "page" itself.
            page: ContentPageValue
            embed frame: PageFrame
        """

    private func swift(_ texts: [(String, String)]) throws -> [String] {
        let files = try texts.map { text, path in try RecordParser.parse(text, path: path) }
        let emitter = try RecordEmitter(files: files)
        return try files.map { try emitter.swift(for: $0) }
    }

    func testARecordIsAClassWithItsPropertiesInitialiserAndTemplateRows() throws {
        let code = try swift([(frame, "/site/Frame.records"), (pages, "/site/Pages.records")])
        XCTAssertTrue(code[1].contains("final class HomePage: TemplateObject, Sendable {\n"), code[1])
        XCTAssertTrue(code[1].contains("    let page: ContentPageValue\n"), code[1])
        XCTAssertTrue(
            code[1].contains("    init(\n        page: ContentPageValue,\n        frame: PageFrame\n    ) {"))
        XCTAssertTrue(code[1].contains("    static let templateName = \"home pages\"\n"))
        // Embedded fields are read through their path, in order, each as its own row.
        let rows = [
            #".object("page", "The \"page\" itself.") { $0.page },"#,
            #".list("translations", "The page in every language.") { $0.frame.translations },"#,
            #".flag("hasTranslations", "Whether there is more than one.") { $0.frame.hasTranslations },"#,
            #".text("lang", "The page's language tag.") { $0.frame.locale.lang },"#,
            #".keyed("strings", "Every text, by key.", space: KeySpace.strings, value: .text) {"#
                + #" $0.frame.locale.strings },"#,
        ]
        XCTAssertTrue(code[1].contains(rows.map { "        " + $0 + "\n" }.joined() + "    ])\n"), code[1])
    }

    /// The renderer reads a field by index through a `switch` in the rows' order, each value made
    /// as its row's kind makes it, through the same path.
    func testARecordReadsItsFieldsByIndexInTheRowsOrder() throws {
        let code = try swift([(frame, "/site/Frame.records"), (pages, "/site/Pages.records")])
        let reader = """
                func templateField(_ index: Int) -> TemplateData {
                    switch index {
                    case 0: FieldValue.object(self.page)
                    case 1: FieldValue.list(self.frame.translations)
                    case 2: FieldValue.flag(self.frame.hasTranslations)
                    case 3: FieldValue.text(self.frame.locale.lang)
                    case 4: FieldValue.keyed(self.frame.locale.strings)
                    default: .none
                    }
                }

            """
        XCTAssertTrue(code[1].contains(reader), code[1])
        XCTAssertFalse(code[0].contains("templateField"))
    }

    /// `{{…}}` of a field is written by the record in place, each field by its kind's writer; a list,
    /// an object and a key space write nothing, so they have no case.
    func testARecordWritesItsTextAndFlagsInPlace() throws {
        let code = try swift([(frame, "/site/Frame.records"), (pages, "/site/Pages.records")])
        let writer = """
                func writeTemplateField(_ index: Int, escaped: Bool, into output: inout HTMLOutput) {
                    switch index {
                    case 2: FieldValue.writeFlag(self.frame.hasTranslations, escaped: escaped, into: &output)
                    case 3: FieldValue.writeText(self.frame.locale.lang, escaped: escaped, into: &output)
                    default: break
                    }
                }

            """
        XCTAssertTrue(code[1].contains(writer), code[1])
        XCTAssertFalse(code[0].contains("writeTemplateField"))
    }

    func testAStructHasVariablesAndComputedProperties() throws {
        let code = try swift([(frame, "/site/Frame.records"), (pages, "/site/Pages.records")])
        XCTAssertTrue(code[0].contains("struct PageFrame: Sendable {\n"), code[0])
        XCTAssertTrue(code[0].contains("    var translations: [TranslationValue]\n"), code[0])
        XCTAssertTrue(code[0].contains("    var hasTranslations: Bool { translations.count > 1 }\n"), code[0])
        XCTAssertTrue(
            code[0].contains("        translations: [TranslationValue] = [],\n        locale: LocaleValues\n"))
        XCTAssertFalse(code[0].contains("templateFields"))
        // Compiler errors in the generated code point at the .records file.
        XCTAssertTrue(code[0].contains("#sourceLocation(file: \"/site/Frame.records\", line: 5)\n"), code[0])
    }

    func testEmbeddingAnUndeclaredTypeIsAnErrorAtTheField() throws {
        XCTAssertThrowsError(try swift([(pages, "/site/Pages.records")])) { error in
            XCTAssertEqual(
                "\(error)",
                "/site/Pages.records:10:5: error: 'PageFrame' is not declared in any .records file: `embed` needs its "
                    + "fields")
        }
    }

    func testTwoFieldsOfOneNameThroughEmbeddingAreAnError() throws {
        let clash = pages.replacingOccurrences(
            of: "/// The \"page\" itself.\n    page:", with: "/// Its language.\n    lang:")
        XCTAssertThrowsError(try swift([(frame, "/site/Frame.records"), (clash, "/site/Pages.records")])) { error in
            XCTAssertEqual(
                "\(error)",
                "/site/Pages.records:3:5: error: templates would see two fields named 'lang' (the other at "
                    + "/site/Pages.records:9)")
        }
    }

    func testATypeDeclaredInTwoFilesIsAnError() throws {
        XCTAssertThrowsError(try swift([(pages, "/a/Pages.records"), (pages, "/b/Pages.records")])) { error in
            XCTAssertEqual(
                "\(error)", "/b/Pages.records:1:1: error: 'LocaleValues' is already declared in /a/Pages.records:1")
        }
    }
}
