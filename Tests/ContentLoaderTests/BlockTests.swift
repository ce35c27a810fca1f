import ContentLoader
import Foundation
import SiteModel
import TestSupport
import XCTest

final class BlockTests: XCTestCase {
    /// `_blocks/` files are blocks, never pages; front matter is optional and names may have folders.
    func testBlocksAreLoadedApartFromPages() throws {
        let site = try load([
            "tens.md": MinimalSite.page(body: "```block\nsafety/implanted-devices\n```"),
            "_blocks/safety/implanted-devices.md": "Do not use it with a pacemaker.\n",
            "_blocks/urgent.md": "---\ntranslationOf: 0123456789ab\nreferences:\n  sluka:\n    title: \"T\"\n"
                + "    authors: \"S\"\n    pmid: \"123\"\n---\nGet help [@sluka].\n",
        ]).get()
        XCTAssertEqual(site.pages.map(\.relativePath), ["tens.md"])
        XCTAssertEqual(site.blocks.map(\.name), ["safety/implanted-devices", "urgent"])
        let plain = site.blocks[0]
        XCTAssertEqual(plain.body, "Do not use it with a pacemaker.\n")
        XCTAssertEqual(
            plain.bodyLocation,
            SourceLocation(file: "Content/en/_blocks/safety/implanted-devices.md", line: 1, column: 1))
        XCTAssertEqual(plain.relativePath, "_blocks/safety/implanted-devices.md")
        let stamped = site.blocks[1]
        XCTAssertEqual(stamped.translationOf?.value, "0123456789ab")
        XCTAssertEqual(stamped.references.map(\.key), ["sluka"])
        XCTAssertEqual(stamped.body, "Get help [@sluka].\n")
        XCTAssertEqual(stamped.bodyLocation.line, 9)
    }

    func testUnknownBlockKeyIsAnErrorWithSuggestion() {
        XCTAssertEqual(
            messages(load(["_blocks/a.md": "---\ntranslationof: 0123456789ab\n---\nText.\n"])),
            [
                "Content/en/_blocks/a.md:2:1: error: block front matter: unknown key 'translationof' (did you mean "
                    + "'translationOf'?); a block has only 'translationOf' and 'references'"
            ])
    }

    func testRequiredBlocksAreReadBySection() throws {
        let folder = MinimalSite.make()
        folder.write(
            "Content/site.yml",
            MinimalSite.siteYAML + "requiredBlocks:\n  therapies: [safety/a, safety/b]\n")
        let site = try load([:], site: folder).get()
        XCTAssertEqual(site.config.requiredBlocks.map(\.section.value), ["therapies"])
        XCTAssertEqual(site.config.requiredBlocks.first?.blocks.map(\.value), ["safety/a", "safety/b"])
        XCTAssertEqual(site.config.requiredBlocks.first?.blocks.first?.location.file, "Content/site.yml")
    }

    /// A section's rule can name, beside it, the pages that need not follow it.
    func testRequiredBlocksCanExceptPagesBesideTheRule() throws {
        let folder = MinimalSite.make()
        folder.write(
            "Content/site.yml",
            MinimalSite.siteYAML
                + "requiredBlocks:\n  therapies: { blocks: [safety/a], except: [pulse-parameters], exept: [x] }\n")
        let site = try load([:], site: folder).get()
        let rule = try XCTUnwrap(site.config.requiredBlocks.first)
        XCTAssertEqual(rule.blocks.map(\.value), ["safety/a"])
        XCTAssertEqual(rule.except.map(\.value), ["pulse-parameters"])
        XCTAssertEqual(rule.except.first?.location.file, "Content/site.yml")
        XCTAssertTrue(
            site.warnings.contains {
                $0.description.contains("unknown key 'exept'") && $0.description.contains("except")
            },
            site.warnings.map(\.description).joined(separator: "\n"))
    }
}
