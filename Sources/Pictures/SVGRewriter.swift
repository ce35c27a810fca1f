import Foundation
import FoundationXML
import SiteSupport

/// Reads an SVG (Foundation's `XMLParser`, which is libxml2's SAX parser, never told to load a DTD or
/// an external entity; entities themselves are refused on the bytes before it runs) into the elements
/// and attributes it is allowed to keep, and says what is plainly wrong on the way. libxml2 rather than
/// a parser of our own: it is long fuzzed, and what it gets wrong cannot reach a reader, because all
/// that is taken from it is names, decoded text and positions — the output is written by `SVGElement`
/// from the allowlists, and any error it reports keeps the file from being published at all.
final class SVGRewriter: NSObject, XMLParserDelegate {
    var problems: [SVGCheck.Problem] = []
    var rootName: String?
    var size: PictureSize?
    /// The parser's first error, if it reported one.
    var firstError: ParseError?
    /// Where libxml2 stopped reading, and its error code (`XMLParser.ErrorCode`; 0 for none given).
    struct ParseError {
        let line: Int
        let column: Int
        let code: Int
    }
    /// The kept root once it has ended.
    var root: SVGElement?
    /// The open elements; nil for one that is dropped, and for everything inside it.
    private var open: [SVGElement?] = []
    /// How many `<style>` elements are open; their text is gathered, never copied.
    private var styleDepth = 0
    private var styleText = ""
    private var styleStart = TextPosition(line: 1, column: 1)

    private func problem(_ parser: XMLParser, _ message: String) {
        problems.append(SVGCheck.Problem(line: parser.lineNumber, column: parser.columnNumber, message: message))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if firstError == nil {
            firstError = ParseError(
                line: parser.lineNumber, column: parser.columnNumber, code: (parseError as NSError).code)
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let local = (name.split(separator: ":").last.map(String.init) ?? name).lowercased()
        if rootName == nil {
            rootName = name
            size = SVGCheck.size(attributes)
        }
        switch local {
        case "script": problem(parser, "holds a <script> element; SVG pictures may not run code")
        case "foreignobject": problem(parser, "holds a <foreignObject> element; put the picture's words in <text>")
        default: break
        }
        let sorted = attributes.sorted { $0.key < $1.key }
        checkAnimation(parser, name: name, local: local, attributes: attributes)
        for (attribute, value) in sorted { check(parser, attribute: attribute, value: value, on: name) }
        let parentKept = open.isEmpty ? name == "svg" : open.last! != nil && styleDepth == 0
        if parentKept, SVGAllowlist.elements.contains(name) {
            open.append(SVGElement(name: name, attributes: sorted.compactMap { Self.kept($0.key, $0.value) }))
        } else {
            open.append(nil)
        }
        if local == "style" {
            styleDepth += 1
            if styleDepth == 1 {
                styleText = ""
                styleStart = TextPosition(line: parser.lineNumber, column: parser.columnNumber)
            }
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard var element = open.popLast() else { return }
        if (name.split(separator: ":").last ?? "").lowercased() == "style" {
            styleDepth -= 1
            if styleDepth == 0 { element?.children = styleChildren() }
        }
        guard let element else { return }
        if open.isEmpty {
            root = element
        } else if open[open.count - 1] != nil {
            open[open.count - 1]!.children.append(.element(element))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { text(String(decoding: block, as: UTF8.self)) }

    func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
        if target.lowercased() == "xml-stylesheet" {
            problem(
                parser,
                "refers outside itself (an <?xml-stylesheet?> instruction); put the picture's styles in <style>")
        }
    }

    private func text(_ string: String) {
        if styleDepth > 0 {
            styleText += string
        } else if let last = open.indices.last, open[last] != nil {
            open[last]!.children.append(.text(string))
        }
    }

    /// The gathered stylesheet checked, and rewritten as the only child of its `<style>`.
    private func styleChildren() -> [SVGElement.Child] {
        let decoded = SVGStyleSheet.decoded(styleText)
        func problem(_ message: String) {
            problems.append(SVGCheck.Problem(line: styleStart.line, column: styleStart.column, message: message))
        }
        if let reference = SVGStyleSheet.outsideReference(in: decoded) {
            problem(
                "has a stylesheet that refers outside the picture (\(reference)); SVG pictures must hold everything "
                    + "they show")
        } else if Self.hasScriptURL(decoded) || decoded.lowercased().contains("expression(") {
            problem("has a stylesheet that runs code; SVG pictures may not run code")
        }
        let rules = SVGStyleSheet.rules(decoded)
        return rules.isEmpty ? [] : [.text(rules)]
    }
}

extension SVGRewriter {
    /// Animation may not change a link or an event handler: that would bring back what the checks refuse.
    fileprivate func checkAnimation(_ parser: XMLParser, name: String, local: String, attributes: [String: String]) {
        guard SVGAllowlist.animations.contains(where: { $0.lowercased() == local }),
            let target = attributes["attributeName"]?.trimmingWhitespace.lowercased(),
            target == "href" || target.hasSuffix(":href") || target.hasPrefix("on")
        else { return }
        problem(parser, "animates '\(target)' on <\(name)>; SVG pictures may not change their links or handlers")
    }

    /// The old checks, on the values as a browser reads them (CSS escapes and comments decoded).
    fileprivate func check(_ parser: XMLParser, attribute: String, value: String, on name: String) {
        let lowered = attribute.lowercased()
        let decoded = SVGStyleSheet.decoded(value)
        if lowered.hasPrefix("on") {
            problem(parser, "has an event handler ('\(attribute)' on <\(name)>); SVG pictures may not run code")
        } else if Self.hasScriptURL(value) || Self.hasScriptURL(decoded) {
            problem(parser, "has a javascript: URL ('\(attribute)' on <\(name)>)")
        } else if lowered == "href" || lowered.hasSuffix(":href") || lowered == "src" {
            if !value.trimmingWhitespace.hasPrefix("#") {
                problem(
                    parser,
                    "refers outside itself ('\(attribute)=\"\(value)\"' on <\(name)>); SVG pictures must hold "
                        + "everything they show, and link only to their own '#parts'")
            }
        } else if let reference = SVGStyleSheet.outsideReference(in: decoded) {
            problem(parser, "refers outside itself (\(reference) in '\(attribute)' on <\(name)>)")
        }
    }

    /// The attribute as it is written out, or nil when it is dropped: not allowed, or a value that
    /// could mean something other than what was checked.
    fileprivate static func kept(_ name: String, _ value: String) -> SVGElement.Attribute? {
        guard SVGAllowlist.isAllowedAttribute(name) else { return nil }
        if name == "style" {
            let declarations = SVGStyleSheet.declarations(SVGStyleSheet.decoded(value))
            return declarations.isEmpty ? nil : SVGElement.Attribute(name: name, value: declarations)
        }
        if SVGAllowlist.properties.contains(name) {
            return SVGStyleSheet.plainValue(SVGStyleSheet.decoded(value).trimmingWhitespace).map {
                SVGElement.Attribute(name: name, value: $0)
            }
        }
        if name.hasPrefix("aria-") {
            return Self.hasScriptURL(value) ? nil : SVGElement.Attribute(name: name, value: value)
        }
        // Geometry attributes are CSS to a browser too: no escape, comment or call may hide in them.
        guard !value.contains("\\"), !value.contains("/*"), !value.contains("("), !Self.hasScriptURL(value) else {
            return name == "transform" || name.hasSuffix("Transform") ? transform(name, value) : nil
        }
        if name.hasSuffix("href"), !value.hasPrefix("#") { return nil }
        return SVGElement.Attribute(name: name, value: value)
    }

    /// `transform="translate(10 20) rotate(45)"`: calls are its point; only allowed ones are kept.
    private static func transform(_ name: String, _ value: String) -> SVGElement.Attribute? {
        guard !value.contains("\\"), !value.contains("/*"), !value.lowercased().contains("url"),
            let plain = SVGStyleSheet.plainValue(value)
        else { return nil }
        return SVGElement.Attribute(name: name, value: plain)
    }

    static func hasScriptURL(_ value: String) -> Bool {
        value.lowercased().filter { !$0.isWhitespace }.contains("javascript:")
    }
}
