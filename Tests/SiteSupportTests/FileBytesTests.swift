import Foundation
import SiteSupport
import XCTest

final class FileBytesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Every byte comes back, in order, for an empty file, a small one and one larger than a read's usual chunk.
    func testReadsTheWholeFile() throws {
        for size in [0, 1, 4_096, 300_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 7) }
            let path = folder.appendingPathComponent("f\(size)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            XCTAssertEqual(FileBytes.read(path), bytes, "size \(size)")
        }
    }

    func testAMissingFileOrAFolderGivesNil() {
        XCTAssertNil(FileBytes.read(folder.appendingPathComponent("missing").path))
        XCTAssertNil(FileBytes.read(folder.path))
    }
}
