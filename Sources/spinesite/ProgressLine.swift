import Dispatch
import Foundation

/// "Building… rendering (2.1 s)" on a terminal, for builds longer than a second.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let start = DispatchTime.now()
    private let lock = NSLock()
    private var current = "loading"
    private var shown = false
    private var timer: (any DispatchSourceTimer)?

    init(enabled: Bool) {
        self.enabled = enabled
        guard enabled else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: .milliseconds(250))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    func stage(_ name: String) {
        lock.withLock { current = name }
    }

    private func draw() {
        lock.withLock {
            let seconds = Double(start.millisecondsSince) / 1000
            FileHandle.standardError.write(
                Data("\r\u{1B}[KBuilding… \(current) (\(String(format: "%.1f", seconds)) s)".utf8))
            shown = true
        }
    }

    func finish() {
        timer?.cancel()
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
