import Dispatch
import SiteModel
public import SiteRenderer
import SiteResolver
import SiteWriter
import Synchronization

/// The last build into an output folder, as this process knows it: its
/// record (what it read and wrote), and, in a process that keeps it (the
/// preview server), the rendered site, so that a save can patch it instead
/// of building the site again.
///
/// A single `spinesite build` makes one that keeps nothing: the record is
/// read from and written to the `RecordStore` as the build goes.
public final class LastBuild: Sendable {
    /// Whether the rendered site is kept between builds (the preview) or not (one build).
    public let keepsRenderedSite: Bool

    private struct State {
        /// The record store the kept build belongs to (its key says which options built it).
        var storeKey: String?
        /// nil once the output folder is being changed in place.
        var record: BuildRecord?
        var positions: BuildRecord.Positions?
        /// nil while a patch has it out (see `takeRenderedSite`).
        var site: RenderedSite?
        /// Files the loader warned about: a save of one of them takes a full build.
        var loaderWarningFiles: Set<String> = []
        /// Changes a failed build did not take in: the next build reads them too.
        var unbuilt: Set<FileChange> = []
        /// Counts the times the record was forgotten: a record written for an
        /// earlier build than the last of those is not put in place.
        var generation = 0
        /// The newest record waiting to be written.
        var pendingWrite: PendingWrite?
    }

    /// A record waiting to be written into `store`, with the generation it was made in: it is
    /// put in place only if the record was not forgotten since.
    private struct PendingWrite {
        let record: BuildRecord
        let store: RecordStore
        let generation: Int
    }

    private let state = Mutex(State())
    /// Records are written here after the build has returned, so the preview
    /// announces a page without waiting for them. One queue for the process,
    /// never released: on Linux, disposing a labelled queue crashed the
    /// server at exit ("free(): invalid pointer" in `_dispatch_queue_dispose`).
    private static let recordWrites = DispatchQueue(label: "spinesite.record-writes")

    /// - Parameter keepsRenderedSite: true for a process that builds again and again.
    public init(keepsRenderedSite: Bool = true) {
        self.keepsRenderedSite = keepsRenderedSite
    }

    /// The record of the last build into `store`'s output folder.
    public func record(in store: RecordStore) -> BuildRecord? {
        // The kept record may be nil (the folder is being changed): that is still this store's answer.
        let kept = state.withLock { state in
            (record: state.record, isThisStore: state.storeKey == store.key)
        }
        return kept.isThisStore ? kept.record : store.readRecord()
    }

    /// The source file of the page the kept build wrote at `outputPath` (relative to the output
    /// folder), for the preview's warnings panel; nil without a kept build or for a generated page.
    public func sourceFile(ofOutput outputPath: String) -> String? {
        state.withLock { state in
            state.site?.graph.pages.first { $0.outputPath == outputPath && !$0.isGenerated }?.source.file
        }
    }

    /// Whether a build that finds no input changed may stop there: a process
    /// that keeps its builds needs one rendered in memory to patch later.
    public func mayStopWhenUnchanged(in store: RecordStore) -> Bool {
        !keepsRenderedSite || state.withLock { $0.storeKey == store.key && $0.site != nil }
    }

    /// The Markdown the kept build converted, to be found again by the next.
    public func memo(in store: RecordStore) -> MarkdownMemo {
        state.withLock { $0.storeKey == store.key ? $0.site?.session.memo ?? MarkdownMemo() : MarkdownMemo() }
    }

    /// The kept build, handed out to a patch: the rendered site, its record, where each path is in
    /// the record, and the files the loader warned about.
    public struct KeptBuild: Sendable {
        public var site: RenderedSite
        public var record: BuildRecord
        public var positions: BuildRecord.Positions
        public var loaderWarningFiles: Set<String>
    }

    /// Hands the kept build out, so that the only copy of the rendered site
    /// is the caller's and it can be changed in place (a copy of every page's
    /// body would cost more than the edit). Give it back with `keep` or
    /// `giveBack`.
    public func takeRenderedSite(in store: RecordStore) -> KeptBuild? {
        state.withLock { state in
            guard state.storeKey == store.key, let site = state.site, let record = state.record,
                let positions = state.positions
            else { return nil }
            state.site = nil
            return KeptBuild(
                site: site, record: record, positions: positions, loaderWarningFiles: state.loaderWarningFiles)
        }
    }

    /// Takes back a rendered site handed out and left as it was.
    public func giveBack(_ site: RenderedSite, in store: RecordStore) {
        state.withLock { state in
            if state.storeKey == store.key, state.site == nil { state.site = site }
        }
    }

    /// Forgets the record, in memory and on disk, before the output folder
    /// changes in place: an interrupted build is then followed by a clean one.
    public func forgetRecord(in store: RecordStore) {
        state.withLock { state in
            state.record = nil
            state.generation += 1
            store.invalidate()
        }
    }

    /// Keeps a build: its record is written (later, in a process that keeps
    /// builds), and its rendered site kept if this process keeps them.
    /// - Parameters:
    ///   - record: nil when the output changed in a way no record describes;
    ///     the next build then looks at every file.
    ///   - positions: the record's, if the caller has them.
    public func keep(
        _ record: BuildRecord?, site: RenderedSite, loaderWarningFiles: Set<String>, in store: RecordStore,
        positions: BuildRecord.Positions? = nil
    ) {
        guard keepsRenderedSite else {
            if let record { store.write(record) }
            return
        }
        state.withLock { state in
            state.storeKey = store.key
            state.record = record
            state.positions = record.map { positions ?? BuildRecord.Positions($0) }
            state.site = site
            state.loaderWarningFiles = loaderWarningFiles
            if let record {
                state.pendingWrite = PendingWrite(record: record, store: store, generation: state.generation)
            }
        }
        guard record != nil else { return }
        Self.recordWrites.async { [self] in writePendingRecord() }
    }

    /// Writes the newest pending record (saves in a burst write once), and
    /// puts it in place only if the record was not forgotten meanwhile.
    private func writePendingRecord() {
        guard
            let pending = state.withLock({ state -> PendingWrite? in
                defer { state.pendingWrite = nil }
                return state.pendingWrite
            })
        else { return }
        pending.store.write(pending.record) { rename in
            state.withLock { state in
                if state.generation == pending.generation { rename() }
            }
        }
    }

    /// Waits for records still being written (before the process exits).
    public func flush() {
        Self.recordWrites.sync {}
    }

    /// `changed`, with the files a failed build left unread.
    public func pending(_ changed: [FileChange]) -> [FileChange] {
        state.withLock { Array($0.unbuilt.union(changed)).sorted() }
    }

    /// After a failed build: its changes are read by the next.
    public func remember(unbuilt changes: [FileChange]) {
        state.withLock { $0.unbuilt.formUnion(changes) }
    }

    /// After a successful build: every change is in.
    public func forgetUnbuilt() {
        state.withLock { $0.unbuilt = [] }
    }
}
