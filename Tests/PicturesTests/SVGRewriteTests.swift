import Foundation
import FoundationXML
import Pictures
import TestSupport
import XCTest

/// SVG files are rewritten, never copied: each bypass a security review found is reported where it
/// is, and the rewrite of it names nothing outside the picture; real illustrations come through whole.
final class SVGRewriteTests: XCTestCase {
    private static let open = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"

    /// The problems of `svg` as `line: message`, after checking that its rewrite (if any) keeps the rule
    /// every published SVG keeps and does not mention the attacker's host.
    private func problems(_ svg: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        problems(Data(svg.utf8), file: file, line: line)
    }

    private func problems(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let result = SVGCheck.rewrite(data)
        if let rewritten = result.rewritten {
            XCTAssertEqual(SVGOutsideReferences.problems(in: rewritten), [], file: file, line: line)
            let text = String(decoding: rewritten, as: UTF8.self)
            for outside in ["evil.example", "passwd", "@import", "xml-stylesheet", "DOCTYPE", "<set"] {
                XCTAssertFalse(text.contains(outside), "\(outside) in \(text)", file: file, line: line)
            }
        }
        return result.problems.map { "\($0.line): \($0.message)" }
    }

    func testCSSInsideCDATAIsRead() {
        let found = problems(
            Self.open + "\n<style><![CDATA[@import url(https://evil.example/a.css);]]></style></svg>")
        XCTAssertEqual(
            found,
            [
                "2: has a stylesheet that refers outside the picture (@import); SVG pictures must hold everything "
                    + "they show"
            ])
    }

    func testAnElementInsideStyleDoesNotHideWhatFollows() {
        let found = problems(Self.open + "\n<style><b/>@import url(https://evil.example/b.css);</style></svg>")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix("2: has a stylesheet that refers outside the picture (@import)"), "\(found)")
    }

    func testCharacterReferencesAreDecodedBeforeTheCheck() {
        let imports = problems(Self.open + "\n<style>@imp&#111;rt \"https://evil.example/c.css\";</style></svg>")
        XCTAssertTrue(imports.first?.hasPrefix("2: has a stylesheet that refers outside the picture") == true)
        let urls = problems(Self.open + "\n<style>rect{fill:u&#114;l(https://evil.example/d)}</style></svg>")
        XCTAssertEqual(urls.first?.contains("(url(…))"), true, "\(urls)")
    }

    func testCSSEscapesAndCommentsAreDecodedBeforeTheCheck() {
        let escapedImport = problems(Self.open + "\n<style>@im\\port 'https://evil.example/e.css';</style></svg>")
        XCTAssertTrue(escapedImport.first?.contains("(@import)") == true, "\(escapedImport)")
        let escapedURL = problems(Self.open + "\n<style>rect{fill:u\\rl(https://evil.example/f)}</style></svg>")
        XCTAssertTrue(escapedURL.first?.contains("(url(…))") == true, "\(escapedURL)")
        let hexInAttribute = problems(Self.open + "\n<rect style=\"fill:u\\72 l(https://evil.example/g)\"/></svg>")
        XCTAssertEqual(hexInAttribute, ["2: refers outside itself (url(…) in 'style' on <rect>)"])
        let hexInPresentation = problems(Self.open + "\n<rect fill=\"u\\72 l(https://evil.example/g)\"/></svg>")
        XCTAssertEqual(hexInPresentation, ["2: refers outside itself (url(…) in 'fill' on <rect>)"])
        let commented = problems(Self.open + "\n<style>@im/**/port url(https://evil.example/k.css);</style></svg>")
        XCTAssertEqual(commented.count, 1, "a comment becomes a space: '@im port' is harmless, the url() is not")
    }

    func testAnXMLStylesheetInstructionIsRefused() {
        let found = problems(
            "<?xml-stylesheet href=\"https://evil.example/h.css\"?>\n" + Self.open + "<rect/></svg>")
        XCTAssertEqual(
            found,
            [
                "1: refers outside itself (an <?xml-stylesheet?> instruction); put the picture's styles in <style>"
            ])
    }

    func testAnimationMayNotSetALink() {
        let found = problems(
            Self.open + "\n<a href=\"#x\"><set attributeName=\"href\" to=\"https://evil.example/i\"/>"
                + "<text>Go</text></a></svg>")
        XCTAssertEqual(
            found, ["2: animates 'href' on <set>; SVG pictures may not change their links or handlers"])
    }

    func testAnExternalDoctypeIsRefusedAndNeverPublished() {
        let found = problems("<!DOCTYPE svg SYSTEM \"http://evil.example/j.dtd\">\n" + Self.open + "<rect/></svg>")
        XCTAssertEqual(
            found,
            [
                "1: refers outside itself (its DOCTYPE names 'http://evil.example/j.dtd'); delete the DOCTYPE, "
                    + "SVG pictures need none"
            ])
        let behindAComment = problems(
            "<!-- <!DOCTYPE x> -->\n<!DOCTYPE svg SYSTEM \"http://evil.example/j.dtd\">\n" + Self.open + "</svg>")
        XCTAssertEqual(behindAComment.map { $0.prefix(2) }, ["2:"], "a DOCTYPE in a comment hides no other")
        let habit =
            "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
            + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" + Self.open + "<rect/></svg>"
        XCTAssertEqual(problems(habit), [], "the W3C's own DTD is what editors write: dropped without complaint")
        XCTAssertFalse(
            String(decoding: SVGCheck.rewrite(Data(habit.utf8)).rewritten ?? Data(), as: UTF8.self).contains(
                "w3.org/Graphics"))
    }

    func testOnlyUTF8IsRead() {
        let hostile =
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + Self.open + "<text>&x;</text></svg>"
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(hostile.data(using: .utf16LittleEndian)!)
        XCTAssertEqual(problems(utf16), ["1: is saved as UTF-16LE; save it as UTF-8"])
        XCTAssertNil(SVGCheck.rewrite(utf16).rewritten)
        XCTAssertEqual(problems(hostile.data(using: .utf16BigEndian)!), ["1: is saved as UTF-16BE; save it as UTF-8"])
        XCTAssertEqual(
            problems(hostile.data(using: .utf32LittleEndian)!), ["1: is saved as UTF-32LE; save it as UTF-8"])
        let latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + Self.open + "<text>caf\u{E9}</text></svg>"
        XCTAssertEqual(
            problems(latin),
            [
                "1: declares encoding=\"ISO-8859-1\", not UTF-8; save it as UTF-8 and declare encoding=\"UTF-8\""
            ])
        XCTAssertEqual(
            problems(Data((Self.open + "\n<text>caf").utf8) + Data([0xE9]) + Data("</text></svg>".utf8)),
            ["2: is not UTF-8 text; save it as UTF-8"])
        XCTAssertEqual(problems("<?xml version='1.0' encoding='utf-8'?>" + Self.open + "</svg>"), [])
    }

    /// Foundation's parser crashed on an instruction without data (found by the fuzz target).
    func testAProcessingInstructionWithoutDataIsDroppedNotACrash() throws {
        let source = "<?x?>" + Self.open + "\n<?editor-mark?><rect width=\"1\"/><?xml-stylesheet?></svg>"
        XCTAssertEqual(
            problems(source),
            [
                "2: refers outside itself (an <?xml-stylesheet?> instruction); put the picture's styles in <style>"
            ])
        let rewritten = try XCTUnwrap(SVGCheck.rewrite(Data(source.utf8)).rewritten)
        XCTAssertEqual(
            String(decoding: rewritten, as: UTF8.self),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<rect width=\"1\"/></svg>")
    }

    func testWhatIsUnknownIsDroppedQuietlyAndTheRestWrittenAfresh() throws {
        let source = """
            <?xml version="1.0"?>
            <!-- made by hand -->
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:ed="https://editor.example/ns" viewBox="0 0 10 10" \
            ed:version="2" data-x="1"><metadata><ed:note>x</ed:note></metadata>\
            <rect width="4" height="4" fill="&#x72;ed" ed:layer="a" style="cursor:pointer;fill:blue;stroke:red"/>\
            <text x="1" y="9">A &amp; B &lt; C</text><animate attributeName="x" to="3"/></svg>
            """
        XCTAssertEqual(problems(source), [])
        let rewritten = try XCTUnwrap(SVGCheck.rewrite(Data(source.utf8)).rewritten)
        XCTAssertEqual(
            String(decoding: rewritten, as: UTF8.self),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect fill=\"red\" height=\"4\" "
                + "style=\"fill:blue;stroke:red\" width=\"4\"/><text x=\"1\" y=\"9\">A &amp; B &lt; C</text></svg>")
    }

    func testGradientsFragmentsStylesAndAccessibleNamesSurvive() throws {
        let source = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 20 20" \
            role="img" aria-labelledby="t"><title id="t">Pads</title><desc>Two pads</desc>\
            <style>.pad { fill: url(#g); stroke: #333 } @media print { .pad { fill: black } }</style>\
            <defs><linearGradient id="g" gradientTransform="rotate(90)"><stop offset="0" stop-color="#fff"/>\
            </linearGradient><circle id="c" r="2"/></defs><rect class="pad" width="5" height="5" \
            clip-path="url(#c)"/><use xlink:href="#c" x="10"/><use href="#c" transform="translate(3, 4)"/></svg>
            """
        XCTAssertEqual(problems(source), [])
        let rewritten = String(decoding: try XCTUnwrap(SVGCheck.rewrite(Data(source.utf8)).rewritten), as: UTF8.self)
        for kept in [
            "xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "aria-labelledby=\"t\"", "role=\"img\"",
            "<title id=\"t\">Pads</title>", "<desc>Two pads</desc>", "<style>.pad{fill:url(#g);stroke:#333}</style>",
            "gradientTransform=\"rotate(90)\"", "stop-color=\"#fff\"", "clip-path=\"url(#c)\"", "xlink:href=\"#c\"",
            "href=\"#c\" transform=\"translate(3, 4)\"", "viewBox=\"0 0 20 20\"",
        ] {
            XCTAssertTrue(rewritten.contains(kept), "\(kept) lost from \(rewritten)")
        }
        XCTAssertFalse(rewritten.contains("@media"), "at-rules are dropped whole")
    }

    /// Every illustration of the real site: no problem, and the rewrite holds the same elements,
    /// attributes and words in the same order (only attribute order and the file's own line breaks
    /// outside the root may change).
    func testTheSitesIllustrationsSurviveWhole() throws {
        let content = Repository.root.appendingPathComponent("Content")
        let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "svg" }
        XCTAssertGreaterThan(files.count, 10)
        for url in files {
            let source = try Data(contentsOf: url)
            let result = SVGCheck.rewrite(source)
            XCTAssertEqual(result.problems, [], url.path)
            let rewritten = try XCTUnwrap(result.rewritten, url.path)
            XCTAssertEqual(SVGOutsideReferences.problems(in: rewritten), [], url.path)
            XCTAssertEqual(try Outline.of(rewritten), try Outline.of(source), url.lastPathComponent)
            XCTAssertEqual(SVGCheck.rewrite(rewritten).rewritten, rewritten, "a rewrite is its own rewrite")
        }
    }

    func testTheOutsideReferenceRuleCatchesWhatItShould() {
        func problems(_ svg: String) -> Int { SVGOutsideReferences.problems(in: Data(svg.utf8)).count }
        XCTAssertEqual(problems(Self.open + "<rect fill=\"url(#a)\"/></svg>"), 0)
        XCTAssertEqual(problems(Self.open + "<rect fill=\"url( 'https://x' )\"/></svg>"), 1)
        XCTAssertEqual(problems(Self.open + "<style>@import 'x';</style></svg>"), 1)
        XCTAssertEqual(problems(Self.open + "<rect style=\"fill:u\\72 l(x)\"/></svg>"), 1)
        XCTAssertEqual(problems(Self.open + "<image href=\"x.png\"/></svg>"), 2)
        XCTAssertEqual(problems("<svg><rect/></svg>"), 2, "two elements outside SVG's namespace")
        XCTAssertEqual(problems("<!DOCTYPE svg>" + Self.open + "</svg>"), 1)
        XCTAssertEqual(problems(Self.open + "<rect></svg>"), 1)
    }
}

/// An SVG's elements with their attributes and text, in document order, for comparing two files.
private final class Outline: NSObject, XMLParserDelegate {
    private var lines: [String] = []

    static func of(_ data: Data) throws -> [String] {
        let parser = XMLParser(data: data)
        let outline = Outline()
        parser.delegate = outline
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return outline.lines
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let kept = attributes.filter { !$0.key.hasPrefix("xmlns") }.sorted { $0.key < $1.key }
        lines.append("<\(name) " + kept.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if lines.last?.hasPrefix("text: ") == true {
            lines[lines.count - 1] += string
        } else {
            lines.append("text: " + string)
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        lines.append("</\(name)>")
    }
}
