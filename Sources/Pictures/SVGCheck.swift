public import Foundation
import FoundationXML

/// An SVG is published only if it is a picture and nothing else, and then only as rewritten: well-formed
/// UTF-8 XML with no script, event handler, `javascript:` URL, `<foreignObject>` (HTML inside the
/// picture) or reference outside itself (a link, an external image, font or stylesheet, a DTD, an
/// entity) — those are problems to fix. What is merely unknown is left out of the rewrite: the file
/// published holds only allowlisted elements, attributes and CSS (`SVGAllowlist`), written afresh.
public enum SVGCheck {
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// An SVG read, checked and rewritten.
    public struct Rewrite: Sendable {
        public var problems: [Problem]
        /// The picture's size for `width` and `height` attributes: its `width`/`height` in pixels, else
        /// its `viewBox`; nil when it has neither.
        public var size: PictureSize?
        /// The bytes to publish (UTF-8, no prologue); nil when the file could not be read as an SVG.
        public var rewritten: Data?
    }

    /// The SVG's problems, its size and the bytes to publish, in one parse.
    public static func rewrite(_ data: Data) -> Rewrite {
        let text: String
        switch SVGPrologue.text(data) {
        case .success(let decoded): text = decoded
        case .failure(let unreadable): return Rewrite(problems: [unreadable.problem], size: nil, rewritten: nil)
        }
        let prologue = SVGPrologue.problems(in: text)
        guard prologue.parsable else { return Rewrite(problems: prologue.problems, size: nil, rewritten: nil) }
        let parser = XMLParser(data: SVGPrologue.parserInput(text))
        let rewriter = SVGRewriter()
        parser.delegate = rewriter
        parser.shouldResolveExternalEntities = false
        // On Linux `parse()` may return true after an error: the delegate hears of every one.
        let parsed = parser.parse()
        if let error = rewriter.firstError
            ?? (parsed ? nil : SVGRewriter.ParseError(line: parser.lineNumber, column: parser.columnNumber, code: 0))
        {
            let problem = Problem(
                line: max(error.line, 1), column: max(error.column, 1),
                message: "is not well-formed XML (\(Self.reason(error.code)))")
            return Rewrite(problems: prologue.problems + [problem], size: rewriter.size, rewritten: nil)
        }
        guard rewriter.rootName == "svg", let root = rewriter.root else {
            let problem = Problem(line: 1, column: 1, message: "is not an SVG picture (its root element is not <svg>)")
            return Rewrite(problems: [problem], size: nil, rewritten: nil)
        }
        return Rewrite(
            problems: prologue.problems + rewriter.problems, size: rewriter.size, rewritten: Data(root.xml().utf8))
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
}

extension SVGCheck {
    /// An element's size from its `width`/`height` in pixels, else its `viewBox`.
    static func size(_ attributes: [String: String]) -> PictureSize? {
        func pixels(_ value: String?) -> Int? {
            guard let value, let number = Double(value.hasSuffix("px") ? String(value.dropLast(2)) : value),
                number > 0
            else { return nil }
            return Int(number.rounded())
        }
        if let width = pixels(attributes["width"]), let height = pixels(attributes["height"]) {
            return PictureSize(width: width, height: height)
        }
        if let box = attributes["viewBox"]?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap({ Double($0) }
        ),
            box.count == 4, box[2] > 0, box[3] > 0
        {
            return PictureSize(width: Int(box[2].rounded()), height: Int(box[3].rounded()))
        }
        return nil
    }
}
