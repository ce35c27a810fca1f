import SiteSupport

/// A page body's HTML as the text a reader sees, for the search index: tags dropped,
/// character references decoded, one space between words and a line break between blocks.
/// What a reader does not read as text is left out: scripts, styles, SVG pictures, templates
/// and citation marks (`<sup>`).
public enum HTMLText {
    public static func plain(_ html: String) -> String {
        String(decoding: html.withUTF8Bytes { plain(bytes: $0) }, as: UTF8.self)
    }

    /// `plain` for HTML as UTF-8 (valid), as UTF-8, made without checking it again: valid UTF-8
    /// with tags dropped and references decoded stays valid.
    public static func utf8(_ html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        plain(bytes: html)
    }

    fileprivate static let skipped = ["script", "style", "svg", "template", "sup"].map(TagName.init)
    fileprivate static let blocks = [
        "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "div", "br", "figcaption", "dt", "dd",
        "blockquote", "pre", "table", "ul", "ol", "section", "figure", "hr", "caption", "details", "summary",
    ].map(TagName.init)

    private static func plain(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // The text is never longer than the HTML: every byte written stands for one read at least
        // (a space for a space, a tag or a reference; a reference for more bytes than its text).
        [UInt8](unsafeUninitializedCapacity: bytes.count) { text, count in
            var writer = PlainTextWriter(text)
            writer.write(bytes, skipped: skipped, blocks: blocks)
            count = writer.count
        }
    }
}

/// Writes the plain text of HTML into a buffer as long as the HTML, byte by byte.
private struct PlainTextWriter {
    let text: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    /// The separator owed before the next byte (0: none): a space, or a line break between blocks.
    private var pending: UInt8 = 0

    init(_ text: UnsafeMutableBufferPointer<UInt8>) {
        self.text = text
    }

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>, skipped: [TagName], blocks: [TagName]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard Self.isSpecial(byte) else {
                index = copyRun(bytes, from: index)
                continue
            }
            switch byte {
            case UInt8(ascii: "<"):
                let tag = Tag(bytes, at: index)
                index = tag.end
                if blocks.contains(tag.name) { separate(UInt8(ascii: "\n")) }
                if !tag.isClosing, skipped.contains(tag.name) {
                    index = Tag.end(of: tag.name, in: bytes, from: index)
                    separate(UInt8(ascii: " "))
                }
            case UInt8(ascii: "&"):
                let reference = CharacterReference(bytes, at: index)
                for unit in reference.utf8 {
                    if unit == UInt8(ascii: " ") { separate(unit) } else { append(unit) }
                }
                index = reference.end
            default:
                separate(UInt8(ascii: " "))
                index += 1
            }
        }
    }

    /// Copies the text from `start` (an ordinary byte) up to the next byte that needs a look,
    /// single spaces between words included; returns the index after it.
    @inline(__always)
    private mutating func copyRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        append(bytes[start])
        var end = start + 1
        while end < bytes.count {
            if end + 8 <= bytes.count {
                let stops = Self.runStops(ByteLanes.load(bytes, at: end))
                guard stops != 0 else {
                    end += 8
                    continue
                }
                end += stops.trailingZeroBitCount / 8
            }
            let byte = bytes[end]
            if Self.isSpecial(byte) {
                // A single space before an ordinary byte is written as it is.
                guard byte == UInt8(ascii: " "), end + 1 < bytes.count, !Self.isSpecial(bytes[end + 1]) else { break }
            }
            end += 1
        }
        let length = end - start - 1
        precondition(count + length <= text.count, "HTMLText: the text outgrew its HTML")
        (text.baseAddress! + count).update(from: bytes.baseAddress! + start + 1, count: length)
        count += length
        return end
    }

    /// The lanes of `word` where a run may stop: `<`, `&`, a byte below 0x21 (white space among
    /// them) that is not a space, and a space before one of those or last in the word (the
    /// byte after it is in the next word). The byte-by-byte test decides at each.
    @inline(__always)
    private static func runStops(_ word: UInt64) -> UInt64 {
        let spaces = ByteLanes.equal(UInt8(ascii: " "), word)
        let specials =
            ByteLanes.below(0x21, word) | ByteLanes.equal(UInt8(ascii: "<"), word)
            | ByteLanes.equal(UInt8(ascii: "&"), word)
        return specials & ~spaces | spaces & (specials >> 8 | 0x80 << 56)
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        if pending != 0 {
            if count > 0 { put(pending) }
            pending = 0
        }
        put(byte)
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        precondition(count < text.count, "HTMLText: the text outgrew its HTML")
        text[count] = byte
        count += 1
    }

    private mutating func separate(_ space: UInt8) {
        if pending != UInt8(ascii: "\n") { pending = space }
    }

    /// `<`, `&` and white space: the bytes `write`'s switch has a case for, all below 64, each a
    /// bit of `specialBits`.
    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 64 && specialBits >> UInt64(byte) & 1 != 0
    }

    /// `<` (0x3C), `&` (0x26), space, line feed, tab and carriage return (a literal, not a
    /// stored table, which would cost a `swift_once` a byte).
    @inline(__always)
    private static var specialBits: UInt64 { 1 << 0x3C | 1 << 0x26 | 1 << 0x20 | 1 << 0x0A | 1 << 0x09 | 1 << 0x0D }
}

/// A tag's lower-cased name, as a number: its first eight bytes and its length (no two names of
/// the HTML the site writes share both), so that reading a tag allocates nothing.
private struct TagName: Equatable {
    var packed: UInt64 = 0
    var length = 0

    init() {}

    init(_ name: String) {
        for byte in name.utf8 { append(byte) }
    }

    mutating func append(_ byte: UInt8) {
        if length < 8 { packed |= UInt64(byte) << (8 * UInt64(length)) }
        length += 1
    }
}

/// One tag of the HTML: its lower-cased name, whether it closes an element, and the index after its `>`.
private struct Tag {
    var name = TagName()
    var isClosing = false
    var end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) {
        var index = start + 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") {
            isClosing = true
            index += 1
        }
        while index < bytes.count, Self.isNameByte(bytes[index]) {
            name.append(bytes[index] | 0x20)
            index += 1
        }
        // Attribute values in the site's HTML are quoted and escape `>` as `&gt;`.
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
        end = Swift.min(index + 1, bytes.count)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The index after the `</name>` that closes the element whose start tag ended at `start`
    /// (the site's SVG nests no element of the same name), or the end of the text.
    static func end(of name: TagName, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                let tag = Tag(bytes, at: index)
                if tag.isClosing, tag.name == name { return tag.end }
                index = tag.end
            } else {
                index += 1
            }
        }
        return bytes.count
    }
}

/// One of `&amp;`, `&#8217;`, `&#x2019;` (the references the site's HTML writer and cmark-gfm
/// emit), decoded: its text's UTF-8 and the index after it. A lone `&` is itself.
private struct CharacterReference {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "#39": "'",
    ]

    /// The text it stands for, as UTF-8 (a no-break space as a plain one).
    let utf8: [UInt8]
    /// The index after it.
    let end: Int

    /// The reference at `start`, an `&`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) {
        var index = start + 1
        while index < bytes.count, index - start < 12, bytes[index] != UInt8(ascii: ";") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";"),
            let text = Self.text(named: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index]))
        {
            utf8 = text
            end = index + 1
        } else {
            utf8 = [UInt8(ascii: "&")]
            end = start + 1
        }
    }

    /// The UTF-8 of what the reference whose name is `bytes` (between `&` and `;`) stands for; nil
    /// for no reference the site writes.
    private static func text(named bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let name = String(decoding: bytes, as: UTF8.self)
        if let known = named[name] { return Array(known.utf8) }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value =
            digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return value == 0xA0 ? [UInt8(ascii: " ")] : Array(String(Character(scalar)).utf8)
    }
}
