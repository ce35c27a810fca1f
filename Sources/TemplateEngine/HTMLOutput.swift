import SiteSupport

/// The bytes of one rendered file, appended to a single growing buffer.
/// Text is escaped on its bytes as it is appended: `& < > " '`, the five
/// characters that matter in HTML elements and quoted attributes.
public struct HTMLOutput: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends `text` as it is (HTML the caller trusts).
    public mutating func appendRaw(_ text: String) {
        text.withUTF8Bytes { bytes.append(contentsOf: $0) }
    }

    public mutating func appendRaw(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    public mutating func appendRaw(_ raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    public mutating func appendRaw(_ raw: ArraySlice<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// Appends `text` with `& < > " '` escaped. Runs without them are copied whole.
    public mutating func appendEscaped(_ text: String) {
        HTMLEscape.append(text, to: &bytes)
    }

    public mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        HTMLEscape.append(source, to: &bytes)
    }

    /// The output as text (for tests and callers that need a `String`).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands the bytes over without a copy.
    public consuming func take() -> [UInt8] { bytes }
}
