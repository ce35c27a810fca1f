import Foundation
import Incremental
import SiteModel
import SpinesiteKit
import TestSupport
import XCTest

/// Tests/Fixtures/Pictures: pictures, an SVG, a PDF handout and a localized diagram beside the
/// pages, and a logo in the site-wide `Content/files/`.
final class PictureSiteTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func tearDown() {
        folder = nil  // removed now, not when the run ends: XCTest keeps every test case
        super.tearDown()
    }

    override func setUpWithError() throws {
        folder = TemporaryFolder()
        folder.copy(from: Repository.fixture("Pictures"), to: "site")
        _ = try build()
    }

    @discardableResult
    private func build(into output: String = "out") throws -> BuildSummary {
        try SiteBuilder.build(
            BuildOptions(
                root: folder.path + "/site", output: folder.path + "/" + output, templates: Repository.templates.path))
    }

    private func body(_ path: String) throws -> String {
        let page = try XCTUnwrap(folder.read("out/\(path)"))
        let start = try XCTUnwrap(page.range(of: "<div class=\"prose\">"))
        return String(page[start.upperBound...].prefix { $0 != "\u{0}" }.components(separatedBy: "</div>")[0])
    }

    private func published() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/out/media").sorted()
    }

    func testARasterPictureHasVariantsItsSizeAndLazyLoading() throws {
        let page = try body("en/therapies/tens/index.html")
        let pads = "/media/tens-pads-485c01f2"
        XCTAssertTrue(
            page.contains(
                "<source type=\"image/webp\" srcset=\"\(pads)-480.webp 480w, \(pads)-960.webp 960w, \(pads)-1440.webp "
                    + "1440w\" sizes=\"(min-width: 44rem) 42rem, 100vw\">"), page)
        XCTAssertTrue(
            page.contains(
                "<img src=\"\(pads)-1440.png\" srcset=\"\(pads)-480.png 480w, \(pads)-960.png 960w, \(pads)-1440.png "
                    + "1440w\" sizes=\"(min-width: 44rem) 42rem, 100vw\" width=\"1440\" height=\"900\" "
                    + "alt=\"Four TENS pads on the lower back, two on each side of the spine\" loading=\"lazy\" "
                    + "decoding=\"async\">"),
            "its intrinsic size; loaded lazily (not the first image)")
        XCTAssertTrue(
            page.contains(
                "<figcaption>Typical pad placement. Your clinician decides where yours go.</figcaption></figure>"),
            "a title is a caption")
        XCTAssertTrue(page.contains("<figure><picture>"))
        XCTAssertFalse(page.contains("<p><figure>"), "a figure never sits in a paragraph")
        XCTAssertTrue(
            page.contains("<p><img src=\"/files/logo.svg\" width=\"64\" height=\"64\" alt=\"Site logo\"></p>"),
            "the first image: no lazy loading; the site-wide folder at a stable URL")
        XCTAssertTrue(page.contains("width=\"1200\" height=\"800\""), "never wider than the original")
        XCTAssertFalse(page.contains("clinic-photo-44af515e-1440"))
    }

    func testFilesResolveBesideThePageAndTranslationsBorrowTheOriginals() throws {
        let english = try body("en/therapies/tens/index.html")
        let spanish = try body("es/therapies/tens/index.html")
        XCTAssertTrue(english.contains("<a href=\"/media/tens-diary-93e31154.pdf\">the pain diary</a>"), english)
        XCTAssertTrue(
            spanish.contains("<a href=\"/media/tens-diary-93e31154.pdf\">el diario del dolor</a>"),
            "es has no diary of its own: the original's")
        // An SVG is named by the hash of its rewrite, the bytes published.
        XCTAssertTrue(english.contains("/media/gate-d79a639b.svg"))
        XCTAssertTrue(spanish.contains("/media/gate-04e34078.svg"), "es has its own diagram: with Spanish words")
        XCTAssertTrue(spanish.contains("/media/tens-pads-485c01f2-1440.png"), "the same bytes: the same URL")
    }

    func testOnlyFilesPagesUseArePublishedOnceAndWithoutMetadata() throws {
        let files = try published()
        XCTAssertFalse(files.contains { $0.contains("unused") }, "no page uses it")
        XCTAssertEqual(files.filter { $0.hasPrefix("tens-pads-") }.count, 6, "en and es share the bytes: one set")
        XCTAssertTrue(folder.exists("out/files/logo.svg"))
        for name in files where name.hasPrefix("clinic-photo") {
            let bytes = try Data(contentsOf: folder.url.appendingPathComponent("out/media/\(name)"))
            for marker in ["Exif", "SpineCam", "GPS"] {
                XCTAssertNil(bytes.range(of: Data(marker.utf8)), "\(marker) in \(name)")
            }
        }
        let source = try Data(contentsOf: Repository.fixture("Pictures/Content/en/therapies/images/clinic-photo.jpg"))
        XCTAssertNotNil(source.range(of: Data("SpineCam".utf8)), "the source has camera data")
    }

    /// An SVG is published as its rewrite: attributes in order, its namespace declared by the rewrite,
    /// nothing after the root (the source ends in a line break).
    func testAnSVGIsPublishedRewrittenNotCopied() throws {
        XCTAssertEqual(
            folder.read("out/files/logo.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" aria-label=\"Logo\" height=\"64\" role=\"img\" "
                + "viewBox=\"0 0 64 64\" width=\"64\">\n  <circle cx=\"32\" cy=\"32\" fill=\"#3d85c6\" r=\"28\"/>"
                + "\n</svg>")
    }

    func testPublishedFilesAreDeterministicAndVariantsAreCached() throws {
        try build(into: "again")
        let first = try published()
        XCTAssertEqual(
            try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/again/media").sorted(), first)
        for name in first {
            XCTAssertEqual(
                try Data(contentsOf: folder.url.appendingPathComponent("out/media/\(name)")),
                try Data(contentsOf: folder.url.appendingPathComponent("again/media/\(name)")), name)
        }
        let cached = try FileManager.default.contentsOfDirectory(
            atPath: folder.path + "/site/.spinesite-cache/pictures")
        XCTAssertEqual(cached.count, 3, "one entry per raster picture used, the site's image too: \(cached)")
    }

    func testLinkPreviewsShowThePagesImageElseItsFirstPictureElseTheSites() throws {
        func head(_ path: String) throws -> String {
            let page = try XCTUnwrap(folder.read("out/\(path)"))
            return String(page[..<(page.range(of: "</head>")?.lowerBound ?? page.endIndex)])
        }
        let english = try head("en/therapies/tens/index.html")
        XCTAssertTrue(
            english.contains(
                "<meta property=\"og:image\" content=\"https://example.org/media/clinic-photo-44af515e-1200.jpg\">\n"
                    + "<meta property=\"og:image:width\" content=\"1200\">\n"
                    + "<meta property=\"og:image:height\" content=\"800\">\n"
                    + "<meta property=\"og:image:alt\" content=\"A treatment room with a couch and a small "
                    + "stimulator\">\n"
                    + "<meta name=\"twitter:card\" content=\"summary_large_image\">"),
            "front matter's image: \(english)")
        XCTAssertTrue(english.contains("<meta property=\"og:type\" content=\"article\">"))
        XCTAssertTrue(english.contains("<meta property=\"og:locale\" content=\"en_US\">"))
        let spanish = try head("es/therapies/tens/index.html")
        XCTAssertTrue(spanish.contains("/media/tens-pads-485c01f2-1440.png\">"), "no image: the first raster picture")
        XCTAssertTrue(spanish.contains("content=\"Cuatro parches de TENS"), "its alt text")
        let home = try head("en/index.html")
        XCTAssertTrue(home.contains("<meta property=\"og:image\" content=\"https://example.org/media/share-"), home)
        XCTAssertTrue(home.contains("<meta property=\"og:type\" content=\"website\">"))
        XCTAssertTrue(
            try head("404.html").contains("og:image:alt\" content=\"The site&#39;s name on a grey background\">"))
    }
}
