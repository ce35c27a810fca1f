public import Foundation

/// A file of the output made whole before the first write (a feed, an
/// asset, a picture): its path in the output folder and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    /// Writes the file into `sink`: whether its bytes changed, or what failed.
    public func write(into sink: some OutputSink) -> FileWrite {
        do {
            return FileWrite(path: path, changed: try sink.write(path, contents))
        } catch {
            return FileWrite(path: path, failure: error)
        }
    }
}

/// What writing one file of the output came to: whether its bytes changed, or what failed.
public struct FileWrite: Sendable {
    /// Relative to the output folder; empty for a failure of the folder itself.
    public var path: String
    public var changed: Bool
    public var failure: (any Error)?

    public init(path: String, changed: Bool = false, failure: (any Error)? = nil) {
        self.path = path
        self.changed = changed
        self.failure = failure
    }
}
