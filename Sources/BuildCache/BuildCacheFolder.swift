import Foundation
import SiteRenderer

/// `.spinesite-cache/<output>/`: the record of the last build into one output
/// folder (`build.bin`, all a build with nothing to do reads), the keys of its
/// pages (`pages.bin`) and its Markdown memo (`markdown.bin`). Git-ignored; safe to delete at any time (the
/// next build is then a clean one). Writing it is best-effort: a build whose
/// cache cannot be saved still succeeds.
public struct BuildCacheFolder: Sendable {
    public let folder: URL
    /// Says which spinesite and which build options wrote the cache; a record
    /// under another key is never used.
    public let key: String

    private var recordURL: URL { folder.appendingPathComponent("build.bin") }
    private var conversionsURL: URL { folder.appendingPathComponent("markdown.bin") }
    private var pageKeysURL: URL { folder.appendingPathComponent("pages.bin") }

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

    /// Output path → key of the page rendered there; empty if missing or unreadable.
    public func readPageKeys() -> [String: Fingerprint] {
        guard var reader = CacheFile.read(pageKeysURL, key: key) else { return [:] }
        let entries = try? reader.array { reader throws(CacheCorrupt) in (try reader.string(), try reader.fingerprint()) }
        guard let entries, reader.isAtEnd else { return [:] }
        return Dictionary(entries, uniquingKeysWith: { first, _ in first })
    }

    /// The Markdown memo; empty if missing or unreadable.
    public func readConversions() -> [Fingerprint: MarkdownConversion] {
        guard var reader = CacheFile.read(conversionsURL, key: key) else { return [:] }
        let entries = try? reader.array { reader throws(CacheCorrupt) in (try reader.fingerprint(), try reader.conversion()) }
        guard let entries, reader.isAtEnd else { return [:] }
        return Dictionary(entries, uniquingKeysWith: { first, _ in first })
    }

    /// Forgets the record before the output folder is changed in place, so an
    /// interrupted build is followed by a clean one, never trusted.
    public func invalidate() {
        try? FileManager.default.removeItem(at: recordURL)
    }

    /// - Parameter conversions: nil keeps the memo file as it is.
    /// The record goes last: without it the other files are never read.
    public func write(_ record: BuildRecord, pageKeys: [String: Fingerprint], conversions: [Fingerprint: MarkdownConversion]?) {
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return }
        if let conversions {
            CacheFile.write(conversionsURL, key: key) { writer in
                writer.write(conversions.sorted { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }) { writer, entry in
                    writer.write(entry.key)
                    writer.write(entry.value)
                }
            }
        }
        CacheFile.write(pageKeysURL, key: key) { writer in
            writer.write(pageKeys.sorted { $0.key < $1.key }) { writer, entry in
                writer.write(entry.key)
                writer.write(entry.value)
            }
        }
        CacheFile.write(recordURL, key: key) { writer in record.encode(into: &writer) }
    }
}
