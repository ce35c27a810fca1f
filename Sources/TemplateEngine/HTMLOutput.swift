import SiteSupport

/// The bytes of one rendered file, appended to a single growing buffer.
/// Text is escaped on its bytes as it is appended: `& < > " '`, the five
/// characters that matter in HTML elements and quoted attributes.
///
/// Its own memory, not an `[UInt8]`: a page is written in hundreds of small
/// appends (a switcher entry's URL, a tag, a literal between two fields), and
/// an array's append checks uniqueness and goes through its generic copy for
/// each, about 100 instructions, a sixth of rendering at 40 locales. Here an
/// append is a capacity check and a copy. Not copyable, so the memory has one
/// owner and is freed once.
public struct HTMLOutput: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are written.
    private var count = 0

    public init(capacity: Int = 0) {
        self.capacity = max(capacity, 256)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// Appends `raw` as it is (HTML the caller trusts).
    public mutating func appendRaw(_ raw: UnsafeBufferPointer<UInt8>) {
        guard let source = raw.baseAddress, raw.count > 0 else { return }
        if capacity - count < raw.count { grow(toHold: count + raw.count) }
        (start + count).initialize(from: source, count: raw.count)
        count += raw.count
    }

    /// Appends `text` as it is (HTML the caller trusts).
    public mutating func appendRaw(_ text: String) {
        text.withUTF8Bytes { appendRaw($0) }
    }

    public mutating func appendRaw(_ raw: [UInt8]) {
        raw.withUnsafeBufferPointer { appendRaw($0) }
    }

    public mutating func appendRaw(_ raw: ArraySlice<UInt8>) {
        raw.withUnsafeBufferPointer { appendRaw($0) }
    }

    /// Appends `text` with `& < > " '` escaped. Runs without them are copied whole.
    public mutating func appendEscaped(_ text: String) {
        text.withUTF8Bytes { appendEscaped($0) }
    }

    public mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        HTMLEscape.forEachRun(of: source) { appendRaw($0) }
    }

    /// Doubles the memory (at least to `needed` bytes), keeping what is written.
    private mutating func grow(toHold needed: Int) {
        let larger = max(capacity * 2, needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.moveInitialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }

    /// Calls `body` with the bytes written so far.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    /// A copy of the bytes.
    public var bytes: [UInt8] { withBytes { Array($0) } }

    /// The output as text (for tests and callers that need a `String`).
    public var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}
