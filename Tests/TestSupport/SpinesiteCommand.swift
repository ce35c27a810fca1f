public import Foundation

/// The built `spinesite` binary, run as a user would.
public enum SpinesiteCommand {
    /// The test bundle and the executable are built into the same folder.
    public static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("spinesite")
    }

    public static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// Runs `spinesite arguments` in `folder`; `user` runs it under that
    /// account instead (as root, through runuser), to meet real permissions; `environment` adds
    /// to the test's own.
    public static func run(
        _ arguments: [String], in folder: URL, user: String? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", user, "--", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read stderr on another thread so neither pipe can fill and stall the child.
        let stderr = DataBox()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { stderr.data = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reading.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr.data, as: UTF8.self))
    }
}

/// Written by one reader thread, read after it is waited for.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
