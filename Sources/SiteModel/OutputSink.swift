public import Foundation
import SiteSupport

/// Where rendered files go: the renderer writes each page as soon as it is
/// rendered, so a build never holds the whole site in memory.
public protocol OutputSink: Sendable {
    /// Called once, before any write, with every path that will be written.
    func prepare(_ paths: [String]) throws
    /// Writes one file; called from many threads, each path once.
    /// - Returns: whether the file changed (a sink that keeps earlier files
    ///   leaves one with the same bytes alone).
    @discardableResult
    func write(_ path: String, bytes: UnsafeRawBufferPointer) throws -> Bool
    /// Marks a file an earlier build made and this one no longer makes (a search index file
    /// whose content-hashed name changed), for a sink that keeps earlier files to remove.
    func remove(_ path: String)
}

extension OutputSink {
    /// A sink that starts empty has nothing to remove.
    public func remove(_ path: String) {}

    @discardableResult
    public func write(_ path: String, _ text: String) throws -> Bool {
        try text.withUTF8Bytes { try write(path, bytes: UnsafeRawBufferPointer($0)) }
    }

    @discardableResult
    public func write(_ path: String, _ data: Data) throws -> Bool {
        try data.withUnsafeBytes { try write(path, bytes: $0) }
    }
}

/// A file or folder of the output that could not be made: where (as the user
/// names the output folder) and why. Sinks throw it, and the build reports
/// it at that path.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
