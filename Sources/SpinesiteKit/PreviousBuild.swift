import BuildCache
import Foundation
import SiteRenderer

/// What a long-running process (the preview server) keeps of its last build,
/// so that a save does not read `.spinesite-cache/` back from disk.
public final class BuildMemory: @unchecked Sendable {
    fileprivate struct Kept {
        var key: String
        /// nil once the output folder is being changed in place.
        var record: BuildRecord?
        var pageKeys: [String: Fingerprint]
        var conversions: [Fingerprint: MarkdownConversion]
        /// The last render, for a save that changed page bodies only.
        var session: RenderSession?
        /// Files the loader warned about: a save of one of them takes a full build.
        var loaderWarningFiles: Set<String> = []
    }

    private let lock = NSLock()
    private var kept: Kept?

    public init() {}

    fileprivate func kept(under key: String) -> Kept? {
        lock.withLock { kept?.key == key ? kept : nil }
    }

    fileprivate func keep(_ new: Kept) {
        lock.withLock { kept = new }
    }

    fileprivate func forgetRecord() {
        lock.withLock { kept?.record = nil }
    }

    /// Changed files a failed build did not take in: the next build must read them too.
    private var unbuilt: Set<String> = []

    func pending(_ paths: [String]) -> [String] {
        lock.withLock { Array(unbuilt.union(paths)).sorted() }
    }

    func remember(unbuilt paths: [String]) {
        lock.withLock { unbuilt.formUnion(paths) }
    }

    func forgetUnbuilt() {
        lock.withLock { unbuilt = [] }
    }
}

/// The last build into an output folder, from memory if the process has it,
/// else from its cache folder.
struct PreviousBuild {
    let cache: BuildCacheFolder
    let memory: BuildMemory?

    private var kept: BuildMemory.Kept? { memory?.kept(under: cache.key) }

    var hasSession: Bool { kept?.session != nil }

    /// The last render and its record, if this process made it and the output still matches it.
    func session() -> (session: RenderSession, record: BuildRecord, loaderWarningFiles: Set<String>)? {
        guard let kept, let record = kept.record, let session = kept.session else { return nil }
        return (session, record, kept.loaderWarningFiles)
    }

    func record() -> BuildRecord? {
        if let kept { return kept.record }
        return cache.readRecord()
    }

    func pageKeys() -> [String: Fingerprint] {
        kept?.pageKeys ?? cache.readPageKeys()
    }

    func conversions() -> [Fingerprint: MarkdownConversion] {
        kept?.conversions ?? cache.readConversions()
    }

    /// Forgets the record before the output folder changes in place.
    func invalidate() {
        memory?.forgetRecord()
        cache.invalidate()
    }

    /// - Parameter conversionsChanged: whether the Markdown memo differs from
    ///   the one read at the start. A process that remembers its builds writes
    ///   the memo file only on its first build: every entry is keyed by its
    ///   input, so an older file is incomplete, never wrong, and rewriting
    ///   ~100 MB on every save would cost more than the save.
    /// - Parameter record: nil: the output changed in a way no record
    ///   describes; the next build looks at every file.
    func save(_ record: BuildRecord?, memo: RenderMemo, conversionsChanged: Bool, session: RenderSession, loaderWarningFiles: Set<String>) {
        let writeConversions = conversionsChanged && (memory == nil || kept == nil)
        if let record { cache.write(record, pageKeys: memo.pages, conversions: writeConversions ? memo.conversions : nil) }
        memory?.keep(.init(key: cache.key, record: record, pageKeys: memo.pages, conversions: memo.conversions, session: memory == nil ? nil : session, loaderWarningFiles: loaderWarningFiles))
    }
}
