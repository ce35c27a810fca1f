/// A small, deterministic JSON writer: keys in the order written, no spaces.
/// A class, so that nested `object { … }` closures can write to it.
final class JSONWriter {
    private(set) var text = ""
    private var needsComma = false

    func object(_ body: () -> Void) {
        open("{")
        body()
        close("}")
    }

    func list<Element>(_ items: [Element], _ body: (Element) -> Void) {
        open("[")
        for item in items { body(item) }
        close("]")
    }

    func array(_ values: [String]) {
        list(values) { string($0) }
    }

    func key(_ name: String) {
        string(name)
        text += ":"
        needsComma = false
    }

    func string(_ value: String) {
        separate()
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            // "<" escaped so the JSON is inert even if a page inlines it.
            case "<": text += "\\u003c"
            case _ where scalar.value < 0x20: text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
        needsComma = true
    }

    private func open(_ bracket: String) {
        separate()
        text += bracket
        needsComma = false
    }

    private func close(_ bracket: String) {
        text += bracket
        needsComma = true
    }

    private func separate() {
        if needsComma { text += "," }
    }
}
