public import Foundation

/// XML that spinesite reads (an SVG picture, an XLIFF file) is UTF-8 only: any other encoding is
/// found on the bytes, before a parser or a byte search looks at them.
///
/// Refusing is simpler and safer than transcoding: the checks that run before parsing (for a
/// document type or an entity) read the bytes as UTF-8, so a UTF-16 file would slip past them, and
/// every decoder is one more place where text could change on its way in. Every editor and CAT tool
/// can save UTF-8.
public enum XMLEncoding {
    public enum Problem: Sendable, Equatable {
        /// A byte order mark, or the first bytes of `<?xml` in another encoding (XML 1.0,
        /// appendix F): its name, such as `UTF-16LE`.
        case otherEncoding(String)
        /// The XML declaration names another encoding, at this column of the first line.
        case declared(String, column: Int)
        /// A byte that does not begin or continue a UTF-8 sequence, and where it is.
        case invalidByte(UInt8, line: Int, column: Int)
    }

    /// Why `data` cannot be read as UTF-8, if it cannot. A UTF-8 byte order mark is fine.
    public static func problem(in data: Data) -> Problem? {
        let bytes = [UInt8](data)
        if let name = otherEncoding(startingWith: bytes) { return .otherEncoding(name) }
        if let declared = otherDeclaredEncoding(in: bytes) { return declared }
        guard String(data: data, encoding: .utf8) == nil else { return nil }
        return firstInvalidByte(in: bytes)
    }

    /// The encoding a byte order mark, or the first bytes of `<?xml`, show.
    private static func otherEncoding(startingWith bytes: [UInt8]) -> String? {
        let marks: [(prefix: [UInt8], name: String)] = [
            ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"), ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE"),
            ([0x00, 0x00, 0x00, 0x3C], "UTF-32BE"), ([0x3C, 0x00, 0x00, 0x00], "UTF-32LE"),
            ([0xFE, 0xFF], "UTF-16BE"), ([0xFF, 0xFE], "UTF-16LE"),
            ([0x00, 0x3C, 0x00], "UTF-16BE"), ([0x3C, 0x00], "UTF-16LE"),
        ]
        return marks.first { bytes.starts(with: $0.prefix) }?.name
    }

    /// The `encoding` of the XML declaration, and its column, if the declaration names one other
    /// than UTF-8.
    private static func otherDeclaredEncoding(in bytes: [UInt8]) -> Problem? {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes[start...].starts(with: Array("<?xml".utf8)),
            let end = find(Array("?>".utf8), in: bytes, from: start)
        else { return nil }
        let declaration = bytes[start..<end]
        guard let key = find(Array("encoding".utf8), in: bytes, from: start), key < end else { return nil }
        guard let quote = declaration[key...].firstIndex(where: { $0 == 0x22 || $0 == 0x27 }),
            let close = declaration[(quote + 1)...].firstIndex(of: bytes[quote])
        else { return nil }
        let name = String(decoding: bytes[(quote + 1)..<close], as: UTF8.self)
        return ["UTF-8", "UTF8"].contains(name.uppercased()) ? nil : .declared(name, column: quote + 2 - start)
    }

    /// The first byte that does not begin or continue a UTF-8 sequence, and where it is.
    private static func firstInvalidByte(in bytes: [UInt8]) -> Problem {
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
                return .invalidByte(bytes[min(offset, bytes.count - 1)], line: line, column: offset - lineStart + 1)
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
