/// Reads the tags of generated HTML: each tag's name and attributes, with
/// quoted values skipped as values (a title may say "onclick=" harmlessly).
enum TagScanner {
    struct Tag {
        /// One `name="value"` of a tag, in the order the tag writes them.
        struct Attribute {
            var name: String
            var value: String
        }

        var name: String
        var attributes: [Attribute]
        /// For `<script>`: the text up to `</script` (what the browser runs or reads).
        var contentUntilClose: Substring = ""
    }

    /// Every start tag in `html`, names and values lowercased.
    static func tags(in html: String) -> [Tag] {
        let bytes = Array(html.lowercased().utf8)
        var tags: [Tag] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            index += 1
            var tag = Tag(name: readName(bytes, &index), attributes: [])
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                guard isLetter(bytes[index]) else {
                    index += 1
                    continue
                }
                let name = readName(bytes, &index)
                var value = ""
                // Browsers allow spaces around '=': `href = 'x'`.
                var next = index
                while next < bytes.count, isSpace(bytes[next]) { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: "=") {
                    index = next + 1
                    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                    value = readValue(bytes, &index)
                }
                tag.attributes.append(Tag.Attribute(name: name, value: value))
            }
            if tag.name == "script" {
                let rest = bytes[min(index + 1, bytes.count)...]
                let end = rest.firstRange(of: Array("</script".utf8))?.lowerBound ?? rest.endIndex
                tag.contentUntilClose = Substring(String(decoding: rest[..<end], as: UTF8.self))
            }
            tags.append(tag)
        }
        return tags
    }

    private static func readName(_ bytes: [UInt8], _ index: inout Int) -> String {
        let start = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func readValue(_ bytes: [UInt8], _ index: inout Int) -> String {
        guard index < bytes.count else { return "" }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = index + 1
            index = start
            while index < bytes.count, bytes[index] != quote { index += 1 }
            defer { index += 1 }
            return String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
        }
        let start = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
