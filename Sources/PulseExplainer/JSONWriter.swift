import SiteModel
import SiteSupport

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
        text += JSONText.quoted(value)
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
