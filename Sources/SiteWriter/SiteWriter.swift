import Foundation
import SiteModel

#if canImport(Glibc)
import Glibc
#endif

/// Stage 4: writes the files into a staging folder beside the output folder,
/// then swaps the two, so readers (and a failed build) never see half a site.
public enum SiteWriter {
    /// Files of the output folder that are not generated but kept across builds
    /// (the repository keeps `Site/README.md` and its ignore rules).
    public static let keptFiles = ["README.md", ".gitignore"]

    public static func write(_ files: [(path: String, contents: Data)], to output: URL) throws(BuildFailure) {
        let location = SourceLocation(file: output.path)
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
        let fileManager = FileManager.default
        removeAbandonedStaging(beside: output)
        do {
            POSIXFiles.removeTree(staging.path)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error(location, "cannot create the staging folder \(staging.path): \(error.localizedDescription)")])
        }
        do {
            try writeAll(files, into: staging)
            for name in keptFiles where fileManager.fileExists(atPath: output.appendingPathComponent(name).path) {
                try fileManager.copyItem(at: output.appendingPathComponent(name), to: staging.appendingPathComponent(name))
            }
            try swap(staging, into: output)
        } catch {
            POSIXFiles.removeTree(staging.path)
            throw BuildFailure([.error(location, "output not written; the previous site is unchanged: \(error)")])
        }
        // After the swap the staging path holds the previous site.
        POSIXFiles.removeTree(staging.path)
    }

    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    private static func writeAll(_ files: [(path: String, contents: Data)], into folder: URL) throws {
        var folders = Set<String>()
        for file in files {
            guard isContained(file.path) else { throw WriteError(description: "refusing to write '\(file.path)' outside the output folder") }
            var path = file.path[...]
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                guard folders.insert(String(path)).inserted else { break }
            }
        }
        let root = folder.path
        // Sorted, a folder comes before everything inside it.
        for path in folders.sorted() { try POSIXFiles.makeDirectory(root + "/" + path) }
        let failures = ParallelMap.map(files.map { ($0.path, $0.contents) }) { path, contents -> String? in
            do {
                try POSIXFiles.writeFile(root + "/" + path, contents)
                return nil
            } catch {
                return "\(error)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw WriteError(description: failure) }
    }

    /// Relative, no `..`, no empty segments: stays inside the output folder.
    static func isContained(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
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
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
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

/// Linux's renameat2(RENAME_EXCHANGE), looked up at run time because Glibc's
/// Swift overlay does not export it.
enum AtomicExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
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
