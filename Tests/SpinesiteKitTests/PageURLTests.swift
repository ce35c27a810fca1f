import Foundation
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// Links and pictures that would run a script, name a reader's own file, carry a document of their
/// own or tell another site who reads the page: errors at their line and column, never a blank
/// attribute in a published page.
final class PageURLTests: XCTestCase {
    private func errors(_ site: TemporaryFolder, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            _ = try SiteBuilder.build(BuildOptions(root: site.path, output: site.path + "/Site"))
            XCTFail("build succeeded", file: file, line: line)
            return []
        } catch {
            return error.errors.map { $0.description.replacingOccurrences(of: site.path + "/", with: "") }
        }
    }

    private func site(_ body: String, siteYAML: String = MinimalSite.siteYAML) -> TemporaryFolder {
        let site = MinimalSite.make(["links.md": MinimalSite.page(title: "Links", body: body)])
        site.write("Content/site.yml", siteYAML)
        site.copy(from: Repository.templates, to: "Templates")
        return site
    }

    func testScriptFileAndDataURLsAreErrorsAtTheirLinks() {
        let body = """
            - [script](javascript:alert(5)) and [mixed case](JaVaScRiPt:alert(6))
            - [data](data:text/html;base64,PHNjcmlwdD4=)

            Or <vbscript:msgbox(8)>.

            ![chart](file:///C:/chart.png) ![dot](data:image/png;base64,iVBORw0KGgo=)
            """
        let link = "URL would run a script in the reader's browser; link to a page, to a file beside the page or "
        let picture = "save the picture beside the page and name it, as in ![…](images/picture.png)"
        XCTAssertEqual(
            errors(site(body)),
            [
                "Content/en/links.md:6:3: error: link to a 'javascript:' \(link)to an https: address",
                "Content/en/links.md:6:37: error: link to a 'javascript:' \(link)to an https: address",
                "Content/en/links.md:7:3: error: link to a 'data:' URL carries a document of its own, which the "
                    + "site's security policy blocks; link to a page, to a file beside the page or to an https: "
                    + "address",
                "Content/en/links.md:9:4: error: link to a 'vbscript:' \(link)to an https: address",
                "Content/en/links.md:11:1: error: picture with a 'file:' URL names a file on the reader's own "
                    + "computer, which no reader has; \(picture)",
                "Content/en/links.md:11:32: error: picture with a 'data:' URL carries a document of its own, which "
                    + "the site's security policy blocks; \(picture)",
            ])
    }

    func testRemotePicturesAreErrorsUnlessSiteYMLAllowsThem() throws {
        let body = "Intro.\n\n![A pixel](https://tracker.example/pixel.png) and ![Logo](//cdn.example/logo.png)"
        let message =
            "is on another site: every reader's browser would ask that site for it, telling it who reads this "
            + "page. Save the picture beside the page and name it (![…](images/picture.png)), or set "
            + "'remotePictures: allow' in site.yml"
        XCTAssertEqual(
            errors(site(body)),
            [
                "Content/en/links.md:8:1: error: picture 'https://tracker.example/pixel.png' \(message)",
                "Content/en/links.md:8:51: error: picture '//cdn.example/logo.png' \(message)",
            ])
        let allowed = site(body, siteYAML: MinimalSite.siteYAML + "remotePictures: allow\n")
        _ = try SiteBuilder.build(BuildOptions(root: allowed.path, output: allowed.path + "/Site"))
        let page = try XCTUnwrap(allowed.read("Site/en/links/index.html"))
        XCTAssertTrue(page.contains("<img src=\"https://tracker.example/pixel.png\" alt=\"A pixel\">"), page)
    }

    func testRemotePicturesSettingIsAllowOrRefuse() {
        XCTAssertEqual(
            errors(site("Text.", siteYAML: MinimalSite.siteYAML + "remotePictures: always\n")),
            [
                "Content/site.yml:4:17: error: site.yml: 'remotePictures' is 'allow' or 'refuse' (the default), "
                    + "not 'always'"
            ]
        )
    }
}
