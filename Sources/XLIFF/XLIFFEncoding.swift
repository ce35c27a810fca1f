import Foundation

/// XLIFF is read as UTF-8 only; any other encoding is refused before anything else looks at the bytes.
///
/// Refusing is simpler and safer than transcoding: the document-type check reads the bytes as
/// UTF-8, so a UTF-16 file would slip past it (and its entities into a page), and every decoder
/// is one more place where a translator's text could change on its way in. Every CAT tool can save
/// UTF-8.
enum XLIFFEncoding {
    /// Why `data` is not read as UTF-8, if it is not: a byte order mark or an XML declaration naming
    /// another encoding, NUL bytes of UTF-16 or UTF-32 without a mark, or bytes that are not UTF-8.
    static func problem(in data: Data) -> XLIFFReadError? {
        let bytes = [UInt8](data)
        if let name = otherEncoding(startingWith: bytes) {
            return XLIFFReadError(
                line: 1, column: 1,
                message: "the file is \(name), not UTF-8; spinesite reads XLIFF in UTF-8 only: save the file as "
                    + "UTF-8 (the CAT tool's export settings, or 'iconv -f \(name) -t UTF-8')")
        }
        if let declared = declaredEncoding(in: bytes), declared.name.uppercased() != "UTF-8" {
            return XLIFFReadError(
                line: 1, column: declared.column,
                message: "the XML declaration says encoding=\"\(declared.name)\"; spinesite reads XLIFF in UTF-8 "
                    + "only: save the file as UTF-8 and declare encoding=\"UTF-8\"")
        }
        guard String(data: data, encoding: .utf8) == nil else { return nil }
        let place = firstInvalidByte(in: bytes)
        return XLIFFReadError(
            line: place.line, column: place.column,
            message: "byte 0x\(String(bytes[place.offset], radix: 16, uppercase: true)) is not UTF-8: the file "
                + "was saved in another encoding; save it as UTF-8")
    }

    /// The encoding a byte order mark, or the first bytes of `<?xml` (XML 1.0, appendix F), show.
    private static func otherEncoding(startingWith bytes: [UInt8]) -> String? {
        let marks: [(prefix: [UInt8], name: String)] = [
            ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"), ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE"),
            ([0x00, 0x00, 0x00, 0x3C], "UTF-32BE"), ([0x3C, 0x00, 0x00, 0x00], "UTF-32LE"),
            ([0xFE, 0xFF], "UTF-16BE"), ([0xFF, 0xFE], "UTF-16LE"),
            ([0x00, 0x3C, 0x00], "UTF-16BE"), ([0x3C, 0x00], "UTF-16LE"),
        ]
        return marks.first { bytes.starts(with: $0.prefix) }?.name
    }

    /// The `encoding` of the XML declaration, and its column, if the declaration names one.
    private static func declaredEncoding(in bytes: [UInt8]) -> (name: String, column: Int)? {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes[start...].starts(with: Array("<?xml".utf8)),
            let end = find(Array("?>".utf8), in: bytes, from: start)
        else { return nil }
        let declaration = bytes[start..<end]
        guard let key = find(Array("encoding".utf8), in: bytes, from: start), key < end else { return nil }
        guard let quote = declaration[key...].firstIndex(where: { $0 == 0x22 || $0 == 0x27 }),
            let close = declaration[(quote + 1)...].firstIndex(of: bytes[quote])
        else { return nil }
        return (String(decoding: bytes[(quote + 1)..<close], as: UTF8.self), quote + 2 - start)
    }

    /// Where the first byte that does not begin or continue a UTF-8 sequence is.
    private static func firstInvalidByte(in bytes: [UInt8]) -> (offset: Int, line: Int, column: Int) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var line = 1
        var lineStart = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { (line, lineStart) = (line + 1, offset + 1) }
                offset += UTF8.width(scalar)
            case .emptyInput, .error:
                return (min(offset, bytes.count - 1), line, offset - lineStart + 1)
            }
        }
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
