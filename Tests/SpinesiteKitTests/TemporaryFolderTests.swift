import Foundation
import TestSupport
import XCTest

/// The test run leaves no temporary folder behind.
final class TemporaryFolderTests: XCTestCase {
    /// Runs test classes of this bundle in a process of their own whose temporary folder is a fresh
    /// one, and finds it empty when they are done. They keep folders in test-case properties (which
    /// XCTest holds until the run ends) and in a `static let` (never released).
    func testTestsLeaveNoTemporaryFoldersBehind() throws {
        let temporary = TemporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["IncrementalTests.RecordStoreTests", "IncrementalTests.RebuildModeTests"]
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "the tests pass")
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        XCTAssertEqual(left.filter { $0.hasPrefix("spinesite-test-") }, [], "every test folder is removed")
    }
}
