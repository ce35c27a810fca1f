import Foundation
import Pictures
import XCTest

/// The allowlist of attached files: by name and by bytes.
final class AttachmentKindTests: XCTestCase {
    private func refusal(_ fileExtension: String, _ bytes: [UInt8]) -> AttachmentRefusal? {
        AttachmentKind.refusal(fileExtension: fileExtension, data: Data(bytes))
    }

    private func refusal(_ fileExtension: String, _ text: String) -> AttachmentRefusal? {
        refusal(fileExtension, Array(text.utf8))
    }

    func testPagesScriptsAndXMLAreNotPublishedWhateverTheyHold() {
        for fileExtension in ["html", "htm", "xhtml", "js", "mjs", "xml", "svgz", "exe", "docm", ""] {
            XCTAssertEqual(
                refusal(fileExtension, "%PDF-1.7\n"), .kindNotPublished(fileExtension: fileExtension), fileExtension)
        }
    }

    func testEachKindIsCheckedByItsBytes() {
        let good: [(String, [UInt8])] = [
            ("pdf", Array("%PDF-1.4\n%âãÏÓ\n".utf8)),
            ("docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), ("ods", [0x50, 0x4B, 0x03, 0x04, 0x0A, 0x00]),
            ("png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), ("jpg", [0xFF, 0xD8, 0xFF, 0xE0]),
            ("webp", Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)), ("gif", Array("GIF89a".utf8)),
            ("mp3", Array("ID3\u{4}".utf8)), ("mp3", [0xFF, 0xFB, 0x90, 0x64]),
            ("mp4", [0, 0, 0, 0x18] + Array("ftypmp42".utf8)), ("m4a", [0, 0, 0, 0x20] + Array("ftypM4A ".utf8)),
            ("ogg", Array("OggS\u{0}\u{2}".utf8)), ("wav", Array("RIFF\u{24}\u{0}\u{0}\u{0}WAVEfmt ".utf8)),
            ("webm", [0x1A, 0x45, 0xDF, 0xA3, 0x9F]), ("svg", Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8)),
        ]
        for (fileExtension, bytes) in good {
            XCTAssertNil(refusal(fileExtension, bytes), fileExtension)
        }
        for (fileExtension, kind) in [
            ("pdf", "PDF"), ("docx", "Office Open XML (Word, Excel, PowerPoint)"),
            ("mp3", "MP3"), ("mp4", "MPEG-4 audio or video"), ("wav", "WAV"), ("webm", "WebM"),
        ] {
            XCTAssertEqual(refusal(fileExtension, "just some text"), .wrongContent(kind: kind, holdsMarkup: false))
        }
    }

    func testAPDFThatIsAWebPageIsRefused() {
        XCTAssertEqual(
            refusal("pdf", "\n  <!DOCTYPE html><script>alert(1)</script>"),
            .wrongContent(kind: "PDF", holdsMarkup: true))
        XCTAssertEqual(
            AttachmentRefusal.wrongContent(kind: "PDF", holdsMarkup: true).message(for: "Content/en/dl/diary.pdf"),
            "'Content/en/dl/diary.pdf' is named as PDF but its bytes are not PDF (it holds an HTML or XML "
                + "document): export it again as PDF, or name it for what it is")
    }

    func testTextAndCSVMustBeUTF8WithoutNULAndNotSniffAsMarkup() {
        XCTAssertNil(refusal("txt", "Pain diary\n\nDay 1: 4/10 — «mejor»\n"))
        XCTAssertNil(refusal("csv", "\u{FEFF}day,pain\n1,4\n2,<3\n"))
        XCTAssertNil(refusal("txt", "<bold claims> are not tags a browser sniffs"))
        XCTAssertEqual(refusal("csv", [0x64, 0x61, 0x79, 0xE9, 0x0A]), .notUTF8(kind: "CSV"))
        XCTAssertEqual(refusal("txt", [0x61, 0x00, 0x62]), .holdsNUL(kind: "plain text"))
        let openings = [
            ("<!DOCTYPE HTML>\n<p>x", "<!doctype html"), ("\u{FEFF}\r\n <HTML lang=en>", "<html"),
            ("<script>alert(1)</script>", "<script"), ("<?xml version=\"1.0\"?><x/>", "<?xml"),
            ("<svg onload=alert(1)>", "<svg"), ("<a href=x>", "<a"), ("<!-- x -->", "<!--"), ("<p>", "<p"),
        ]
        for (text, opening) in openings {
            XCTAssertEqual(refusal("txt", text), .startsLikeMarkup(kind: "plain text", opening: opening), text)
        }
        XCTAssertNil(refusal("vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n"))
        XCTAssertEqual(
            refusal("vtt", "00:00.000 --> 00:01.000\nHello\n"),
            .missingFirstLine(kind: "WebVTT captions", expected: "WEBVTT"))
    }

    func testTheRefusalOfAKindNamesEveryKindAllowed() {
        let message = AttachmentRefusal.kindNotPublished(fileExtension: "html").message(
            for: "Content/en/dl/diary.html")
        XCTAssertTrue(message.hasPrefix("'Content/en/dl/diary.html' is a .html file, which the site does not publish"))
        for kind in AttachmentKind.all {
            for fileExtension in kind.extensions {
                XCTAssertTrue(message.contains(".\(fileExtension)"), fileExtension)
            }
        }
    }
}
