import Foundation
import XCTest
import XLIFF

final class XLIFFTests: XCTestCase {
    static let document = XLIFFDocument(files: [
        XLIFFFile(
            original: "therapies/tens.md", sourceLanguage: "en", targetLanguage: "fr", datatype: "x-markdown",
            pageID: "tens", digest: "de3dd51d6ba3",
            units: [
                XLIFFUnit(
                    id: "p1",
                    source: [
                        .text("See "), .start(id: "1", ctype: "link"), .term("TENS"), .end(id: "1"),
                        .text(" <now> & "),
                        .placeholder(id: "2", ctype: "x-citation", token: "{2}"),
                    ],
                    target: [
                        .start(id: "1", ctype: "link"), .text("Voir"), .end(id: "1"),
                        .placeholder(id: "2", ctype: "x-citation", token: "{2}"),
                    ],
                    state: "needs-review-translation", location: "therapies/tens.md@de3dd51d6ba3#p1",
                    note: "Paragraph."),
                XLIFFUnit(id: "title", source: [.text("TENS")]),
            ]),
        XLIFFFile(
            original: "locale.yml", sourceLanguage: "en", targetLanguage: "fr", datatype: "plaintext",
            units: [XLIFFUnit(id: "home", source: [.text("Home")], location: "locale.yml#home")]),
    ])

    private func read(_ text: String) throws -> XLIFFDocument {
        try XLIFFReader.read(Data(text.utf8))
    }

    private func readError(_ text: String) -> XLIFFReadError? {
        do {
            _ = try XLIFFReader.read(Data(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    func testWhatIsWrittenReadsBackTheSame() throws {
        var written = try read(XLIFFWriter.write(Self.document))
        for file in written.files.indices {
            written.files[file].line = 0
            for unit in written.files[file].units.indices { written.files[file].units[unit].line = 0 }
        }
        XCTAssertEqual(written, Self.document)
    }

    func testCodesCarryTokensAndTextIsEscaped() {
        let xml = XLIFFWriter.write(Self.document)
        XCTAssertTrue(
            xml.contains(#"<bpt id="1" ctype="link">{1}</bpt><mrk mtype="term">TENS</mrk><ept id="1">{/1}</ept>"#))
        XCTAssertTrue(xml.contains(" &lt;now&gt; &amp; "))
        XCTAssertTrue(xml.contains(#"build-num="de3dd51d6ba3""#))
        XCTAssertTrue(xml.contains(#"<group id="page" resname="tens" restype="x-spinesite-page">"#))
        XCTAssertFalse(
            XLIFFWriter.write(XLIFFDocument(files: [file(units: [unit("\u{1}x\u{FFFF}")])])).contains("\u{1}"))
    }

    private func file(units: [XLIFFUnit]) -> XLIFFFile {
        XLIFFFile(original: "a.md", sourceLanguage: "en", targetLanguage: "fr", datatype: "x-markdown", units: units)
    }

    private func unit(_ text: String) -> XLIFFUnit { XLIFFUnit(id: "p1", source: [.text(text)]) }

    /// What CAT tools write instead: `<g>`, `<x/>`, nested `<sub>`, `<mrk>` comments, `<alt-trans>`.
    func testReadsTheInlineFormsOtherToolsWrite() throws {
        let document = try read(
            """
            <?xml version="1.0"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
            <file original="a.md" source-language="en" target-language="fr" datatype="x-markdown"><body>
            <trans-unit id="p1"><source>a</source>
            <target><g id="1" ctype="bold">Gras <mrk mtype="x-comment">mot</mrk></g><x id="2"/>\
            <ph id="3">{3}<sub>ignored</sub></ph></target>
            <alt-trans><source>old</source><target>vieux</target></alt-trans>
            </trans-unit></body></file></xliff>
            """)
        XCTAssertEqual(
            document.files[0].units[0].target,
            [
                .start(id: "1", ctype: "bold"), .text("Gras mot"), .end(id: "1"),
                .placeholder(id: "2", ctype: nil, token: ""), .placeholder(id: "3", ctype: nil, token: "{3}ignored"),
            ])
    }

    func testMalformedXMLIsRefusedWithItsPlace() {
        let error = readError(
            """
            <?xml version="1.0"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
            <file original="a.md"><body><trans-unit id="p1"><source>a</target>
            """)
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.message.hasPrefix("not well-formed XML") == true, error?.message ?? "no error")
        XCTAssertTrue(readError("<html><body/></html>")?.message.contains("not an XLIFF") == true)
        XCTAssertNotNil(readError(""))
    }

    /// Billion laughs: refused before any entity is expanded, so memory stays what the file is.
    func testEntityDeclarationsAreRefusedBeforeParsing() {
        var lol = "<!DOCTYPE xliff [\n<!ENTITY l0 \"lol\">\n"
        for level in 1...9 {
            lol += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">\n"
        }
        lol += "]>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">&l9;</xliff>"
        let error = readError("<?xml version=\"1.0\"?>\n" + lol)
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.contains("entity") == true)
        XCTAssertNotNil(readError("<?xml version=\"1.0\"?><!doctype xliff SYSTEM \"file:///etc/passwd\"><xliff/>"))
    }

    /// A document with an entity in a target, in `encoding`: what a UTF-16 export of a CAT tool holds.
    private func entityDocument(declaring encoding: String) -> String {
        """
        <?xml version="1.0" encoding="\(encoding)"?>
        <!DOCTYPE xliff [<!ENTITY e "entity">]>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
        <file original="a.md" source-language="en" target-language="fr" datatype="x-markdown"><body>
        <trans-unit id="title"><source>Title</source><target>Titre &e;</target></trans-unit>
        </body></file></xliff>
        """
    }

    private func readError(_ data: Data) -> XLIFFReadError? {
        do {
            _ = try XLIFFReader.read(data)
            return nil
        } catch {
            return error
        }
    }

    /// `<?x?>` crashed the import (Foundation hands libxml2's null data pointer to strlen): a
    /// processing instruction is refused at its place before the parser sees it.
    func testAProcessingInstructionIsRefusedNotACrash() throws {
        let written = XLIFFWriter.write(Self.document)
        let declarationEnd = try XCTUnwrap(written.range(of: "?>")).upperBound
        for instruction in ["<?x?>", "<?xml-stylesheet href=\"a.css\"?>", "<?pi data?>"] {
            var text = written
            text.insert(contentsOf: "\n" + instruction, at: declarationEnd)
            let error = try XCTUnwrap(readError(Data(text.utf8)), instruction)
            XCTAssertEqual([error.line, error.column], [2, 1], error.message)
            XCTAssertTrue(error.message.hasPrefix("a processing instruction (<?…?>) is not part of XLIFF"))
        }
        XCTAssertNil(readError(Data(written.utf8)), "the XML declaration itself is fine")
        XCTAssertNil(readError(Data(("\u{FEFF}" + written).utf8)), "also after a byte order mark")
    }

    /// UTF-16 used to get past the DOCTYPE check (which reads bytes as UTF-8) and lose its entity:
    /// any encoding but UTF-8 is refused before anything else, saying how to fix it.
    func testEncodingsOtherThanUTF8AreRefusedFirst() throws {
        let utf16 = entityDocument(declaring: "UTF-16")
        let cases: [(data: Data, column: Int, expected: String)] = [
            (Data([0xFF, 0xFE]) + utf16.data(using: .utf16LittleEndian)!, 1, "the file is UTF-16LE, not UTF-8"),
            (Data([0xFE, 0xFF]) + utf16.data(using: .utf16BigEndian)!, 1, "the file is UTF-16BE, not UTF-8"),
            (utf16.data(using: .utf16LittleEndian)!, 1, "the file is UTF-16LE, not UTF-8"),
            (utf16.data(using: .utf32BigEndian)!, 1, "the file is UTF-32BE, not UTF-8"),
            (Data(utf16.utf8), 31, #"the XML declaration says encoding="UTF-16""#),
            (Data(entityDocument(declaring: "ISO-8859-1").utf8), 31, #"says encoding="ISO-8859-1""#),
        ]
        for (data, column, expected) in cases {
            let error = try XCTUnwrap(readError(data), expected)
            XCTAssertEqual([error.line, error.column], [1, column], error.message)
            XCTAssertTrue(error.message.contains(expected), error.message)
            XCTAssertTrue(error.message.contains("save the file as UTF-8"), error.message)
        }
        var latin1 = Data(XLIFFWriter.write(Self.document).utf8)
        let place = try XCTUnwrap(latin1.firstRange(of: Data("Voir".utf8)))
        latin1.replaceSubrange(place, with: Data([0x56, 0xE9, 0x72]))  // "Vér" in ISO-8859-1
        let error = try XCTUnwrap(readError(latin1))
        let before = latin1[..<(place.lowerBound + 1)]
        XCTAssertEqual(error.line, before.filter { $0 == 0x0A }.count + 1)
        XCTAssertEqual(error.column, before.count - (before.lastIndex(of: 0x0A) ?? -1), "the column of é")
        XCTAssertTrue(error.message.hasPrefix("byte 0xE9 is not UTF-8"), error.message)
        let marked = Data([0xEF, 0xBB, 0xBF]) + Data(XLIFFWriter.write(Self.document).utf8)
        XCTAssertEqual(try XLIFFReader.read(marked).files.count, 2, "UTF-8 with a byte order mark is UTF-8")
    }

    /// An `fr` export relabelled `target-language="es"` would import French into Content/es.
    func testATargetInAnotherLanguageThanItsFileIsRefused() throws {
        let relabelled = XLIFFWriter.write(Self.document).replacingOccurrences(
            of: #"target-language="fr""#, with: #"target-language="es""#)
        let error = try XCTUnwrap(readError(relabelled))
        let lines = relabelled.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(error.line, try XCTUnwrap(lines.firstIndex { $0.contains("<target") }) + 1)
        XCTAssertTrue(
            error.message.hasPrefix(#"<target xml:lang="fr"> disagrees with target-language="es" of its <file>"#),
            error.message)
        let regional = XLIFFWriter.write(Self.document).replacingOccurrences(
            of: #"xml:lang="fr""#, with: #"xml:lang="fr-FR""#)
        XCTAssertEqual(try read(regional).files[0].units[0].target?.plainText, "Voir", "fr-FR is French")
    }

    func testFilesOverTheLimitAreRefusedUnread() {
        let error = readError(String(repeating: " ", count: XLIFFReader.maximumBytes + 1))
        XCTAssertTrue(error?.message.contains("MB") == true, error?.message ?? "")
    }

    func testThePOHeaderUnitIsNotAUnit() throws {
        let document = try read(
            """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">
            <file original="fr.po" source-language="en-US" datatype="po"><body>
            <trans-unit id="1" restype="x-gettext-domain-header"><source>Project-Id-Version: x</source></trans-unit>
            <trans-unit id="2"><source>a</source><target state="translated">b</target>
            <context-group name="po-reference" purpose="location">\
            <context context-type="sourcefile">a.md@0123456789ab#p1</context></context-group></trans-unit>
            </body></file></xliff>
            """)
        XCTAssertEqual(document.files[0].units.map(\.id), ["2"])
        XCTAssertEqual(document.files[0].units[0].location, "a.md@0123456789ab#p1")
        XCTAssertEqual(document.files[0].targetLanguage, nil)
    }

    func testPseudoTranslationIsAccentedLongerAndBracketedAroundTheSameCodes() {
        let source: [XLIFFInline] = [
            .text("Read the "), .start(id: "1", ctype: "link"), .text("evidence"), .end(id: "1"), .text(" first."),
            .placeholder(id: "2", ctype: "x-citation", token: "{2}"),
        ]
        let pseudo = PseudoTranslation.translate(source)
        XCTAssertEqual(pseudo.first, .text("[Ŕééååđ ţĥéé "))
        XCTAssertEqual(
            pseudo.filter { if case .text = $0 { false } else { true } },
            source.filter { if case .text = $0 { false } else { true } })
        guard case .text(let last)? = pseudo.last else { return XCTFail("no closing text") }
        XCTAssertTrue(last.hasSuffix("]"))
        let plain = pseudo.plainText.dropFirst().dropLast()
        XCTAssertFalse(plain.contains { $0.isASCII && $0.isLetter })
        let growth = Double(plain.count) / Double(source.plainText.count) - 1
        XCTAssertEqual(growth, PseudoTranslation.growth, accuracy: 0.05)
        XCTAssertEqual(PseudoTranslation.translate([.text(".")]), [.text(".")], "a decimal separator is no text")
    }
}
