import XLIFF

/// A unit's content both ways: a block's pieces as XLIFF inline codes, and a translator's target
/// back as pieces that carry the original's codes (never the file's: a target can move a link but
/// not change where it goes).
enum UnitContent {
    static func xliff(_ pieces: [InlinePiece]) -> [XLIFFInline] {
        pieces.map { piece in
            switch piece {
            case .text(let text): .text(text)
            case .term(let text): .term(text)
            case .start(let code): .start(id: String(code.id), ctype: ctype(code.kind))
            case .end(let code): .end(id: String(code.id))
            case .standalone(let code):
                .placeholder(
                    id: String(code.id), ctype: ctype(code.kind), token: XLIFFInline.startToken(String(code.id)))
            }
        }
    }

    /// The `ctype` of a code: XLIFF's own word where it has one, an `x-` word otherwise.
    static func ctype(_ kind: InlineCode.Kind) -> String {
        switch kind {
        case .emphasis: "italic"
        case .strong: "bold"
        case .strikethrough: "x-strikethrough"
        case .link: "link"
        case .autolink: "x-autolink"
        case .code: "x-code"
        case .lineBreak: "lb"
        case .footnoteReference: "x-footnote-reference"
        case .citation: "x-citation"
        case .inlineHTML: "x-html"
        case .image: "image"
        }
    }

    /// `target` as pieces with `source`'s codes; the problem in words when its codes do not match.
    static func pieces(from target: [XLIFFInline], source: [InlinePiece]) -> Result<[InlinePiece], UnitProblem> {
        var codes: [String: InlineCode] = [:]
        for piece in source {
            switch piece {
            case .start(let code), .standalone(let code): codes[String(code.id)] = code
            default: break
            }
        }
        let inlines = !target.hasCodes && !codes.isEmpty ? CodeTokens.split(target, codes: codes) : target
        var pieces: [InlinePiece] = []
        var open: [InlineCode] = []
        var seen: [String: Int] = [:]
        for inline in inlines {
            switch inline {
            case .text(let text), .term(let text):
                pieces.append(.text(text))
            case .start(let id, _), .end(let id), .placeholder(let id, _, _):
                guard let code = codes[id] else { return .failure(.unknownCode(id)) }
                seen[id, default: 0] += 1
                switch inline {
                case .start:
                    guard code.kind.isPaired else { return .failure(.wrongForm(code)) }
                    guard seen[id] == 1 else { return .failure(.duplicated(code)) }
                    open.append(code)
                    pieces.append(.start(code))
                case .end:
                    guard code.kind.isPaired else { return .failure(.wrongForm(code)) }
                    guard let innermost = open.last, innermost.id == code.id else {
                        if open.contains(code) { return .failure(.crossed(code, open.last!)) }
                        // An end with no start before it: the start was removed (or comes after it).
                        return .failure(seen[id] == 1 ? .removed(code, part: "start") : .duplicated(code))
                    }
                    open.removeLast()
                    pieces.append(.end(code))
                default:
                    guard !code.kind.isPaired else { return .failure(.wrongForm(code)) }
                    guard seen[id] == 1 else { return .failure(.duplicated(code)) }
                    pieces.append(.standalone(code))
                }
            }
        }
        if let unclosed = open.last { return .failure(.removed(unclosed, part: "end")) }
        for id in codes.keys.sorted(by: { Int($0) ?? 0 < Int($1) ?? 0 }) where seen[id] == nil {
            return .failure(.removed(codes[id]!, part: nil))
        }
        return .success(pieces)
    }
}

/// Why a target cannot be imported, unit by unit.
enum UnitProblem: Error, Equatable {
    case unknownCode(String)
    case removed(InlineCode, part: String?)
    case duplicated(InlineCode)
    case crossed(InlineCode, InlineCode)
    case wrongForm(InlineCode)
    case notExpressible(expected: String, found: String)
    case placeholders(expected: [String], found: [String])
    /// Markup in text that has none (a glossary entry).
    case plainTextOnly

    var message: String {
        switch self {
        case .unknownCode(let id): "inline element \(id) is not in the source; a target can only use the source's"
        case .removed(let code, let part):
            "inline element \(code.id) (\(code.kind.shape)) \(part.map { "has no \($0)" } ?? "was removed"); "
                + "every element of the source must stay in the target"
        case .duplicated(let code): "inline element \(code.id) (\(code.kind.shape)) appears more than once"
        case .crossed(let code, let inner):
            "inline elements \(inner.id) (\(inner.kind.shape)) and \(code.id) (\(code.kind.shape)) overlap: one "
                + "must close inside the other, which Markdown cannot write otherwise"
        case .wrongForm(let code):
            "inline element \(code.id) (\(code.kind.shape)) is written as "
                + (code.kind.isPaired ? "a single tag; it has a start and an end" : "a pair; it is a single tag")
        case .plainTextOnly: "a glossary entry is plain text"
        case .placeholders(let expected, let found):
            "the source's placeholders are \(list(expected)), the target's \(list(found)): keep each one once, "
                + "as it is (they are filled in when the page is built)"
        case .notExpressible(let expected, let found):
            "this order of inline elements cannot be written as Markdown: it would read back as [\(found)] "
                + "instead of [\(expected)] (a link inside a link, or an emphasis around nothing?)"
        }
    }
}

private func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }

/// The tokens (`{1}`, `{/1}`) of a target whose tags a tool flattened into text.
enum CodeTokens {
    static func split(_ target: [XLIFFInline], codes: [String: InlineCode]) -> [XLIFFInline] {
        var result: [XLIFFInline] = []
        var text = ""
        let characters = Array(target.plainText)
        var index = 0
        while index < characters.count {
            if characters[index] == "{", let close = characters[index...].firstIndex(of: "}") {
                let inside = String(characters[(index + 1)..<close])
                let isEnd = inside.hasPrefix("/")
                let id = isEnd ? String(inside.dropFirst()) : inside
                if let code = codes[id] {
                    if !text.isEmpty { result.append(.text(text)) }
                    text = ""
                    let token = String(characters[index...close])
                    result.append(
                        isEnd
                            ? .end(id: id)
                            : code.kind.isPaired
                                ? .start(id: id, ctype: nil)
                                : .placeholder(id: id, ctype: nil, token: token))
                    index = close + 1
                    continue
                }
            }
            text.append(characters[index])
            index += 1
        }
        if !text.isEmpty { result.append(.text(text)) }
        return result
    }
}
