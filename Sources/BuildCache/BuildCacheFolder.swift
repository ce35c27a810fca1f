import Foundation
import SiteRenderer

/// `.spinesite-cache/<output>/`: the record of the last build into one output
/// folder (`build.bin`, all a build with nothing to do reads) and its
/// Markdown memo (`markdown.bin`). Git-ignored; safe to delete at any time
/// (the next build is then a clean one). Writing it is best-effort: a build whose
/// cache cannot be saved still succeeds.
public struct BuildCacheFolder: Sendable {
    public let folder: URL
    /// Says which spinesite and which build options wrote the cache; a record
    /// under another key is never used.
    public let key: String

    private var recordURL: URL { folder.appendingPathComponent("build.bin") }
    private var conversionsURL: URL { folder.appendingPathComponent("markdown.bin") }

    /// - Parameters:
    ///   - root: the folder holding `Content/`.
    ///   - output: the output folder; each gets its own cache.
    public init(root: URL, output: URL, key: String) {
        let name = Fingerprint.of(output.standardizedFileURL.path).description.prefix(16)
        folder = root.appendingPathComponent(".spinesite-cache").appendingPathComponent(String(name))
        self.key = key
    }

    public func readRecord() -> BuildRecord? {
        guard var reader = CacheFile.read(recordURL, key: key) else { return nil }
        guard let record = try? BuildRecord(from: &reader), reader.isAtEnd else { return nil }
        return record
    }

    /// The Markdown memo; empty if missing or unreadable.
    public func readConversions() -> [Fingerprint: MarkdownConversion] {
        readMap(conversionsURL) { reader throws(CacheCorrupt) in (try reader.fingerprint(), try reader.conversion()) }
    }

    private func readMap<Key: Hashable, Value>(_ url: URL, _ entry: (inout ByteReader) throws(CacheCorrupt) -> (Key, Value)) -> [Key: Value] {
        guard var reader = CacheFile.read(url, key: key) else { return [:] }
        guard let entries = try? reader.array(entry), reader.isAtEnd else { return [:] }
        return Dictionary(entries, uniquingKeysWith: { first, _ in first })
    }

    /// Forgets the record before the output folder is changed in place, so an
    /// interrupted build is followed by a clean one, never trusted.
    public func invalidate() {
        try? FileManager.default.removeItem(at: recordURL)
    }

    /// The record goes last: without it the other files are never read.
    /// - Parameters:
    ///   - conversions: nil keeps the memo file as it is.
    ///   - commitRecord: runs the record's final rename, or does not (a
    ///     writer behind the build it describes drops it).
    public func write(
        _ record: BuildRecord, conversions: [Fingerprint: MarkdownConversion]?,
        commitRecord: (_ rename: () -> Void) -> Void = { $0() }
    ) {
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return }
        if let conversions {
            writeMap(conversionsURL, conversions) { writer, key, value in
                writer.write(key)
                writer.write(value)
            }
        }
        CacheFile.write(recordURL, key: key, commit: commitRecord) { writer in record.encode(into: &writer) }
    }

    /// Entries in the dictionary's order: the files are read back into
    /// dictionaries, and sorting 40,000 paths would cost the preview more
    /// than the rest of a save.
    private func writeMap<Key: Hashable, Value>(_ url: URL, _ map: [Key: Value], _ entry: (inout ByteWriter, Key, Value) -> Void) {
        CacheFile.write(url, key: key) { writer in
            writer.write(map) { writer, item in entry(&writer, item.key, item.value) }
        }
    }
}
