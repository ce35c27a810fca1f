import Foundation
import FoundationXML
import SiteSupport

/// Builds files and units from XMLParser's events. Only `<source>` and `<target>` that belong to
/// a `<trans-unit>` itself are read (not those of an `<alt-trans>`).
final class ReadingDelegate: NSObject, XMLParserDelegate {
    private(set) var files: [XLIFFFile] = []
    private(set) var sawRoot = false
    /// A problem with the XLIFF itself (not its XML).
    private(set) var problem: XLIFFReadError?
    private(set) var parseError: (any Error)?
    /// Where the first XML error was found: on Linux the parser has moved on by the time `parse()` returns.
    private(set) var parseErrorPlace: TextPosition?

    private var path: [String] = []
    private var unit: XLIFFUnit?
    private var content: [XLIFFInline]?
    private var isTarget = false
    /// Open `<g>` elements of the content being read, by id.
    private var openGroups: [String] = []
    /// The `mtype` of each open `<mrk>`: text inside a `term` one is terminology.
    private var openMarks: [String] = []
    /// The code element being read.
    private var code: OpenCode?

    /// A code element (`bpt`, `ept`, `ph`, `it`) open while its text is read: its name, its
    /// attributes, and the text so far, which is its token.
    private struct OpenCode {
        let name: String
        let id: String
        let ctype: String?
        var token = ""
    }
    private var text: String?

    private static let namespaces: Set<String> = [
        XLIFFDocument.namespace, "urn:oasis:names:tc:xliff:document:1.1",
    ]

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        defer { path.append(name) }
        if path.isEmpty {
            guard name == "xliff", Self.namespaces.contains(namespaceURI ?? "") else {
                return fail(parser, "not an XLIFF 1.2 document (the root is <\(qualifiedName ?? name)>)")
            }
            sawRoot = true
            return
        }
        guard problem == nil, Self.namespaces.contains(namespaceURI ?? "") else { return }
        if content != nil { return startInline(parser, name, attributes) }
        switch name {
        case "file":
            files.append(
                XLIFFFile(
                    original: attributes["original"] ?? "", sourceLanguage: attributes["source-language"] ?? "",
                    targetLanguage: attributes["target-language"], datatype: attributes["datatype"] ?? "",
                    digest: attributes["build-num"], units: [], line: parser.lineNumber))
        case "group" where attributes["restype"] == "x-spinesite-page":
            if !files.isEmpty { files[files.count - 1].pageID = attributes["resname"] }
        case "trans-unit":
            // The header po2xliff makes of a PO file's metadata is not text to translate.
            guard attributes["restype"] != "x-gettext-domain-header" else { return }
            unit = XLIFFUnit(id: attributes["id"] ?? "", source: [], line: parser.lineNumber)
            unit?.approved = attributes["approved"].map { $0 == "yes" }
        case "source" where path.last == "trans-unit", "target" where path.last == "trans-unit":
            content = []
            isTarget = name == "target"
            if isTarget {
                unit?.state = attributes["state"]
                unit?.stateQualifier = attributes["state-qualifier"]
                checkLanguage(parser, of: attributes)
            }
        case "context" where attributes["context-type"] == "sourcefile" && path.contains("trans-unit"):
            text = ""
        case "note" where path.last == "trans-unit":
            text = ""
        default: break
        }
    }

    /// A target in another language than its `<file>` says it is for: an `fr` export relabelled `es`
    /// would put French into `Content/es/`.
    private func checkLanguage(_ parser: XMLParser, of attributes: [String: String]) {
        guard let file = files.last, let expected = file.targetLanguage, let language = attributes["xml:lang"],
            !LanguageTag.same(language, expected)
        else { return }
        fail(
            parser,
            "<target xml:lang=\"\(language)\"> disagrees with target-language=\"\(expected)\" of its <file> "
                + "(line \(file.line)): the translations are in '\(language)', the file says '\(expected)'; set "
                + "target-language back to '\(language)', or export again for '\(expected)'")
    }

    private func startInline(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {
        guard code == nil else { return }  // a <sub> inside a code: part of the code
        let id = attributes["id"] ?? ""
        switch name {
        case "g":
            content?.append(.start(id: id, ctype: attributes["ctype"]))
            openGroups.append(id)
        case "x", "bx", "ex":
            content?.append(.placeholder(id: id, ctype: attributes["ctype"], token: ""))
        case "bpt", "ept", "ph", "it":
            code = OpenCode(name: name, id: id, ctype: attributes["ctype"])
        case "mrk":
            openMarks.append(attributes["mtype"] ?? "")
        default:
            fail(parser, "<\(name)> is not an XLIFF 1.2 inline element")
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if code != nil {
            code?.token += string
        } else if content != nil {
            appendText(string)
        } else if text != nil {
            text? += string
        }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
    }

    private func appendText(_ string: String) {
        let isTerm = openMarks.contains("term")
        switch content?.last {
        case .text(let previous)? where !isTerm:
            content?.removeLast()
            content?.append(.text(previous + string))
        case .term(let previous)? where isTerm:
            content?.removeLast()
            content?.append(.term(previous + string))
        default:
            content?.append(isTerm ? .term(string) : .text(string))
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        path.removeLast()
        guard problem == nil, Self.namespaces.contains(namespaceURI ?? "") else { return }
        if let current = code, current.name == name {
            code = nil
            switch name {
            case "bpt": content?.append(.start(id: current.id, ctype: current.ctype))
            case "ept": content?.append(.end(id: current.id))
            default: content?.append(.placeholder(id: current.id, ctype: current.ctype, token: current.token))
            }
            return
        }
        if content != nil, name == "mrk" {
            openMarks.removeLast()
            return
        }
        if content != nil, name == "g" {
            content?.append(.end(id: openGroups.popLast() ?? ""))
            return
        }
        switch name {
        case "source" where content != nil, "target" where content != nil:
            if isTarget { unit?.target = content } else { unit?.source = content ?? [] }
            content = nil
        case "context" where text != nil:
            unit?.location = text
            text = nil
        case "note" where text != nil:
            unit?.note = text
            text = nil
        case "trans-unit":
            if let unit, !files.isEmpty { files[files.count - 1].units.append(unit) }
            unit = nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard self.parseError == nil else { return }
        self.parseError = parseError
        parseErrorPlace = TextPosition(line: parser.lineNumber, column: parser.columnNumber)
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        guard problem == nil else { return }
        problem = XLIFFReadError(line: parser.lineNumber, column: parser.columnNumber, message: message)
        parser.abortParsing()
    }
}
