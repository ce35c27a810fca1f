import Foundation
import Hummingbird
import Incremental
import Logging
import ServiceLifecycle
import SiteModel
import SiteSupport
public import SpinesiteKit

/// `spinesite serve`: builds, serves the output folder on loopback, rebuilds
/// when `Content/` or `Templates/` change, and reloads open pages.
public enum PreviewServer {
    public struct Configuration: Sendable {
        public var build: BuildOptions
        public var host: String
        public var port: Int

        public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 8000) {
            self.build = build
            self.host = host
            self.port = port
        }
    }

    /// Runs until SIGINT or SIGTERM. `log` receives one line per event (the
    /// URL once listening, then each rebuild or its errors); `listening`, the
    /// URL of the address the server bound (with the port it picked for 0).
    public static func run(
        _ configuration: Configuration, log: @escaping @Sendable (String) -> Void,
        listening: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws {
        let liveReload = LiveReload()
        let state = BuildState()
        let builder = PreviewBuilder(options: configuration.build, state: state, liveReload: liveReload, log: log)
        let watcher = try FileWatcher(folders: [configuration.build.contentPath, configuration.build.templatesPath])
        let responder = PreviewResponder(
            hosts: HostCheck(listeningOn: configuration.host), files: SiteFiles(root: configuration.build.outputPath),
            liveReload: liveReload, state: state, lastBuild: builder.lastBuild)
        var logger = Logger(label: "spinesite.serve")
        logger.logLevel = ProcessInfo.processInfo.environment["SPINESITE_SERVE_DEBUG"] == nil ? .warning : .trace
        let app = Application(
            responder: responder,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "spinesite"),
            services: [RebuildService(watcher: watcher, builder: builder, liveReload: liveReload)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                let url = "http://\(host):\(port)/"
                log("Serving \(configuration.build.outputPath) at \(url) (Ctrl-C stops)")
                listening(url)
            },
            logger: logger
        )
        try await app.runService()
    }
}

/// Builds once, then after each batch of changes until the server shuts
/// down. A build under way when Ctrl-C comes is finished first, so no
/// staging folder is left behind.
struct RebuildService: Service {
    let watcher: FileWatcher
    let builder: PreviewBuilder
    let liveReload: LiveReload

    func run() async throws {
        await builder.rebuild(reason: nil)
        for await batch in watcher.changes().cancelOnGracefulShutdown() {
            await builder.rebuild(reason: batch)
        }
        // The last build's cache files, so that the next `spinesite build` finds them.
        builder.lastBuild.flush()
        // Open event streams would otherwise hold the server open.
        await liveReload.close()
    }
}

/// One build at a time, its outcome recorded and announced to open pages.
struct PreviewBuilder: Sendable {
    /// Enough to see what a save did; a first build of a site with many warnings points to `check`.
    static let warningsShown = 20

    let options: BuildOptions
    /// The last build, kept in memory: a save re-renders only the pages it affects.
    let lastBuild = LastBuild()
    let state: BuildState
    let liveReload: LiveReload
    let log: @Sendable (String) -> Void

    func rebuild(reason: [FileChange]?) async {
        let start = Date()
        do {
            let report = try await Self.offPool { [options, lastBuild] in
                Result { () throws(BuildFailure) in
                    try SiteBuilder.build(options, lastBuild: lastBuild, changes: reason)
                }
            }.get()
            let newWarnings = await state.succeeded(basePath: report.basePath, warnings: report.warnings)
            let changed = reason.map { " after \($0.count) change(s)" } ?? ""
            let work =
                switch report.mode {
                case .staging: ""
                // A patch renders only the pages that show the edited bodies.
                case .patch:
                    ": \(report.pagesRendered) rendered, \(report.filesChanged) changed (body edit)"
                // Otherwise every page is rendered, and only changed files are written.
                case .inPlace, .unchanged:
                    ": \(PluralRules.english(report.pagesRendered, "page")) changed, "
                        + "\(PluralRules.english(report.filesChanged, "file")) changed"
                }
            log(
                "Built \(PluralRules.english(report.totalPages, "page"))\(changed) in "
                    + "\(Int(Date().timeIntervalSince(start) * 1000)) "
                    + "ms\(work)\(Self.warningCount(report.warnings.count, new: newWarnings.count))"
            )
            for warning in newWarnings.prefix(Self.warningsShown) { log(warning.description) }
            if newWarnings.count > Self.warningsShown {
                log(
                    "… and \(newWarnings.count - Self.warningsShown) more new warnings: spinesite check lists them all"
                )
            }
        } catch {
            await state.failed(error.diagnostics)
            for diagnostic in error.diagnostics where diagnostic.severity == .error { log(diagnostic.description) }
            log(
                "Build failed with \(PluralRules.english(error.errors.count, "error")); the browser shows them, "
                    + "and the last good site "
                    + "stays in \(options.outputPath)"
                    + BuildFailure.notChecked(error.skipped)
            )
        }
        await liveReload.announce()
    }

    /// `work` on a thread of its own: a build blocks for seconds, and a blocked thread of Swift's
    /// cooperative pool (one per core) would stall the server's requests meanwhile.
    static func offPool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            buildQueue.async { continuation.resume(returning: work()) }
        }
    }

    private static let buildQueue = DispatchQueue(label: "spinesite.serve.build")

    /// `; 3 warnings (1 new)`, or nothing for a site without warnings.
    static func warningCount(_ total: Int, new: Int) -> String {
        guard total > 0 else { return "" }
        return "; \(PluralRules.english(total, "warning"))" + (new > 0 ? " (\(new) new)" : "")
    }
}
