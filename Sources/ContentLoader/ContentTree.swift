import Foundation
import SiteModel
import SiteSupport

/// The files under `Content/`, found without following links out of it.
///
/// Symbolic links to files inside `Content/` are read; links to folders are
/// refused (they are how loops happen), and so is anything resolving outside.
struct ContentTree {
    struct Entry {
        /// `/`-separated, relative to the folder walked.
        var relativePath: String
        var url: URL
        /// Bytes, from the stat that found the entry (0 for folders).
        var size: Int = 0
    }

    let rootURL: URL
    /// How paths are shown in diagnostics: `Content` or `/some/root/Content`.
    let displayRoot: String
    private let realRoot: String

    init(rootURL: URL, displayRoot: String) {
        self.rootURL = rootURL
        self.displayRoot = displayRoot
        self.realRoot = Self.realPath(rootURL.path) ?? rootURL.path
    }

    func display(_ relativePath: String) -> String {
        relativePath.isEmpty ? displayRoot : "\(displayRoot)/\(relativePath)"
    }

    /// What a folder holds, with what could not be read or was refused.
    struct Listing {
        var files: [Entry] = []
        var folders: [Entry] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Immediate children of a folder, sorted by name.
    func children(of relativeFolder: String) -> Listing {
        let folderURL = relativeFolder.isEmpty ? rootURL : rootURL.appendingPathComponent(relativeFolder)
        var listing = Listing()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folderURL.path).sorted()
        } catch {
            listing.diagnostics.append(
                .error(
                    SourceLocation(file: display(relativeFolder)), "cannot read folder: \(error.localizedDescription)")
            )
            return listing
        }
        for name in names where !name.hasPrefix(".") {
            let relative = relativeFolder.isEmpty ? name : "\(relativeFolder)/\(name)"
            let url = folderURL.appendingPathComponent(name)
            let location = SourceLocation(file: display(relative))
            switch kind(of: url) {
            case .file(let size): listing.files.append(Entry(relativePath: relative, url: url, size: size))
            case .folder: listing.folders.append(Entry(relativePath: relative, url: url))
            case .refused(let reason): listing.diagnostics.append(.error(location, reason))
            case .other: listing.diagnostics.append(.warning(location, "not a file or folder; ignored"))
            }
        }
        return listing
    }

    /// The file at `relativePath`, judged as a folder listing judges it (a
    /// link inside the tree to a file counts); nil for anything else.
    func file(_ relativePath: String) -> Entry? {
        let url = rootURL.appendingPathComponent(relativePath)
        guard case .file(let size) = kind(of: url) else { return nil }
        return Entry(relativePath: relativePath, url: url, size: size)
    }

    /// Every file and folder below a folder, depth first, sorted. Folders are listed on all cores
    /// (a stat per file, 25,000 at N = 10,000), and joined in order.
    func files(under relativeFolder: String) -> Listing {
        let top = children(of: relativeFolder)
        var listing = top
        for nested in ParallelMap.map(top.folders, { files(under: $0.relativePath) }) {
            listing.files += nested.files
            listing.folders += nested.folders
            listing.diagnostics += nested.diagnostics
        }
        return listing
    }

    private enum Kind {
        case file(size: Int)
        case folder, other
        case refused(String)
    }

    private func kind(of url: URL) -> Kind {
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            return .refused("cannot be read (it may have been removed during the build)")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int(info.st_size))
        case S_IFDIR: return .folder
        case S_IFLNK: return symlinkKind(url)
        default: return .other
        }
    }

    private func symlinkKind(_ url: URL) -> Kind {
        guard let target = Self.realPath(url.path) else {
            return .refused("symbolic link cannot be resolved (broken, or a loop)")
        }
        guard target.hasPrefix(realRoot + "/") else {
            return .refused("symbolic link points outside Content/ (to \(target)); refused")
        }
        var info = stat()
        guard stat(target, &info) == 0 else { return .refused("symbolic link cannot be resolved") }
        if info.st_mode & S_IFMT == S_IFDIR {
            return .refused("symbolic link to a folder; links to folders are not followed")
        }
        return info.st_mode & S_IFMT == S_IFREG ? .file(size: Int(info.st_size)) : .other
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
