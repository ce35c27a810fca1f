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

    /// Writes the file into `sink`; returns what failed.
    public func write(into sink: some OutputSink) -> (any Error)? {
        do {
            try sink.write(path, contents)
            return nil
        } catch {
            return error
        }
    }
}
