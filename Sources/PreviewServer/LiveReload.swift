import Foundation

/// Open pages listen on `/__spinesite/events` (Server-Sent Events) and reload
/// when a build finishes, good or bad. The script is added to HTML only as the
/// preview serves it; built files never carry it.
actor LiveReload {
    static let eventsPath = "/__spinesite/events"
    static let scriptPath = "/__spinesite/live-reload.js"
    /// The preview's scripts: reload after each build, and the warnings panel.
    static let scriptTag =
        "<script src=\"\(scriptPath)\" defer></script><script src=\"\(WarningPanel.scriptPath)\" defer></script>"
    static let script = """
        // spinesite preview: reload this page after each rebuild.
        (function () {
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("reload", function () { location.reload(); });
        })();

        """

    private var listeners: [Int: AsyncStream<Int>.Continuation] = [:]
    private var nextListener = 0
    private(set) var generation = 0

    /// A stream of build generations, one element per finished build.
    func listen() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.forget(id) } }
        return stream
    }

    func announce() {
        generation += 1
        for continuation in listeners.values { continuation.yield(generation) }
    }

    /// Ends every stream (the server is stopping).
    func close() {
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }

    private func forget(_ id: Int) { listeners[id] = nil }

    /// `html` with the script added before `</body>` (at the end if there is none).
    static func inject(into html: String) -> String {
        guard let close = html.range(of: "</body>", options: .backwards) else { return html + scriptTag }
        return html.replacingCharacters(in: close.lowerBound..<close.lowerBound, with: scriptTag + "\n")
    }
}
