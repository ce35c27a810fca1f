import Dispatch

/// `map` on all cores, keeping order. For pure, independent work items.
public enum ParallelMap {
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let buffer = ResultBuffer<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            buffer.set(index, transform(inputs[index]))
        }
        return buffer.values()
    }
}

/// Slots written once each by concurrent workers; read after all finish.
private final class ResultBuffer<Output>: @unchecked Sendable {
    private var slots: [Output?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Output) {
        // Each index is written by exactly one iteration, so writes never overlap.
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [Output] { slots.map { $0! } }
}
