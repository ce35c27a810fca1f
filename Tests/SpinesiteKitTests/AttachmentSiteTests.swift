import Foundation
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// Files pages link to and those of `Content/files/` are published only when they are a kind the
/// site allows and their bytes are that kind: an HTML page, a script or XML never reaches `Site/`.
final class AttachmentSiteTests: XCTestCase {
    private let script = "<!DOCTYPE html><title>Diary</title><script>alert(document.cookie)</script>"

    private func build(_ site: TemporaryFolder) -> [String] {
        site.copy(from: Repository.templates, to: "Templates")
        do {
            _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
            return []
        } catch {
            return error.errors.map { $0.description.replacingOccurrences(of: site.path + "/", with: "") }
        }
    }

    func testPagesScriptsAndXMLAreRefusedAtTheLinksThatNameThem() {
        let body = """
            Keep [the diary](dl/diary.html), [its XHTML](dl/diary.xhtml),
            [a script](dl/app.js) and [a feed](dl/feed.xml).

            The [report](dl/report.pdf) and ![a chart](dl/chart.html)
            """
        let site = MinimalSite.make(["diary.md": MinimalSite.page(title: "Diary", body: body)])
        for name in ["diary.html", "diary.xhtml", "app.js", "feed.xml", "report.pdf", "chart.html"] {
            site.write("Content/en/dl/\(name)", script)
        }
        let notPublished =
            "which the site does not publish: a browser could run an HTML page, a script or XML on "
            + "the site's address. Attach one of: PDF (.pdf), plain text (.txt), CSV (.csv)"
        let errors = build(site)
        let expected = [
            "Content/en/diary.md:6:6: error: 'Content/en/dl/diary.html' is a .html file, \(notPublished)",
            "Content/en/diary.md:6:34: error: 'Content/en/dl/diary.xhtml' is a .xhtml file, \(notPublished)",
            "Content/en/diary.md:7:1: error: 'Content/en/dl/app.js' is a .js file, \(notPublished)",
            "Content/en/diary.md:7:27: error: 'Content/en/dl/feed.xml' is a .xml file, \(notPublished)",
            "Content/en/diary.md:9:5: error: 'Content/en/dl/report.pdf' is named as PDF but its bytes are not PDF (it "
                + "holds an HTML or XML document): export it again as PDF, or name it for what it is",
            "Content/en/diary.md:9:33: error: 'Content/en/dl/chart.html' is a .html file, \(notPublished)",
        ]
        XCTAssertEqual(errors.count, expected.count, errors.joined(separator: "\n"))
        for (error, start) in zip(errors, expected) {
            XCTAssertTrue(error.hasPrefix(start), "\(error)\ndoes not start with\n\(start)")
        }
        XCTAssertFalse(site.exists("Site/en/diary/index.html"))
    }

    func testRefusedFilesOfTheSiteWideFolderAreErrorsAtThemselves() {
        let site = MinimalSite.make(["tens.md": MinimalSite.page(title: "TENS")])
        for name in ["widget.html", "page.xhtml", "tracker.js", "sitemap.xml"] {
            site.write("Content/files/\(name)", script)
        }
        site.write("Content/files/handout.pdf", "<html><body>Not a PDF</body></html>")
        XCTAssertEqual(
            build(site).map { String($0.prefix { $0 != "'" }) },
            [
                "Content/files/handout.pdf: error: ", "Content/files/page.xhtml: error: ",
                "Content/files/sitemap.xml: error: ", "Content/files/tracker.js: error: ",
                "Content/files/widget.html: error: ",
            ])
    }

    func testPDFCSVAndTextAreAcceptedAndPublishedAsTheyAre() throws {
        let body = "Print [the diary](dl/diary.pdf), fill [the table](dl/diary.csv) or read [the notes](dl/notes.txt)."
        let site = MinimalSite.make(["diary.md": MinimalSite.page(title: "Diary", body: body)])
        let files = [
            "diary.pdf": Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8),
            "diary.csv": Data("day,pain (0–10)\n1,4\n".utf8), "notes.txt": Data("Notes\n\n<3 days of rest.\n".utf8),
        ]
        for (name, data) in files { site.write("Content/en/dl/\(name)", data: data) }
        site.write("Content/files/leaflet.pdf", data: files["diary.pdf"]!)
        XCTAssertEqual(build(site), [])
        let page = try XCTUnwrap(site.read("Site/en/diary/index.html"))
        for (name, data) in files {
            let stem = String(name.prefix { $0 != "." })
            let ext = String(name.drop { $0 != "." })
            let link = try XCTUnwrap(
                page.range(of: "href=\"/media/\(stem)-[0-9a-f]{8}\\\(ext)\"", options: .regularExpression))
            let path = String(page[link].dropFirst("href=\"/".count).dropLast())
            XCTAssertEqual(try Data(contentsOf: site.url.appendingPathComponent("Site/\(path)")), data, name)
        }
        XCTAssertTrue(site.exists("Site/files/leaflet.pdf"))
    }
}
