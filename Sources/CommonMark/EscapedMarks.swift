import CCmarkGFM
import SiteSupport

/// Where the source escaped a `[` or an `@` with a backslash, as byte offsets in a text node's
/// literal: `\[@sluka2003\]` is text, not a citation, as every other escape makes its character
/// text. That is how a translation import writes a `[@key]` a translator typed.
///
/// cmark-gfm gives back text with its escapes resolved, and merges an escape's node with its
/// neighbours, so the escapes are found again in the source: from the node's start, the source is
/// read in step with the literal (escapes, entities and smart punctuation each matched to what they
/// became). Where the two cannot be matched (a node the autolink extension made has no position)
/// no escape is found, and a `[@key]` there is a citation, as it always was.
struct EscapedMarks {
    /// The document's bytes, when it has a `\[` or `\@` at all (nearly none has: then nothing is kept).
    private let source: [UInt8]?
    private let lineStarts: [Int]

    init(markdown: String) {
        var text = markdown
        let hasEscapes = text.withUTF8 { bytes in
            ByteSearch.find(Array("\\[".utf8), in: bytes, from: 0) != nil
                || ByteSearch.find(Array("\\@".utf8), in: bytes, from: 0) != nil
        }
        guard hasEscapes else {
            (source, lineStarts) = (nil, [])
            return
        }
        let bytes = Array(markdown.utf8)
        source = bytes
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    static var none: EscapedMarks { EscapedMarks(markdown: "") }

    /// Offsets of escaped marks in `literal`, the text of `node`.
    func offsets(in node: Node, literal: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let source, CitationScanner.mayCite(literal) else { return [] }
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        guard line > 0, line <= lineStarts.count, column > 0 else { return [] }
        var reading = SourceReading(source: source, position: lineStarts[line - 1] + column - 1, literal: literal)
        return reading.escapedMarks() ?? []
    }
}

/// The source read in step with a literal it became.
private struct SourceReading {
    let source: [UInt8]
    var position: Int
    let literal: UnsafeBufferPointer<UInt8>
    var offset = 0

    /// The escaped `[` and `@`, or nil when the source does not read as the literal.
    mutating func escapedMarks() -> [Int]? {
        var escaped: [Int] = []
        while offset < literal.count {
            guard position < source.count, source[position] != UInt8(ascii: "\n") else { return nil }
            let byte = source[position]
            if byte == UInt8(ascii: "\\"), position + 1 < source.count, Self.isPunctuation(source[position + 1]) {
                guard literal[offset] == source[position + 1] else { return nil }
                if Self.isMark(source[position + 1]) { escaped.append(offset) }
                (position, offset) = (position + 2, offset + 1)
            } else if byte == UInt8(ascii: "&"), readEntity() {
                continue
            } else if literal[offset] == byte {
                (position, offset) = (position + 1, offset + 1)
            } else if !readSmartPunctuation() {
                return nil
            }
        }
        return escaped
    }

    private static func isMark(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "[") || byte == UInt8(ascii: "@")
    }

    /// `&amp;`, `&#91;`, `&#x5B;`: what it stands for is next in the literal.
    private mutating func readEntity() -> Bool {
        guard let end = source[position..<min(source.count, position + 34)].firstIndex(of: UInt8(ascii: ";"))
        else { return false }
        let name = String(decoding: source[(position + 1)..<end], as: UTF8.self)
        guard let scalar = Self.entityScalar(name) else { return false }
        let bytes = Array(String(Character(scalar)).utf8)
        guard literal.count - offset >= bytes.count, literal[offset..<offset + bytes.count].elementsEqual(bytes) else {
            return false
        }
        (position, offset) = (end + 1, offset + bytes.count)
        return true
    }

    private static func entityScalar(_ name: String) -> Unicode.Scalar? {
        let named: [String: Unicode.Scalar] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "lbrack": "[",
            "lsqb": "[", "rbrack": "]", "rsqb": "]", "commat": "@",
        ]
        if let scalar = named[name] { return scalar }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init)
    }

    /// Smart punctuation: a quote became a curly one, hyphens dashes, dots an ellipsis.
    private mutating func readSmartPunctuation() -> Bool {
        let curly: [[UInt8]] = ["“", "”", "‘", "’"].map { Array($0.utf8) }
        let byte = source[position]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"),
            curly.contains(where: { literal.count - offset >= 3 && literal[offset..<offset + 3].elementsEqual($0) })
        {
            (position, offset) = (position + 1, offset + 3)
            return true
        }
        let runs: [UInt8: [[UInt8]]] = [
            UInt8(ascii: "-"): ["-", "–", "—"].map { Array($0.utf8) },
            UInt8(ascii: "."): [".", "…"].map { Array($0.utf8) },
        ]
        guard let forms = runs[byte] else { return false }
        let start = offset
        while let form = forms.first(where: {
            literal.count - offset >= $0.count && literal[offset..<offset + $0.count].elementsEqual($0)
        }) {
            offset += form.count
        }
        guard offset > start else { return false }
        while position < source.count, source[position] == byte { position += 1 }
        return true
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
