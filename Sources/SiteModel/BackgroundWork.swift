import Dispatch
import SiteSupport
import Synchronization

/// Work started on another thread now and waited for later: one stage's
/// pure work overlapping another's (Markdown converted while the site is
/// resolved).
public final class BackgroundWork<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let value = Mutex<Value?>(nil)

    public init(_ work: @escaping @Sendable () -> Value) {
        if ParallelMap.isSerial {
            value.withLock { $0 = work() }
            done.signal()
            return
        }
        DispatchQueue.global().async { [self] in
            let result = work()
            value.withLock { $0 = result }
            done.signal()
        }
    }

    /// Waits for the work and returns its value.
    public func result() -> Value {
        done.wait()
        done.signal()
        return value.withLock { $0! }
    }
}
