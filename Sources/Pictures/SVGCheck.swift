public import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG is published only if it is a picture and nothing else: well-formed XML with no script,
/// no event handler, no `javascript:` URL, no `<foreignObject>` (HTML inside the picture) and no
/// reference outside itself (a link, an external image, font or stylesheet, an entity).
public enum SVGCheck {
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public static func problems(in data: Data) -> [Problem] { check(data).problems }

    /// The picture's size for `width` and `height` attributes: its `width`/`height` in pixels, else
    /// its `viewBox`; nil when it has neither.
    public static func size(of data: Data) -> (width: Int, height: Int)? { check(data).size }

    /// The SVG's problems and its size, in one parse.
    public static func check(_ data: Data) -> (problems: [Problem], size: (width: Int, height: Int)?) {
        if let entity = data.range(of: Data("<!ENTITY".utf8)) {
            let (line, column) = position(after: String(decoding: data[..<entity.lowerBound], as: UTF8.self))
            return ([Problem(line: line, column: column, message: "declares an entity; SVG pictures need none")], nil)
        }
        let parser = XMLParser(data: data)
        let checker = Checker()
        parser.delegate = checker
        parser.shouldResolveExternalEntities = false
        // On Linux `parse()` may return true after an error: the delegate hears of every one.
        let parsed = parser.parse()
        if let error = checker.firstError ?? (parsed ? nil : (parser.lineNumber, parser.columnNumber, 0)) {
            let problem = Problem(
                line: max(error.line, 1), column: max(error.column, 1),
                message: "is not well-formed XML (\(Self.reason(error.code)))")
            return ([problem], checker.size)
        }
        if checker.root != "svg" {
            return (
                [Problem(line: 1, column: 1, message: "is not an SVG picture (its root element is not <svg>)")], nil
            )
        }
        return (checker.problems, checker.size)
    }

    /// libxml2's most common complaints in words; the code for the rest.
    private static func reason(_ code: Int) -> String {
        switch code {
        case 76: "a closing tag does not match its opening tag"
        case 5: "it ends before its elements are closed"
        case 73, 65: "a tag is not finished"
        case 9: "a character that XML does not allow"
        default: "libxml2 error \(code)"
        }
    }

    /// The line and column just after `before`, the text that comes first.
    private static func position(after before: String) -> (Int, Int) {
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let start = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, before.distance(from: start, to: before.endIndex) + 1)
    }

    private final class Checker: NSObject, XMLParserDelegate {
        var problems: [Problem] = []
        var root: String?
        /// The root element's size.
        var size: (width: Int, height: Int)?
        var firstError: (line: Int, column: Int, code: Int)?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if firstError == nil {
                firstError = (parser.lineNumber, parser.columnNumber, (parseError as NSError).code)
            }
        }
        private var inStyle = false

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let local = (name.split(separator: ":").last.map(String.init) ?? name).lowercased()
            if root == nil {
                root = local
                size = SVGCheck.size(attributes)
            }
            func problem(_ message: String) {
                problems.append(Problem(line: parser.lineNumber, column: parser.columnNumber, message: message))
            }
            switch local {
            case "script": problem("holds a <script> element; SVG pictures may not run code")
            case "foreignobject": problem("holds a <foreignObject> element; put the picture's words in <text>")
            default: break
            }
            inStyle = local == "style"
            for (attribute, value) in attributes.sorted(by: { $0.key < $1.key }) {
                let attributeName = attribute.lowercased()
                if attributeName.hasPrefix("on") {
                    problem("has an event handler ('\(attribute)' on <\(name)>); SVG pictures may not run code")
                } else if Self.hasScriptURL(value) {
                    problem("has a javascript: URL ('\(attribute)' on <\(name)>)")
                } else if attributeName == "href" || attributeName.hasSuffix(":href") || attributeName == "src" {
                    if !value.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                        problem(
                            "refers outside itself ('\(attribute)=\"\(value)\"' on <\(name)>); SVG pictures "
                                + "must hold everything they show")
                    }
                } else if Self.hasOutsideURL(value) {
                    problem("refers outside itself (url() in '\(attribute)' on <\(name)>)")
                }
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            inStyle = false
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard inStyle else { return }
            if Self.hasOutsideURL(string) || string.lowercased().contains("@import") || Self.hasScriptURL(string) {
                problems.append(
                    Problem(
                        line: parser.lineNumber, column: parser.columnNumber,
                        message: "has a stylesheet that refers outside the picture"))
            }
        }

        static func hasScriptURL(_ value: String) -> Bool {
            value.lowercased().filter { !$0.isWhitespace }.contains("javascript:")
        }

        /// `url(…)` to anything but a fragment of the picture itself.
        static func hasOutsideURL(_ value: String) -> Bool {
            var rest = Substring(value.lowercased())
            while let open = rest.range(of: "url(") {
                let inside = rest[open.upperBound...].drop { $0 == " " || $0 == "'" || $0 == "\"" }
                if !inside.hasPrefix("#") { return true }
                rest = rest[open.upperBound...]
            }
            return false
        }
    }
}

extension SVGCheck {
    /// An element's size from its `width`/`height` in pixels, else its `viewBox`.
    fileprivate static func size(_ attributes: [String: String]) -> (width: Int, height: Int)? {
        func pixels(_ value: String?) -> Int? {
            guard let value, let number = Double(value.hasSuffix("px") ? String(value.dropLast(2)) : value),
                number > 0
            else { return nil }
            return Int(number.rounded())
        }
        if let width = pixels(attributes["width"]), let height = pixels(attributes["height"]) {
            return (width, height)
        }
        if let box = attributes["viewBox"]?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap({ Double($0) }
        ),
            box.count == 4, box[2] > 0, box[3] > 0
        {
            return (Int(box[2].rounded()), Int(box[3].rounded()))
        }
        return nil
    }
}
