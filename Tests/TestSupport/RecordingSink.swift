public import Foundation
public import SiteModel
import Synchronization

/// An output sink that keeps what is prepared and written in memory, and how often each path was written.
public final class RecordingSink: OutputSink {
    private struct Record {
        var prepared: [[String]] = []
        var files: [String: Data] = [:]
        var writes: [String: Int] = [:]
    }

    private let record = Mutex(Record())

    public init() {}

    public func prepare(_ paths: [String]) throws {
        record.withLock { $0.prepared.append(paths) }
    }

    public func write(_ path: String, bytes: UnsafeRawBufferPointer) throws -> Bool {
        let data = Data(bytes)
        return record.withLock { record in
            record.writes[path, default: 0] += 1
            defer { record.files[path] = data }
            return record.files[path] != data
        }
    }

    /// Each `prepare` call's paths, in order.
    public var prepared: [[String]] { record.withLock { $0.prepared } }
    /// The last bytes written at each path.
    public var files: [String: Data] { record.withLock { $0.files } }
    /// How many times each path was written.
    public var writes: [String: Int] { record.withLock { $0.writes } }

    /// The text written at `path`, if any.
    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
