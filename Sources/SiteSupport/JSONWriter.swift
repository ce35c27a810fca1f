/// A small, deterministic JSON writer: members in the order written, no
/// spaces, strings escaped by `JSONText`. Faster than JSONSerialization
/// for the files written once per page, and its output never depends on
/// a dictionary's order.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private let escaping: JSONText.Escaping
    private var needsComma = false

    public init(escaping: JSONText.Escaping = .scriptSafe) {
        self.escaping = escaping
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// `{…}`, its members written by `body` as `key` then a value.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// `[…]`, one value written by `body` for each item.
    public mutating func list<Items: Sequence>(_ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        open(UInt8(ascii: "["))
        for item in items { body(&self, item) }
        close(UInt8(ascii: "]"))
    }

    /// `[…]`, its values written by `body`.
    public mutating func list(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// `["…",…]`.
    public mutating func array(_ values: some Sequence<String>) {
        list(values) { $0.string($1) }
    }

    public mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String) {
        separate()
        JSONText.appendQuoted(value, to: &bytes, escaping: escaping)
        needsComma = true
    }

    /// The UTF-8 `parts` joined by `separator`, as one string.
    public mutating func string(joiningUTF8 parts: [[UInt8]], separator: String) {
        separate()
        JSONText.appendQuoted(joiningUTF8: parts, separator: separator, to: &bytes, escaping: escaping)
        needsComma = true
    }

    public mutating func number(_ value: Int) {
        separate()
        bytes.append(utf8Of: String(value))
        needsComma = true
    }

    /// A value already written as JSON (`[1,2]`).
    public mutating func rawValue(_ json: [UInt8]) {
        separate()
        bytes += json
        needsComma = true
    }

    /// Members already written as JSON (`"a":1,"b":2`), inside the object being written.
    public mutating func rawMembers(_ json: [UInt8]) {
        guard !json.isEmpty else { return }
        separate()
        bytes += json
        needsComma = true
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}
