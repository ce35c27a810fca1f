import BuildCache
import CommonMark
import Foundation
import Readability
import SiteModel
import SiteRenderer
import SiteWriter
import TestSupport
import XCTest

final class BuildCacheFolderTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUp() {
        folder = TemporaryFolder()
    }

    private func cache(key: String = "spinesite test; drafts false") -> BuildCacheFolder {
        BuildCacheFolder(root: folder.url, output: folder.url.appendingPathComponent("Site"), key: key)
    }

    private let record = BuildRecord(
        inputs: [PathStamp(path: "/x/Content/", stamp: FileStamp(size: 4096, modified: 1_700_000_000_123_456_789, changed: 1, inode: 9)),
                 PathStamp(path: "/x/Content/en/tens.md", stamp: FileStamp(size: 812, modified: -5, changed: 2, inode: 10))],
        outputs: [PathStamp(path: "en/tens/index.html", stamp: FileStamp(size: 9000, modified: 3, changed: 3, inode: 11))],
        pageCounts: [.init(locale: "en", pages: 9), .init(locale: "ar", pages: 9)],
        filesWritten: 31,
        warnings: [.warning(SourceLocation(file: "Content/es/tens.md", line: 4, column: 7), "translation is stale — ünïcode")],
        basePath: "/docs/"
    )

    private let conversion = MarkdownConversion(
        rendered: RenderedMarkdown(
            html: "<h2 id=\"a\">A</h2><p>Text with ½ and عربى <a href=\"\">x</a>.</p>",
            holes: [Hole(offset: 53, kind: .link(0)), Hole(offset: 60, kind: .termStart(1)), Hole(offset: 61, kind: .citation(0))],
            headings: [Heading(level: 2, text: "A", anchor: "a", position: SourcePosition(line: 1, column: 1))],
            internalLinks: [InternalLink(destination: "tens.md#risks", position: SourcePosition(line: 3, column: 9))],
            images: [Image(source: "pads.png", altText: "Two pads", position: SourcePosition(line: 5, column: 1))],
            plainText: "",
            embeds: [Embed(language: "pulse", source: "preset: tens-conventional\n", position: SourcePosition(line: 7, column: 1))],
            externalLinks: ["https://pubmed.ncbi.nlm.nih.gov/123/"],
            termUses: [0, 3],
            citations: [Citation(keys: ["sluka2003", "ünï"], position: SourcePosition(line: 2, column: 4))]
        ),
        words: 120,
        level: .fernandezHuerta(61.25)
    )

    func testARecordAndItsMemoReadBackAsWritten() {
        let key = Fingerprint.of("page")
        cache().write(record, conversions: [key: conversion])
        XCTAssertEqual(cache().readRecord(), record)
        XCTAssertEqual(cache().readConversions(), [key: conversion])
    }

    func testACacheWrittenUnderAnotherKeyIsNotRead() {
        cache(key: "spinesite 1").write(record, conversions: [:])
        XCTAssertNil(cache(key: "spinesite 2").readRecord())
        XCTAssertNotNil(cache(key: "spinesite 1").readRecord())
    }

    func testEachOutputFolderHasItsOwnCache() {
        cache().write(record, conversions: nil)
        let other = BuildCacheFolder(root: folder.url, output: folder.url.appendingPathComponent("public"), key: "spinesite test; drafts false")
        XCTAssertNil(other.readRecord())
    }

    func testEveryTruncationAndEveryFlippedByteReadsAsNoCache() throws {
        let key = Fingerprint.of("page")
        cache().write(record, conversions: [key: conversion])
        for name in ["build.bin", "markdown.bin"] {
            let url = cache().folder.appendingPathComponent(name)
            let original = try [UInt8](Data(contentsOf: url))
            for length in 0..<original.count {
                try Data(original.prefix(length)).write(to: url)
                XCTAssertTrue(name == "build.bin" ? cache().readRecord() == nil : cache().readConversions().isEmpty, "\(name) cut to \(length) bytes")
            }
            for position in original.indices {
                var damaged = original
                damaged[position] ^= 0x01
                try Data(damaged).write(to: url)
                XCTAssertTrue(name == "build.bin" ? cache().readRecord() == nil : cache().readConversions().isEmpty, "\(name) with byte \(position) flipped")
            }
            try Data(original).write(to: url)
        }
        XCTAssertEqual(cache().readRecord(), record)
    }

    func testInvalidateForgetsTheRecordOnly() {
        let key = Fingerprint.of("page")
        cache().write(record, conversions: [key: conversion])
        cache().invalidate()
        XCTAssertNil(cache().readRecord())
        XCTAssertEqual(cache().readConversions().count, 1, "the memo is keyed by content and stays valid")
    }
}
