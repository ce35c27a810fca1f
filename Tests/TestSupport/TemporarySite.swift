public import Foundation

/// A folder under the system temp dir, filled with files by path; removed on deinit, or when the
/// test process exits if it is never released (XCTest keeps every test case, and so the folders
/// its properties hold, until the end of the run; a `static let` is never released).
public final class TemporaryFolder: Sendable {
    public let url: URL
    public var path: String { url.path }

    public init() {
        url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "spinesite-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        LiveFolders.add(url.path)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
        LiveFolders.remove(url.path)
    }

    /// Writes `contents` at `relativePath`, creating folders.
    @discardableResult
    public func write(_ relativePath: String, _ contents: String) -> URL {
        write(relativePath, data: Data(contents.utf8))
    }

    @discardableResult
    public func write(_ relativePath: String, data: Data) -> URL {
        let file = url.appendingPathComponent(relativePath)
        try! FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: file)
        return file
    }

    public func read(_ relativePath: String) -> String? {
        try? String(contentsOf: url.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Every sitemap in the output folder at `relativePath` (the index, then each locale's), joined:
    /// for checks that no sitemap, or some sitemap, lists a URL.
    public func sitemaps(in relativePath: String) -> String? {
        guard let index = read("\(relativePath)/sitemap.xml") else { return nil }
        let manager = FileManager.default
        let output = url.appendingPathComponent(relativePath).path
        let parts = ((try? manager.contentsOfDirectory(atPath: output)) ?? []).sorted().flatMap { folder in
            ((try? manager.contentsOfDirectory(atPath: output + "/" + folder)) ?? [])
                .filter { $0.hasPrefix("sitemap") && $0.hasSuffix(".xml") }.sorted()
                .map { "\(relativePath)/\(folder)/\($0)" }
        }
        return ([index] + parts.compactMap(read)).joined()
    }

    public func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(relativePath).path)
    }

    /// Copies a folder of the repository (e.g. a fixture) into this one.
    public func copy(from source: URL, to relativePath: String) {
        let target = url.appendingPathComponent(relativePath)
        try? FileManager.default.removeItem(at: target)
        try! FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! FileManager.default.copyItem(at: source, to: target)
    }
}

/// The temporary folders not removed yet, removed when the process exits.
private enum LiveFolders {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []
    private static let removedAtExit: Void = { atexit { LiveFolders.removeAll() } }()

    static func add(_ path: String) {
        _ = removedAtExit
        lock.withLock { _ = paths.insert(path) }
    }

    static func remove(_ path: String) {
        lock.withLock { _ = paths.remove(path) }
    }

    private static func removeAll() {
        for path in lock.withLock({ paths }) { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// Paths inside this repository, found from this file's location.
public enum Repository {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var templates: URL { root.appendingPathComponent("Templates") }

    public static func fixture(_ name: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures/\(name)")
    }
}

/// The smallest valid site: site.yml and one locale with every string the
/// real templates use.
public enum MinimalSite {
    public static let siteYAML = """
        title: "Test site"
        baseURL: "https://example.org/"
        defaultLocale: en

        """

    public static let localeYAML: String = {
        let real =
            (try? String(contentsOf: Repository.root.appendingPathComponent("Content/en/locale.yml"), encoding: .utf8))
            ?? ""
        return real
    }()

    public static func page(
        title: String = "A page", description: String = "About it.", extra: String = "", body: String = "Text."
    ) -> String {
        "---\ntitle: \"\(title)\"\ndescription: \"\(description)\"\n\(extra)---\n\n\(body)\n"
    }

    /// A folder with Content/site.yml, Content/en/locale.yml and `pages` (path under Content/en → text).
    public static func make(_ pages: [String: String] = [:]) -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("Content/site.yml", siteYAML)
        folder.write("Content/en/locale.yml", localeYAML)
        for (path, text) in pages { folder.write("Content/en/\(path)", text) }
        return folder
    }
}
