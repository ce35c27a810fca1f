// `struct stat`: on Linux its module is the one Dispatch imports it through.
import CDispatch
import Foundation
import Hummingbird

/// The output folder as Hummingbird's `FileMiddleware` reads it, as a static
/// host serves it: under the site's base path only, and nothing outside the
/// folder — not through `..`, not percent-encoded, not through a symbolic
/// link. Pages are read whole and carry the live-reload script, so that
/// their length, validators and body all come from the same bytes.
struct SiteFiles: FileProvider {
    /// The output folder, absolute and with symbolic links resolved.
    let root: String
    /// Where the site is served (`/docs/` for a `baseURL` with a path): request paths outside it
    /// name no file.
    var basePath = "/"

    /// `root` may not exist yet (the preview's first build makes it), so it is resolved as far as it
    /// exists; relative to the working folder, as the command line meant it.
    init(root: String) {
        self.root = SiteFiles.resolved(root)
    }

    enum FileIdentifier {
        case folder
        case file(path: String)
        /// An HTML page, its bytes already with the live-reload script.
        case page(path: String, bytes: [UInt8])

        var path: String? {
            switch self {
            case .folder: nil
            case .file(let path), .page(let path, _): path
            }
        }
    }

    struct FileAttributes: FileMiddlewareFileAttributes {
        var isFolder: Bool
        var size: Int
        /// To the nanosecond: validators must change with a rebuild within the same second.
        var modificationDate: Date
    }

    /// `path` as `FileMiddleware` passes it: percent-decoded, query cut off.
    func getFileIdentifier(_ path: String) -> FileIdentifier? {
        switch resolve(path) {
        case nil: return nil
        case .folder?: return .folder
        case .file(let real)?:
            guard real.hasSuffix(".html") else { return .file(path: real) }
            guard let data = FileManager.default.contents(atPath: real) else { return nil }
            let page = LiveReload.inject(into: String(decoding: data, as: UTF8.self))
            return .page(path: real, bytes: Array(page.utf8))
        }
    }

    /// The output file a page's path serves (a folder's `index.html`), relative to the folder.
    func outputFile(at path: String) -> String? {
        var resolved = resolve(path)
        if case .folder? = resolved, path.hasSuffix("/") { resolved = resolve(path + "index.html") }
        guard case .file(let real)? = resolved else { return nil }
        return String(real.dropFirst(root.count + 1))
    }

    private enum Resolution {
        case folder
        /// A regular file inside the folder, symbolic links resolved.
        case file(String)
    }

    private func resolve(_ path: String) -> Resolution? {
        guard let file = file(at: path) else { return nil }
        guard file != root else { return .folder }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue { return .folder }
        // Symbolic links are followed, then the real file must still be inside the folder.
        guard let real = SiteFiles.realPath(file), real.hasPrefix(root + "/"), Self.isRegularFile(real) else {
            return nil
        }
        return .file(real)
    }

    /// The file a request path names, not yet checked to exist: nil outside the base path, or for
    /// `.` and `..` (refused outright rather than normalised: no link of the site has them).
    private func file(at path: String) -> String? {
        guard !path.contains("\0"), !path.contains("\\") else { return nil }
        let relative: Substring
        if path.hasPrefix(basePath) {
            relative = path.dropFirst(basePath.count)
        } else if path + "/" == basePath {
            relative = ""
        } else {
            return nil
        }
        let segments = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return ([root] + segments.map(String.init)).joined(separator: "/")
    }

    func getAttributes(id: FileIdentifier) async throws -> FileAttributes? {
        guard let path = id.path else { return FileAttributes(isFolder: true, size: 0, modificationDate: Date()) }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let modified = Date(
            timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000)
        switch id {
        case .page(_, let bytes): return FileAttributes(isFolder: false, size: bytes.count, modificationDate: modified)
        default: return FileAttributes(isFolder: false, size: Int(info.st_size), modificationDate: modified)
        }
    }

    func loadFile(id: FileIdentifier, context: some RequestContext) async throws -> ResponseBody {
        switch id {
        case .page(_, let bytes): return ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        case .file(let path): return try await FileIO().loadFile(path: path, context: context)
        case .folder: throw HTTPError(.notFound)
        }
    }

    func loadFile(id: FileIdentifier, range: ClosedRange<Int>, context: some RequestContext) async throws
        -> ResponseBody
    {
        switch id {
        case .page(_, let bytes):
            let part = bytes[min(range.lowerBound, bytes.count)..<min(range.upperBound + 1, bytes.count)]
            return ResponseBody(byteBuffer: ByteBuffer(bytes: part))
        case .file(let path): return try await FileIO().loadFile(path: path, range: range, context: context)
        case .folder: throw HTTPError(.notFound)
        }
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
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
