import Incremental
import Foundation
import SiteRenderer

/// What a long-running process (the preview server) keeps of its last build,
/// so that a save does not read `.spinesite-cache/` back from disk, and a
/// body edit can patch the last render (`BodyEditBuild`).
public final class BuildMemory: @unchecked Sendable {
    fileprivate struct Kept {
        var key: String
        /// nil once the output folder is being changed in place.
        var record: BuildRecord?
        /// The last render; nil while a body edit has it out.
        var session: RenderSession?
        /// Files the loader warned about: a save of one of them takes a full build.
        var loaderWarningFiles: Set<String>
        /// Where each path is in the record, for a body edit to patch it.
        var positions: BuildRecord.Positions?
    }

    private let lock = NSLock()
    private var kept: Kept?
    /// Changed files a failed build did not take in: the next build must read them too.
    private var unbuilt: Set<String> = []
    /// Cache files are written here, after the build has returned: the preview
    /// announces the new page without waiting for them. One queue for the
    /// process, never released: on Linux, disposing a labelled queue
    /// crashed the server at exit ("free(): invalid pointer" in
    /// `_dispatch_queue_dispose`, seen under gdb).
    private static let cacheWrites = DispatchQueue(label: "spinesite.cache-writes")
    /// Counts invalidations: a record written for an older build than the
    /// last invalidation is dropped, so the next build need not wait for it.
    private var generation = 0

    public init() {}

    /// Waits for cache files still being written (before the process exits).
    public func flush() {
        Self.cacheWrites.sync {}
    }

    fileprivate func kept(under key: String) -> Kept? {
        lock.withLock { kept?.key == key ? kept : nil }
    }

    fileprivate func keep(_ new: Kept) {
        lock.withLock { kept = new }
    }

    /// Forgets the record, in memory and (through `removeFile`) on disk.
    fileprivate func forgetRecord(removeFile: () -> Void) {
        lock.withLock {
            kept?.record = nil
            generation += 1
            removeFile()
        }
    }

    /// Hands the session out, so that the only reference is the caller's and
    /// it can be changed in place (its memo goes with it).
    fileprivate func takeSession(under key: String) -> LastBuild? {
        lock.withLock {
            guard let current = kept, current.key == key, let record = current.record, let session = current.session, let positions = current.positions else { return nil }
            kept?.session = nil
            return LastBuild(session: session, record: record, positions: positions, loaderWarningFiles: current.loaderWarningFiles)
        }
    }

    /// Takes back a session handed out and left unchanged.
    fileprivate func restore(_ session: RenderSession, under key: String) {
        lock.withLock {
            if kept?.key == key, kept?.session == nil { kept?.session = session }
        }
    }

    typealias CacheWrite = @Sendable (_ commitRecord: (() -> Void) -> Void) -> Void
    /// The newest cache write not begun yet, and the generation it belongs
    /// to: saves in a burst write once.
    private var nextWrite: (CacheWrite, Int)?

    /// - Parameter work: writes the files, handing the record's rename to its argument.
    fileprivate func writeLater(_ work: @escaping CacheWrite) {
        lock.withLock { nextWrite = (work, generation) }
        Self.cacheWrites.async { [self] in
            // The newest write, with the generation it was saved under (not this block's).
            guard let (work, written) = lock.withLock({ () -> (CacheWrite, Int)? in
                defer { nextWrite = nil }
                return nextWrite
            }) else { return }
            work { rename in
                lock.withLock { if generation == written { rename() } }
            }
        }
    }

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
    let cache: RecordStore
    let memory: BuildMemory?

    private var kept: BuildMemory.Kept? { memory?.kept(under: cache.key) }

    var hasSession: Bool { kept?.session != nil }

    func record() -> BuildRecord? {
        if let kept { return kept.record }
        return cache.readRecord()
    }

    /// The Markdown a process converted in its last build (none from disk).
    func conversions() -> [ConversionInput: MarkdownConversion] {
        kept?.session?.memo.conversions ?? [:]
    }

    /// The last render with its record, handed out (see `BuildMemory.takeSession`).
    func takeSession() -> LastBuild? {
        memory?.takeSession(under: cache.key)
    }

    func restore(_ session: RenderSession) {
        memory?.restore(session, under: cache.key)
    }

    /// Forgets the record before the output folder changes in place.
    func invalidate() {
        if let memory { memory.forgetRecord { cache.invalidate() } } else { cache.invalidate() }
    }

    /// - Parameters:
    ///   - record: nil: the output changed in a way no record describes; the
    ///     next build looks at every file.
    ///   - positions: the record's, if the caller has them (else they are found).
    func save(_ record: BuildRecord?, session: RenderSession, loaderWarningFiles: Set<String>, positions: BuildRecord.Positions? = nil) {
        if let record {
            let cache = cache
            let write: @Sendable (_ commitRecord: (() -> Void) -> Void) -> Void = { commit in
                cache.write(record, commitRecord: commit)
            }
            if let memory { memory.writeLater(write) } else { write { $0() } }
        }
        guard let memory else { return }
        memory.keep(.init(key: cache.key, record: record, session: session, loaderWarningFiles: loaderWarningFiles, positions: record.map { positions ?? BuildRecord.Positions($0) }))
    }
}

/// What a body edit takes from memory.
struct LastBuild {
    var session: RenderSession
    var record: BuildRecord
    var positions: BuildRecord.Positions
    var loaderWarningFiles: Set<String>
}
