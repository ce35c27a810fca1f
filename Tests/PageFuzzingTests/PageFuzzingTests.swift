import Foundation
import TestSupport
import XCTest

@testable import PageFuzzing

/// The fuzz target's own rules, and every input it has ever saved.
final class PageFuzzingTests: XCTestCase {
    private static let fuzzer = try! PageFuzzer.fromContent(Repository.root.appendingPathComponent("Content"))

    private func files(in folder: String) throws -> [URL] {
        let url = Repository.root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") && $0.lastPathComponent != "README.md" }
            .sorted { $0.path < $1.path }
    }

    /// Inputs libFuzzer found (see Tests/Fixtures/FuzzRegressions/README.md):
    /// each once broke a rule or crashed, and must now pass.
    func testEveryRegressionInputPasses() throws {
        let inputs = try files(in: "Tests/Fixtures/FuzzRegressions")
        for input in inputs {
            XCTAssertNoThrow(try Self.fuzzer.run(Data(contentsOf: input)), input.lastPathComponent)
        }
    }

    func testSeedsAndRealPagesPass() throws {
        var inputs = try files(in: "Tests/Fixtures/FuzzSeeds")
        inputs += try files(in: "Content/en/therapies").filter { $0.pathExtension == "md" }
        XCTAssertGreaterThan(inputs.count, 3)
        for input in inputs {
            XCTAssertNoThrow(try Self.fuzzer.run(Data(contentsOf: input)), input.lastPathComponent)
        }
    }

    /// The SVG target's rule (never crash; a published picture names nothing outside itself; a
    /// refused one says why) over its seeds, its regressions and every SVG of the repository's sites.
    func testEverySVGSeedAndRegressionKeepsTheRule() throws {
        var inputs = try files(in: "Tests/Fixtures/SVGFuzzSeeds") + files(in: "Tests/Fixtures/SVGFuzzRegressions")
        for folder in ["Content", "Tests/Fixtures/Pictures"] {
            let root = Repository.root.appendingPathComponent(folder)
            inputs += FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "svg" }
        }
        XCTAssertGreaterThan(inputs.filter { $0.path.contains("SVGFuzzSeeds") }.count, 8)
        XCTAssertGreaterThan(inputs.count, 20)
        for input in inputs {
            XCTAssertNoThrow(try SVGFuzzer().run(Data(contentsOf: input)), input.lastPathComponent)
        }
    }

    /// The safety rule itself: it must catch what raw HTML would let through,
    /// and not mistake harmless text for it.
    func testTagScannerFindsHandlersAndScriptURLsOnly() {
        let tags = TagScanner.tags(
            in:
                #"<p title="onclick=x">javascript: is text</p><IMG src=x ONERROR=alert(1)>"#
                + #"<a href = 'JavaScript:alert(2)'>"#
        )
        XCTAssertEqual(tags.map(\.name), ["p", "img", "a"])
        XCTAssertEqual(tags[0].attributes.map(\.name), ["title"])
        XCTAssertEqual(tags[1].attributes.map(\.name), ["src", "onerror"])
        XCTAssertEqual(tags[2].attributes.first?.value, "javascript:alert(2)")
    }

    func testPagesThatDoNotLoadAreErrorsNotSilence() {
        XCTAssertNoThrow(try Self.fuzzer.run(Data("---\ntitle: [\n---\n".utf8)))
        XCTAssertNoThrow(try Self.fuzzer.run(Data([0xFF, 0xFE, 0x00])))
        XCTAssertNoThrow(try Self.fuzzer.run(Data()))
    }
}
