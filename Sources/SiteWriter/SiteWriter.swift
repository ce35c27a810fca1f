public import Foundation
import Glibc
public import SiteModel
import SiteSupport

/// Stage 4: a staging folder beside the output folder that receives every file,
/// then is swapped in whole, so readers (and a failed build) never see half a site.
public final class StagingFolder: OutputSink, @unchecked Sendable {
    /// Files of the output folder that are not generated but kept across builds
    /// (the repository keeps `Site/README.md` and its ignore rules).
    public static let keptFiles = ["README.md", ".gitignore"]

    public let output: URL
    let staging: URL
    /// `staging.path`, made once and read everywhere a path is wanted: `URL.path` parses the URL
    /// again each time it is read (about 4,000 instructions), and every file and folder of the site
    /// is named from it.
    private let stagingPath: String
    private var location: SourceLocation { SourceLocation(file: output.path) }

    /// Creates an empty staging folder next to `output`.
    public init(for output: URL) throws(BuildFailure) {
        self.output = output
        staging = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).staging-\(getpid())")
        stagingPath = staging.path
        Self.removeAbandonedStaging(beside: output)
        POSIXFiles.removeTree(stagingPath)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([
                .error(
                    SourceLocation(file: output.path),
                    "cannot create the staging folder \(stagingPath): \(error.localizedDescription)")
            ])
        }
    }

    /// Checks every path stays inside and creates the folders they need.
    public func prepare(_ paths: [String]) throws {
        // Level by level, each level on every core: one at a time, a site's 25,000 folders took 200 ms.
        let levels = Dictionary(grouping: try Self.folders(of: paths)) { $0.utf8.count { $0 == UInt8(ascii: "/") } }
        for depth in levels.keys.sorted() {
            let failures = ParallelMap.map(levels[depth] ?? []) { folder in
                Result { try POSIXFiles.makeDirectory(self.stagingPath + "/" + folder) }
            }
            for case .failure(let error) in failures { throw error }
        }
    }

    /// The folders `paths` need, each before everything inside it; throws
    /// for a path that would leave the output folder.
    static func folders(of paths: [String]) throws -> [String] {
        var folders = Set<String>()
        folders.reserveCapacity(paths.count)
        for path in paths {
            guard isContained(path) else {
                throw OutputError(path: path, reason: "refusing to write outside the output folder")
            }
            var folder = path[...]
            // Split at the bytes `/`, as the file system splits a path (not at `Character`s).
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        return folders.sorted()
    }

    public func write(_ path: String, bytes: UnsafeRawBufferPointer) throws -> Bool {
        guard Self.isContained(path) else {
            throw OutputError(path: path, reason: "refusing to write outside the output folder")
        }
        do {
            try POSIXFiles.writeFile(stagingPath + "/" + path, bytes)
        } catch let error as OutputError {
            // Named as the file will be published, not by the staging folder's name.
            throw OutputError(path: output.path + "/" + path, reason: error.reason)
        }
        return true
    }

    /// Swaps the staging folder in; the previous output is removed.
    public func commit() throws(BuildFailure) {
        let fileManager = FileManager.default
        do {
            for name in Self.keptFiles where fileManager.fileExists(atPath: output.appendingPathComponent(name).path) {
                try fileManager.copyItem(
                    at: output.appendingPathComponent(name), to: staging.appendingPathComponent(name))
            }
            try Self.swap(staging, into: output)
        } catch {
            discard()
            throw BuildFailure([.error(location, "output not written; the previous site is unchanged: \(error)")])
        }
        // After the swap the staging path holds the previous site.
        POSIXFiles.removeTree(stagingPath)
    }

    /// Throws the staging folder away; the output folder is untouched.
    public func discard() {
        POSIXFiles.removeTree(stagingPath)
    }

    /// Relative, no `..`, no empty segments: stays inside the output folder.
    /// Every segment of `path` non-empty and neither `.` nor `..`, and no
    /// leading slash. Checked for every file written, over bytes.
    static func isContained(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes[0] != UInt8(ascii: "/") else { return false }
            var segmentStart = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                let length = index - segmentStart
                let dots = bytes[segmentStart..<index].allSatisfy { $0 == UInt8(ascii: ".") }
                if length == 0 || (dots && length <= 2) { return false }
                segmentStart = index + 1
            }
            return true
        }
    }

    /// Exchanges the two folders atomically where the kernel can (Linux
    /// renameat2), else renames the old one away first.
    private static func swap(_ staging: URL, into output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if AtomicExchange.exchange(staging.path, output.path) { return }
        let old = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).old-\(getpid())")
        try fileManager.moveItem(at: output, to: old)
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: old, to: output)
            throw error
        }
        try? fileManager.moveItem(at: old, to: staging)
    }

    /// Staging folders left by builds that were killed (their process is gone).
    private static func removeAbandonedStaging(beside output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).staging-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0 else { continue }
            POSIXFiles.removeTree(parent.appendingPathComponent(name).path)
        }
    }
}

/// Writes a whole set of files at once: stage, write, swap.
public enum SiteWriter {
    public static func write(_ files: [OutputFile], to output: URL) throws(BuildFailure) {
        let staging = try StagingFolder(for: output)
        do {
            try staging.prepare(files.map(\.path))
            for file in files { try staging.write(file.path, file.contents) }
        } catch {
            staging.discard()
            throw BuildFailure([
                .error(
                    SourceLocation(file: output.path), "output not written; the previous site is unchanged: \(error)")
            ])
        }
        try staging.commit()
    }
}

/// Linux's renameat2(RENAME_EXCHANGE), looked up at run time because Glibc's
/// Swift overlay does not export it.
enum AtomicExchange {
    private typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: UInt32 = 2

    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let function = unsafeBitCast(symbol, to: RenameAt2.self)
            return function(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
            return false
        #endif
    }
}
