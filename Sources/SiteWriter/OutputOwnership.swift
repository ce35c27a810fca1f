public import Foundation
import Glibc
public import SiteModel
import SiteSupport

/// Which folders a build may replace. A build swaps a new site in whole, or
/// removes the files it no longer produces, so the output folder must hold
/// nothing but an earlier output: `--output ~` must not cost a home folder.
///
/// The rule, Hugo's spirit with Zola's strictness: a folder is replaced only
/// when it is missing, empty (but for the kept `README.md` and `.gitignore`),
/// or marked as this site's output by the marker file every build leaves in
/// it. Anything else is refused before a byte is written, naming a few of its
/// entries. A folder written by a spinesite from before the marker is known by
/// its build record and adopted.
public enum OutputOwnership {
    /// The marker, hidden and kept at the top of every output folder.
    public static let markerName = ".spinesite-output"
    /// How many entries a refusal names.
    static let entriesShown = 4

    /// Throws unless `output` may be replaced by a build of the site in `root`.
    /// - Parameter hasBuildRecord: a build record of this site names this
    ///   folder (an output written before builds left the marker).
    public static func check(output: URL, root: URL, hasBuildRecord: Bool) throws(BuildFailure) {
        let path = output.path
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        // A build replaces the link itself with a folder; what it points to is never touched.
        case S_IFLNK: return
        default: throw refusal(output, "it is a file, not a folder")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw refusal(output, "it cannot be read, so what it holds is unknown (\(error.localizedDescription))")
        }
        let entries = names.filter { !StagingFolder.keptFiles.contains($0) }
        if entries.isEmpty { return }
        if let marker = FileBytes.read(path + "/" + markerName) {
            let site = siteRoot(named: marker, output: output)
            if site.map(canonical) == canonical(root.path) { return }
            throw refusal(
                output,
                "it holds the output of another site (\(site ?? "unknown")); build that site there, "
                    + "or choose another folder")
        }
        if hasBuildRecord { return }
        let shown = entries.sorted().prefix(entriesShown).map { "'\($0)'" }.joined(separator: ", ")
        let more = entries.count > entriesShown ? " and \(entries.count - entriesShown) more" : ""
        throw refusal(
            output,
            "it is not empty and was not written by spinesite (it holds \(shown)\(more)), and a build replaces "
                + "the whole folder; choose a new or empty folder, or move those files away first (an output "
                + "of a spinesite older than the marker file, '\(markerName)', has none: delete it once)")
    }

    /// The marker's bytes for a build of the site in `root` into `output`: the
    /// site's folder as seen from the output folder, so that moving a project
    /// with its `Site/` inside keeps the mark valid.
    public static func marker(output: URL, root: URL) -> Data {
        let relative = relativePath(from: canonical(output.path), to: canonical(root.path))
        return Data(
            """
            This folder is a spinesite output: every build replaces it whole. Keep nothing else here.
            site: \(relative)

            """.utf8)
    }

    /// The site folder the marker names, absolute; nil if it names none.
    private static func siteRoot(named marker: [UInt8], output: URL) -> String? {
        let text = String(decoding: marker, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("site: ") }) else { return nil }
        let relative = String(line.dropFirst("site: ".count))
        return URL(fileURLWithPath: relative, relativeTo: URL(fileURLWithPath: canonical(output.path) + "/"))
            .standardizedFileURL.path
    }

    private static func refusal(_ output: URL, _ reason: String) -> BuildFailure {
        BuildFailure([
            .error(SourceLocation(file: output.relativePath), "refusing to use this output folder: \(reason)")
        ])
    }

    /// Absolute, with symbolic links resolved as far as the path exists.
    public static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// `../..`-style path from folder `from` to `to`, both absolute and canonical.
    static func relativePath(from: String, to: String) -> String {
        let fromParts = from.split(separator: "/")
        let toParts = to.split(separator: "/")
        var common = 0
        while common < min(fromParts.count, toParts.count), fromParts[common] == toParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        let downs = toParts[common...].map(String.init)
        let parts = ups + downs
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
