import Dispatch
import Foundation

/// `map` on all cores, keeping order. For pure, independent work items.
public enum ParallelMap {
    /// `SPINESITE_THREADS=1` runs every map on the calling thread: for
    /// `make bench`'s instruction counts per stage under callgrind, where
    /// work done by other threads would not be counted under its stage.
    public static let isSerial = ProcessInfo.processInfo.environment["SPINESITE_THREADS"] == "1"

    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        if isSerial { return inputs.map(transform) }
        let buffer = ResultBuffer<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            buffer.set(index, transform(inputs[index]))
        }
        return buffer.values()
    }
}

/// Slots written once each by concurrent workers; read after all finish.
///
/// The slots are raw memory, allocated once. An `Array` here raced: every
/// write first checks that the array's storage is uniquely referenced, a
/// concurrent worker's access made it look shared, and the copy-on-write
/// that followed copied the storage under the other workers' writes and
/// crashed (found by building 10,000 pages in one folder).
private final class ResultBuffer<Output>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Output?>
    private var movedOut = false

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        if !movedOut { slots.deinitialize() }
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Output) {
        // Each index is written by exactly one iteration, so writes never overlap.
        slots[index] = value
    }

    /// The values, moved out of the slots once all are written. A copy would retain every
    /// reference each value holds, and the slots would then release them all again: for a
    /// site's converted pages, a tenth of a second on one core.
    func values() -> [Output] {
        precondition(!movedOut, "values are moved out once")
        movedOut = true
        return Array(unsafeUninitializedCapacity: slots.count) { buffer, initialized in
            for index in slots.indices {
                (buffer.baseAddress! + index).initialize(to: (slots.baseAddress! + index).move()!)
            }
            initialized = slots.count
        }
    }
}
