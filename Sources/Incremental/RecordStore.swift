public import Foundation
import SiteRenderer
import SiteSupport

/// `.spinesite-cache/<output>/`: the record of the last build into one output
/// folder (`build.bin`), all a build with nothing to do reads. Git-ignored;
/// safe to delete at any time (the next build is then a clean one). Nothing
/// else is kept on disk: converting the whole site's Markdown again costs
/// less than writing and reading back a memo of it. Writing it is best-effort: a build whose
/// cache cannot be saved still succeeds.
public struct RecordStore: Sendable {
    public let folder: URL
    /// Says which spinesite and which build options wrote the cache; a record
    /// under another key is never used.
    public let key: String

    private var recordURL: URL { folder.appendingPathComponent("build.bin") }

    /// - Parameters:
    ///   - root: the folder holding `Content/`.
    ///   - output: the output folder; each gets its own cache.
    public init(root: URL, output: URL, key: String) {
        let name = Fingerprint.of(output.standardizedFileURL.path).description.prefix(16)
        folder = root.appendingPathComponent(".spinesite-cache").appendingPathComponent(String(name))
        self.key = key
    }

    /// Whether a build of this site has written into this output folder (its cache folder exists,
    /// whatever the options): that folder is spinesite's output.
    public var hasRecord: Bool {
        FileManager.default.fileExists(atPath: folder.path)
    }

    public func readRecord() -> BuildRecord? {
        guard var reader = CacheFile.read(recordURL, key: key) else { return nil }
        guard let record = try? BuildRecord(from: &reader), reader.isAtEnd else { return nil }
        return record
    }

    /// Forgets the record before the output folder is changed in place, so an
    /// interrupted build is followed by a clean one, never trusted.
    public func invalidate() {
        try? FileManager.default.removeItem(at: recordURL)
    }

    /// Writes the record.
    /// - Parameter commitRecord: runs the record's final rename, or does not
    ///   (a writer behind the build it describes drops it).
    public func write(_ record: BuildRecord, commitRecord: (_ rename: () -> Void) -> Void = { $0() }) {
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else {
            return
        }
        CacheFile.write(recordURL, key: key, commit: commitRecord) { writer in record.encode(into: &writer) }
    }
}
