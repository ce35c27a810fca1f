public import Foundation
import SiteWriter

/// Reviewed snapshots of whole output folders, kept under Tests/Fixtures/Snapshots/.
///
/// `compare` lists every file that differs, is missing or is new, with the first differing line, so a
/// change to any byte of any fixture page fails a test. With `RECORD=1` in the environment it replaces
/// the snapshot with the output instead, and `git diff` is then the review.
///
/// The theme's CSS and JavaScript are left out: they are copies of `Templates/assets/` under a name
/// that carries their content hash, and every page links that name, so a change to them still shows.
public struct SnapshotFolder {
    public let url: URL
    public let name: String

    /// The snapshot of fixture site `name`.
    public init(_ name: String) {
        self.init(name, at: Repository.root.appendingPathComponent("Tests/Fixtures/Snapshots/\(name)"))
    }

    public init(_ name: String, at url: URL) {
        self.name = name
        self.url = url
    }

    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD"] == "1" }

    /// Replaces the snapshot with `output`'s files.
    public func record(from output: URL) throws {
        let files = FileManager.default
        try? files.removeItem(at: url)
        try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        for (path, file) in Self.files(under: output) {
            let target = url.appendingPathComponent(path)
            try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try files.copyItem(at: file, to: target)
        }
    }

    /// One line per difference between `output` and the snapshot; empty when every byte matches.
    public func differences(from output: URL) -> [String] {
        let expected = Self.files(under: url)
        let actual = Self.files(under: output)
        if expected.isEmpty {
            return ["no snapshot at Tests/Fixtures/Snapshots/\(name): record it with RECORD=1 make test"]
        }
        var found: [String] = []
        for path in expected.keys.sorted() where actual[path] == nil {
            found.append("\(name)/\(path): in the snapshot, not in the output")
        }
        for path in actual.keys.sorted() {
            guard let old = expected[path] else {
                found.append("\(name)/\(path): new in the output, not in the snapshot")
                continue
            }
            let new = actual[path]!
            if let old = try? Data(contentsOf: old), let new = try? Data(contentsOf: new), old != new {
                found.append("\(name)/\(path): " + Self.firstDifference(old, new))
            }
        }
        return found
    }

    /// The first line that differs, with both versions, so the failure says what changed.
    static func firstDifference(_ old: Data, _ new: Data) -> String {
        let oldLines = String(decoding: old, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let newLines = String(decoding: new, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(oldLines.count, newLines.count) {
            let before = index < oldLines.count ? String(oldLines[index]) : "(end of file)"
            let after = index < newLines.count ? String(newLines[index]) : "(end of file)"
            if before != after {
                return "line \(index + 1) differs\n  snapshot: \(before)\n  output:   \(after)"
            }
        }
        return "bytes differ (\(old.count) in the snapshot, \(new.count) in the output)"
    }

    static func isThemeCopy(_ path: String) -> Bool {
        path.hasPrefix("assets/") && (path.hasSuffix(".css") || path.hasSuffix(".js"))
    }

    /// Regular files below `root` by path relative to it, the marker left out: it names the site's
    /// folder as seen from the output, which differs from one checkout to another.
    static func files(under root: URL) -> [String: URL] {
        let base = root.standardizedFileURL.path + "/"
        var found: [String: URL] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let file = walker?.nextObject() as? URL {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = file.standardizedFileURL.path
            let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
            if !isThemeCopy(relative) && relative != OutputOwnership.markerName { found[relative] = file }
        }
        return found
    }
}
