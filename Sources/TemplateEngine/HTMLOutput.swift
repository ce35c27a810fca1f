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
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
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
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    public mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        let isSpecial = Self.isSpecial
        for index in 0..<source.count where source[index] < 0x40 && isSpecial[Int(source[index])] {
            let replacement: StaticString
            switch source[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: replacement = "&#39;"
            }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
            replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
            runStart = index + 1
        }
        if runStart < source.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...])) }
    }

    /// Which of the bytes below 0x40 are escaped (all five are): one
    /// comparison for most bytes, a table read for the rest.
    private static let isSpecial: [Bool] = (0..<0x40).map { [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(UInt8($0)) }

    /// The output as text (for tests and callers that need a `String`).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands the bytes over without a copy.
    public consuming func take() -> [UInt8] { bytes }
}
