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
        /// On disk: the root's path and `relativePath`, joined as text (`URL` costs more per file).
        var path: String
        /// Bytes, from the stat that found the entry (0 for folders).
        var size: Int = 0

        var url: URL { URL(fileURLWithPath: path) }
    }

    /// The folder walked, as a file-system path.
    let rootPath: String
    /// How paths are shown in diagnostics: `Content` or `/some/root/Content`.
    let displayRoot: String
    private let realRoot: String

    init(rootURL: URL, displayRoot: String) {
        self.rootPath = rootURL.path
        self.displayRoot = displayRoot
        self.realRoot = Self.realPath(rootPath) ?? rootPath
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
        let folderPath = relativeFolder.isEmpty ? rootPath : "\(rootPath)/\(relativeFolder)"
        var listing = Listing()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folderPath).sorted()
        } catch {
            listing.diagnostics.append(
                .error(
                    SourceLocation(file: display(relativeFolder)), "cannot read folder: \(error.localizedDescription)")
            )
            return listing
        }
        for name in names where !name.hasPrefix(".") {
            let relative = relativeFolder.isEmpty ? name : "\(relativeFolder)/\(name)"
            let path = "\(folderPath)/\(name)"
            let location = SourceLocation(file: display(relative))
            switch kind(of: path) {
            case .file(let size): listing.files.append(Entry(relativePath: relative, path: path, size: size))
            case .folder: listing.folders.append(Entry(relativePath: relative, path: path))
            case .refused(let reason): listing.diagnostics.append(.error(location, reason))
            case .other: listing.diagnostics.append(.warning(location, "not a file or folder; ignored"))
            }
        }
        return listing
    }

    /// The file at `relativePath`, judged as a folder listing judges it (a
    /// link inside the tree to a file counts); nil for anything else.
    func file(_ relativePath: String) -> Entry? {
        let path = "\(rootPath)/\(relativePath)"
        guard case .file(let size) = kind(of: path) else { return nil }
        return Entry(relativePath: relativePath, path: path, size: size)
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

    private func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return .refused("cannot be read (it may have been removed during the build)")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int(info.st_size))
        case S_IFDIR: return .folder
        case S_IFLNK: return symlinkKind(path)
        default: return .other
        }
    }

    private func symlinkKind(_ path: String) -> Kind {
        guard let target = Self.realPath(path) else {
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
