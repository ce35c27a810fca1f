import BuildCache
import Foundation
import SiteRenderer

/// What a long-running process (the preview server) keeps of its last build,
/// so that a save does not read `.spinesite-cache/` back from disk.
public final class BuildMemory: @unchecked Sendable {
    private let lock = NSLock()
    fileprivate var key: String?
    fileprivate var record: BuildRecord?
    fileprivate var pageKeys: [String: Fingerprint] = [:]
    fileprivate var conversions: [Fingerprint: MarkdownConversion] = [:]

    public init() {}

    fileprivate func withLock<T>(_ body: () -> T) -> T { lock.withLock(body) }
}

/// The last build into an output folder, from memory if the process has it,
/// else from its cache folder.
struct PreviousBuild {
    let cache: BuildCacheFolder
    let memory: BuildMemory?

    private var remembered: Bool { memory?.withLock { memory?.key == cache.key && memory?.record != nil } ?? false }

    func record() -> BuildRecord? {
        remembered ? memory!.withLock { memory!.record } : cache.readRecord()
    }

    func pageKeys() -> [String: Fingerprint] {
        remembered ? memory!.withLock { memory!.pageKeys } : cache.readPageKeys()
    }

    func conversions() -> [Fingerprint: MarkdownConversion] {
        remembered ? memory!.withLock { memory!.conversions } : cache.readConversions()
    }

    /// Forgets the record before the output folder changes in place.
    func invalidate() {
        memory?.withLock { memory?.record = nil }
        cache.invalidate()
    }

    /// - Parameter conversionsChanged: whether the Markdown memo differs from
    ///   the one read at the start. A process that remembers its builds writes
    ///   the memo file only on its first build: every entry is keyed by its
    ///   input, so an older file is incomplete, never wrong, and rewriting
    ///   ~100 MB on every save would cost more than the save.
    func save(_ record: BuildRecord, memo: RenderMemo, conversionsChanged: Bool) {
        let firstInProcess = memory?.withLock { memory?.key != cache.key } ?? true
        let writeConversions = conversionsChanged && (memory == nil || firstInProcess)
        cache.write(record, pageKeys: memo.pages, conversions: writeConversions ? memo.conversions : nil)
        memory?.withLock {
            memory?.key = cache.key
            memory?.record = record
            memory?.pageKeys = memo.pages
            memory?.conversions = memo.conversions
        }
    }
}
