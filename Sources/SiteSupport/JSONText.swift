/// JSON string literals for files the build writes by hand (the state grid,
/// structured data, search indexes).
public enum JSONText {
    /// How much a string escapes beyond what JSON requires.
    public enum Escaping: Sendable {
        /// `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes too: the JSON stays
        /// inert inside an HTML `<script>` element and is valid JavaScript.
        case scriptSafe
        /// Quote, backslash and control characters only, as JSONEncoder writes
        /// them: for files fetched as JSON, never placed in a page.
        case minimal
    }

    public static func quoted(_ text: String, escaping: Escaping = .scriptSafe) -> String {
        var out: [UInt8] = []
        appendQuoted(text, to: &out, escaping: escaping)
        return String(decoding: out, as: UTF8.self)
    }

    /// `quoted(text)`, appended to bytes being written.
    public static func appendQuoted(_ text: String, to out: inout [UInt8], escaping: Escaping = .scriptSafe) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(text, to: &out, escaping: escaping)
        out.append(UInt8(ascii: "\""))
    }

    /// The UTF-8 `parts` joined by `separator`, quoted, appended without joining them first (a
    /// search fragment's text is as long as its page).
    public static func appendQuoted(
        joiningUTF8 parts: [[UInt8]], separator: String, to out: inout [UInt8], escaping: Escaping = .scriptSafe
    ) {
        out.append(UInt8(ascii: "\""))
        for (index, part) in parts.enumerated() {
            if index > 0 { appendEscaped(separator, to: &out, escaping: escaping) }
            part.withUnsafeBufferPointer { appendEscaped(utf8: $0, to: &out, escaping: escaping) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `text`'s bytes, escaped, without quotes.
    private static func appendEscaped(_ text: String, to out: inout [UInt8], escaping: Escaping) {
        text.withUTF8Bytes { appendEscaped(utf8: $0, to: &out, escaping: escaping) }
    }

    /// `bytes` (valid UTF-8), escaped, without quotes.
    private static func appendEscaped(
        utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], escaping: Escaping
    ) {
        // No `reserveCapacity(out.count + …)` here: it makes the array exactly that large, so the
        // bytes written so far were copied again for almost every string (68,000 times at 40
        // locales); appending grows the array geometrically.
        var index = 0
        while index < bytes.count {
            // Bytes that need no escape are copied a run at a time, found eight at a time.
            var end = index
            while end + 8 <= bytes.count,
                !anyNeedsLook(ByteLanes.load(bytes, at: end), escaping)
            {
                end += 8
            }
            while end < bytes.count, !needsLook(bytes[end], escaping) { end += 1 }
            if end > index {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08 where escaping == .minimal: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C where escaping == .minimal: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20: appendEscape(UInt32(byte), to: &out)
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                if escaping == .scriptSafe { appendEscape(UInt32(byte), to: &out) } else { out.append(byte) }
            // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript.
            case 0xE2
            where escaping == .scriptSafe && index + 1 < bytes.count && bytes[index] == 0x80
                && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                appendEscape(bytes[index + 1] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                index += 2
            default: out.append(byte)
            }
        }
    }

    /// Whether `byte` may need an escape (the cases of `appendQuoted`'s switch).
    @inline(__always)
    private static func needsLook(_ byte: UInt8, _ escaping: Escaping) -> Bool {
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
        guard escaping == .scriptSafe else { return false }
        return byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == 0xE2
    }

    /// Whether any of the eight bytes of `word` may need an escape (`needsLook`).
    @inline(__always)
    private static func anyNeedsLook(_ word: UInt64, _ escaping: Escaping) -> Bool {
        var lanes = ByteLanes.below(0x20, word) | ByteLanes.equal(UInt8(ascii: "\""), word)
        lanes |= ByteLanes.equal(UInt8(ascii: "\\"), word)
        if escaping == .scriptSafe {
            lanes |= ByteLanes.equal(UInt8(ascii: "<"), word) | ByteLanes.equal(UInt8(ascii: ">"), word)
            lanes |= ByteLanes.equal(UInt8(ascii: "&"), word) | ByteLanes.equal(0xE2, word)
        }
        return lanes != 0
    }

    /// `\u` and four lower-case hex digits.
    private static func appendEscape(_ value: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((value >> UInt32(shift)) & 0xF)
            out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }
}
