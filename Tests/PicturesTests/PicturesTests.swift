import Foundation
import Pictures
import TestSupport
import XCTest

/// libvips through the Pictures module, on real files (Tests/Fixtures/PictureInputs).
final class PicturesTests: XCTestCase {
    private func input(_ name: String) throws -> Data {
        try Data(contentsOf: Repository.fixture("PictureInputs/\(name)"))
    }

    private let plan = PicturePlan(pixelLimit: 50_000_000)

    func testVariantsAreNarrowerWebPAndTheOriginalFormatWithNoMetadata() throws {
        let photo = try input("clinic-photo.jpg")
        XCTAssertNotNil(photo.range(of: Data("SpineCam".utf8)), "the fixture carries camera and GPS data")
        let picture = try PictureProcessing.process(photo, plan: plan, cache: nil).get()
        XCTAssertEqual([picture.header.width, picture.header.height], [1200, 800])
        XCTAssertEqual(picture.header.format, .jpeg)
        XCTAssertEqual(picture.variants(in: .jpeg).map(\.width), [480, 960, 1200], "never wider than the original")
        XCTAssertEqual(picture.variants(in: .webp).map(\.width), [480, 960, 1200])
        XCTAssertEqual(picture.variants(in: .jpeg).map(\.height), [320, 640, 800])
        for variant in picture.variants {
            for marker in ["Exif", "SpineCam", "Model X1", "GPS"] {
                XCTAssertNil(variant.bytes.range(of: Data(marker.utf8)), "\(marker) in a \(variant.width) px variant")
            }
            let magic: [UInt8] = variant.format == .jpeg ? [0xFF, 0xD8] : Array("RIFF".utf8)
            XCTAssertEqual(
                [UInt8](variant.bytes[variant.bytes.startIndex..<variant.bytes.startIndex + magic.count]), magic)
        }
    }

    func testBadPicturesAreRefusedWithAReason() throws {
        func refused(_ name: String) throws -> PictureProblem? {
            if case .failure(let problem) = PictureProcessing.process(try input(name), plan: plan, cache: nil) {
                return problem
            }
            return nil
        }
        XCTAssertEqual(try refused("not-a-picture.png"), .notAPicture)
        XCTAssertEqual(try refused("bomb.png"), .tooManyPixels(width: 30000, height: 30000, limit: 50_000_000))
        for name in ["truncated.png", "truncated.jpg"] {
            guard case .damaged = try refused(name) else { return XCTFail("\(name) was not refused") }
        }
        let raised = PicturePlan(pixelLimit: 1_000_000_000)
        guard case .failure(let problem) = PictureProcessing.process(try input("bomb.png"), plan: raised, cache: nil),
            case .damaged = problem
        else { return XCTFail("a raised limit lets the header pass; the truncated data still fails") }
    }

    func testTheCacheGivesBackTheSameVariants() throws {
        let folder = TemporaryFolder()
        let cache = PictureCache(folder: folder.url)
        let photo = try input("clinic-photo.jpg")
        let made = try PictureProcessing.process(photo, plan: plan, cache: cache).get()
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(entries.count, 1)
        let again = try PictureProcessing.process(photo, plan: plan, cache: cache).get()
        XCTAssertEqual(again, made)
        // A damaged entry is made again, not trusted.
        let entry = folder.url.appendingPathComponent(entries[0])
        try Data("x".utf8).write(to: entry.appendingPathComponent("1x1.webp"))
        XCTAssertEqual(try PictureProcessing.process(photo, plan: plan, cache: cache).get().variants.count, 6)
    }

    func testSVGWithScriptEventsScriptURLsForeignObjectOrOutsideReferencesIsRefused() {
        func problems(_ body: String) -> [String] {
            SVGCheck.rewrite(Data("<svg xmlns=\"http://www.w3.org/2000/svg\">\n\(body)\n</svg>".utf8)).problems
                .map { "\($0.line): \($0.message)" }
        }
        XCTAssertEqual(problems("<title>Fine</title><path d=\"M0 0\" fill=\"url(#g)\"/>"), [])
        XCTAssertEqual(
            problems("<script>alert(1)</script>"), ["2: holds a <script> element; SVG pictures may not run code"])
        XCTAssertEqual(
            problems("<rect onload=\"alert(1)\"/>"),
            ["2: has an event handler ('onload' on <rect>); SVG pictures may not run code"])
        XCTAssertEqual(problems("<a href=\"javascript:alert(1)\"><text>x</text></a>").count, 1)
        XCTAssertEqual(
            problems("<foreignObject><div>x</div></foreignObject>").first?.hasPrefix("2: holds a <foreignObject>"),
            true)
        XCTAssertEqual(
            problems("<image href=\"https://example.org/x.png\"/>").first?.hasPrefix("2: refers outside itself"), true)
        XCTAssertEqual(problems("<rect style=\"fill: url(https://x.org/a)\"/>").count, 1)
        XCTAssertEqual(problems("<style>@import url(x.css);</style>").count, 1)
        XCTAssertEqual(
            SVGCheck.rewrite(Data("<svg><rect></svg>".utf8)).problems.first?.message.hasPrefix(
                "is not well-formed XML"),
            true)
        XCTAssertEqual(
            SVGCheck.rewrite(Data("<!DOCTYPE svg [<!ENTITY a \"b\">]><svg/>".utf8)).problems.first?.message,
            "declares an entity; SVG pictures need none")
        XCTAssertEqual(SVGCheck.rewrite(Data("<svg viewBox=\"0 0 320 160\"/>".utf8)).size?.width, 320)
        XCTAssertEqual(SVGCheck.rewrite(Data("<svg width=\"64px\" height=\"32\"/>".utf8)).size?.height, 32)
    }
}
