import Foundation

#if canImport(CDispatch)
    // `struct stat`: on Linux its module is the one Dispatch imports it through.
    import CDispatch
#endif

/// Maps request paths to files of the output folder, as a static host does:
/// `index.html` for folders, and nothing outside the folder — not through
/// `..`, not percent-encoded, not through a symbolic link.
struct SiteFiles: Sendable {
    /// The output folder, absolute and with symbolic links resolved.
    let root: String

    /// `root` may not exist yet (the preview's first build makes it), so it is resolved as far as it
    /// exists; relative to the working folder, as the command line meant it.
    init(root: String) {
        self.root = SiteFiles.resolved(root)
    }

    enum Lookup: Equatable {
        case file(path: String)
        /// A folder asked for without its slash: send the reader to `path/`.
        case redirect
        case notFound
    }

    /// `rawPath` as sent, query and fragment already cut off.
    func lookup(_ rawPath: String) -> Lookup {
        guard let decoded = rawPath.removingPercentEncoding, decoded.hasPrefix("/"),
            !decoded.contains("\0"), !decoded.contains("\\")
        else { return .notFound }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        // `.` and `..` are refused outright rather than normalised: no link of the site has them.
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .notFound }
        var candidate = ([root] + segments.map(String.init)).joined(separator: "/")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            guard decoded.hasSuffix("/") else { return .redirect }
            candidate += "/index.html"
        }
        // Symbolic links are followed, then the real file must still be inside the folder.
        guard let real = SiteFiles.realPath(candidate), real.hasPrefix(root + "/") else { return .notFound }
        var info = stat()
        guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .notFound }
        return .file(path: real)
    }

    /// `path` made absolute, its longest existing part through `realpath`, the rest appended as written.
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = absolute.split(separator: "/").map(String.init)
        var missing: [String] = []
        while !existing.isEmpty, realPath("/" + existing.joined(separator: "/")) == nil {
            missing.insert(existing.removeLast(), at: 0)
        }
        var parts = (realPath("/" + existing.joined(separator: "/")) ?? "/").split(separator: "/").map(String.init)
        for part in missing where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
