/// An element the rewrite keeps, with the attributes it keeps, ready to be written out.
struct SVGElement {
    enum Child {
        case element(SVGElement)
        case text(String)
    }

    /// One `name="value"` the rewrite keeps, its value as it will be written (before escaping).
    struct Attribute {
        var name: String
        var value: String
    }

    var name: String
    /// Sorted by name: the parser does not report their order, and the output must be the same
    /// bytes for the same file.
    var attributes: [Attribute]
    var children: [Child] = []

    /// The element as XML, every value escaped. The root declares the SVG namespace (and XLink's when
    /// an `xlink:href` is kept) itself, so no element is read in a namespace the file chose.
    func xml() -> String {
        var xml = ""
        write(into: &xml, isRoot: true)
        return xml
    }

    private func write(into xml: inout String, isRoot: Bool) {
        xml += "<" + name
        if isRoot {
            xml += " xmlns=\"http://www.w3.org/2000/svg\""
            if usesXLink { xml += " xmlns:xlink=\"http://www.w3.org/1999/xlink\"" }
        }
        for attribute in attributes { xml += " \(attribute.name)=\"\(Self.escaped(attribute.value, quote: true))\"" }
        guard !children.isEmpty else {
            xml += "/>"
            return
        }
        xml += ">"
        for child in children {
            switch child {
            case .element(let element): element.write(into: &xml, isRoot: false)
            case .text(let text): xml += Self.escaped(text, quote: false)
            }
        }
        xml += "</\(name)>"
    }

    private var usesXLink: Bool {
        attributes.contains { $0.name.hasPrefix("xlink:") }
            || children.contains {
                if case .element(let element) = $0 { return element.usesXLink }
                return false
            }
    }

    /// `text` with the characters XML gives a meaning escaped, line breaks and tabs in attributes kept
    /// as references (a parser would turn them into spaces), and characters XML 1.0 forbids dropped.
    static func escaped(_ text: String, quote: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quote: result += "&quot;"
            case "\n" where quote: result += "&#10;"
            case "\t" where quote: result += "&#9;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
