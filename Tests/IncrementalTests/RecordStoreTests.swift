import Foundation
import Incremental
import SiteModel
import SiteRenderer
import SiteWriter
import TestSupport
import XCTest

final class RecordStoreTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func tearDown() {
        folder = nil  // removed now, not when the run ends: XCTest keeps every test case
        super.tearDown()
    }

    override func setUp() {
        folder = TemporaryFolder()
    }

    private func cache(key: String = "spinesite test; drafts false") -> RecordStore {
        RecordStore(root: folder.url, output: folder.url.appendingPathComponent("Site"), key: key)
    }

    private let record = BuildRecord(
        inputs: [
            PathStamp(
                path: "/x/Content/",
                stamp: FileStamp(size: 4096, modified: 1_700_000_000_123_456_789, changed: 1, inode: 9)),
            PathStamp(path: "/x/Content/en/tens.md", stamp: FileStamp(size: 812, modified: -5, changed: 2, inode: 10)),
        ],
        outputs: [
            PathStamp(path: "en/tens/index.html", stamp: FileStamp(size: 9000, modified: 3, changed: 3, inode: 11))
        ],
        summary: BuildSummary(
            pageCounts: [PageCount(locale: "en", pages: 9), PageCount(locale: "ar", pages: 9)], filesWritten: 31,
            warnings: [
                .warning(
                    SourceLocation(file: "Content/es/tens.md", line: 4, column: 7), "translation is stale — ünïcode")
            ],
            basePath: "/docs/", draftsSkipped: 2, mode: .unchanged)
    )

    func testARecordReadsBackAsABuildThatFoundNothingChanged() {
        var staged = record
        staged.summary.mode = .staging
        staged.summary.pagesRendered = 18
        staged.summary.changedFiles = ["en/tens/index.html"]
        cache().write(staged)
        XCTAssertEqual(cache().readRecord(), record)
        XCTAssertEqual(staged.summary.repeated, record.summary)
    }

    func testARecordReadsBackAsWritten() {
        cache().write(record)
        XCTAssertEqual(cache().readRecord(), record)
    }

    func testACacheWrittenUnderAnotherKeyIsNotRead() {
        cache(key: "spinesite 1").write(record)
        XCTAssertNil(cache(key: "spinesite 2").readRecord())
        XCTAssertNotNil(cache(key: "spinesite 1").readRecord())
    }

    func testEachOutputFolderHasItsOwnCache() {
        cache().write(record)
        let other = RecordStore(
            root: folder.url, output: folder.url.appendingPathComponent("public"), key: "spinesite test; drafts false")
        XCTAssertNil(other.readRecord())
    }

    func testEveryTruncationAndEveryFlippedByteReadsAsNoCache() throws {
        cache().write(record)
        for name in ["build.bin"] {
            let url = cache().folder.appendingPathComponent(name)
            let original = try [UInt8](Data(contentsOf: url))
            for length in 0..<original.count {
                try Data(original.prefix(length)).write(to: url)
                XCTAssertNil(cache().readRecord(), "\(name) cut to \(length) bytes")
            }
            for position in original.indices {
                var damaged = original
                damaged[position] ^= 0x01
                try Data(damaged).write(to: url)
                XCTAssertNil(cache().readRecord(), "\(name) with byte \(position) flipped")
            }
            try Data(original).write(to: url)
        }
        XCTAssertEqual(cache().readRecord(), record)
    }

    func testInvalidateForgetsTheRecord() {
        cache().write(record)
        cache().invalidate()
        XCTAssertNil(cache().readRecord())
    }
}
