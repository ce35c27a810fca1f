import Foundation
import TestSupport
import XCTest

/// The `make …` commands the guides tell people to type are ones make accepts, and do what the
/// guides say.
final class DocumentedCommandTests: XCTestCase {
    /// `make ARGUMENTS -n` in the repository: what make would run, or its refusal.
    private func dryRun(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "-n", "-C", Repository.root.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Every `` `make …` `` span of the README and the guides that is a command (not output).
    private func documentedMakeCommands() throws -> [(file: String, command: String)] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: Repository.root.path + "/docs")
            .filter { $0.hasSuffix(".md") }.map { "docs/\($0)" }
        var commands: [(String, String)] = []
        for file in ["README.md"] + docs.sorted() {
            let text = try String(contentsOfFile: Repository.root.path + "/" + file, encoding: .utf8)
            for span in text.split(separator: "`") where span.hasPrefix("make ") && !span.contains(":") {
                commands.append((file, String(span)))
            }
        }
        return commands
    }

    func testEveryDocumentedMakeCommandIsAcceptedByMake() throws {
        let commands = try documentedMakeCommands()
        XCTAssertTrue(commands.contains { $0.command == "make serve DRAFTS=1" }, "the translator guide's step 5")
        for (file, command) in commands {
            let arguments = command.split(separator: " ").dropFirst().map(String.init)
            let result = try dryRun(arguments)
            XCTAssertEqual(result.status, 0, "\(file): `\(command)`: \(result.output)")
        }
    }

    func testMakeServeWithDraftsPreviewsDrafts() throws {
        let plain = try dryRun(["serve"])
        XCTAssertTrue(plain.output.contains("spinesite serve\n"), plain.output)
        let drafts = try dryRun(["serve", "DRAFTS=1"])
        XCTAssertTrue(drafts.output.contains("spinesite serve --drafts\n"), drafts.output)
    }
}
