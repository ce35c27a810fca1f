import Foundation
import SiteSupport
import XMLInput

/// What comes before an SVG's first element, checked on the bytes before any XML parser sees them:
/// the encoding (UTF-8 only, so that no byte search or check is fooled by another one) and the
/// DOCTYPE (no entities, nothing named outside the picture).
enum SVGPrologue {
    /// Why a file cannot be read as UTF-8 text.
    struct Unreadable: Error {
        var problem: SVGCheck.Problem
    }

    /// The file as text, or the problem that stops it from being read as UTF-8 (`XMLEncoding`).
    static func text(_ data: Data) -> Result<String, Unreadable> {
        let saveAsUTF8 = "; save it as UTF-8"
        func unreadable(_ line: Int, _ column: Int, _ message: String) -> Result<String, Unreadable> {
            .failure(Unreadable(problem: SVGCheck.Problem(line: line, column: column, message: message)))
        }
        switch XMLEncoding.problem(in: data) {
        case .otherEncoding(let name): return unreadable(1, 1, "is saved as \(name)" + saveAsUTF8)
        case .declared(let name, let column):
            return unreadable(
                1, column, "declares encoding=\"\(name)\", not UTF-8" + saveAsUTF8 + " and declare encoding=\"UTF-8\"")
        case .invalidByte(_, let line, let column): return unreadable(line, column, "is not UTF-8 text" + saveAsUTF8)
        case nil: return .success(String(decoding: data, as: UTF8.self))
        }
    }

    /// What the prologue check found, and whether the text can still be parsed.
    struct Findings {
        var problems: [SVGCheck.Problem] = []
        var parsable = true
    }

    /// An entity declaration (refused before parsing: an entity can stand for a file or for a
    /// billion characters), or a DOCTYPE naming a file other than the W3C's SVG DTD.
    static func problems(in text: String) -> Findings {
        if let entity = text.range(of: "<!ENTITY") {
            let place = position(of: entity.lowerBound, in: text)
            let message = "declares an entity; SVG pictures need none"
            return Findings(
                problems: [SVGCheck.Problem(line: place.line, column: place.column, message: message)],
                parsable: false)
        }
        // Every `<!DOCTYPE`, not only the first: one inside a comment must not hide the real one.
        var searched = text.startIndex
        while let doctype = text.range(of: "<!DOCTYPE", range: searched..<text.endIndex) {
            searched = doctype.upperBound
            if let found = problem(ofDoctypeAt: doctype, in: text) { return found }
        }
        return Findings()
    }

    /// The problem of the DOCTYPE at `doctype`, if it has one, and whether the text can still be parsed.
    private static func problem(ofDoctypeAt doctype: Range<String.Index>, in text: String) -> Findings? {
        let header = text[doctype.upperBound...].prefix { $0 != "[" && $0 != ">" }
        let literals = quoted(in: String(header))
        let words = header.split(whereSeparator: \.isWhitespace)
        let isPublicSVG =
            words.dropFirst().first == "PUBLIC"
            && literals.first.map(SVGAllowlist.svgPublicIdentifiers.contains) == true
        let place = position(of: doctype.lowerBound, in: text)
        if words.contains("SYSTEM") || words.contains("PUBLIC"), !isPublicSVG {
            let named = literals.last ?? String(header)
            let message =
                "refers outside itself (its DOCTYPE names '\(named)'); delete the DOCTYPE, SVG pictures need none"
            return Findings(
                problems: [SVGCheck.Problem(line: place.line, column: place.column, message: message)], parsable: true)
        }
        let rest = text[header.endIndex...]
        if rest.hasPrefix("["), rest.dropFirst().prefix(while: { $0 != "]" }).contains(where: { !$0.isWhitespace }) {
            let message = "has declarations in its DOCTYPE; delete them, SVG pictures need none"
            return Findings(
                problems: [SVGCheck.Problem(line: place.line, column: place.column, message: message)], parsable: false
            )
        }
        return nil
    }

    /// The bytes to give `XMLParser`: `text` with a space before the `?>` of every processing instruction
    /// that has no data (`<?x?>`), for which Foundation's parser hands `strlen` a null pointer and
    /// crashes the build (found by the fuzz target). Instructions are dropped anyway; the space moves
    /// a later column on that line by one.
    static func parserInput(_ text: String) -> Data {
        let padded = text.replacingOccurrences(
            of: #"(<\?[^\s?<>]+)\?>"#, with: "$1 ?>", options: .regularExpression)
        return Data(padded.utf8)
    }

    /// The quoted strings in a DOCTYPE's header, without their quotes.
    private static func quoted(in header: String) -> [String] {
        var literals: [String] = []
        var rest = Substring(header)
        while let open = rest.firstIndex(where: { $0 == "\"" || $0 == "'" }) {
            let after = rest[rest.index(after: open)...]
            let close = after.firstIndex(of: rest[open]) ?? after.endIndex
            literals.append(String(after[..<close]))
            rest = close < after.endIndex ? after[after.index(after: close)...] : ""
        }
        return literals
    }

    /// The 1-based line and column of `index` in `text`, in characters.
    static func position(of index: String.Index, in text: String) -> TextPosition {
        let before = text[..<index]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let start = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return TextPosition(line: line, column: before.distance(from: start, to: before.endIndex) + 1)
    }
}
