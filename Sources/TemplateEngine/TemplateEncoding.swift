/// A canonical byte encoding of template values: the same values give the
/// same bytes in any process, so that a digest of them can key a rendered
/// page between builds. Every value carries a tag and a length.
extension TemplateData {
    public func encode(into bytes: inout [UInt8]) {
        switch self {
        case .none: bytes.append(0)
        case .bool(let flag): bytes.append(flag ? 1 : 2)
        case .integer(let number): Self.tag(3, number, &bytes)
        case .decimal(let number): Self.tag(4, Int(bitPattern: UInt(number.bitPattern)), &bytes)
        case .text(let text): Self.encode(5, text, &bytes)
        case .html(let html): Self.encode(6, html, &bytes)
        case .writer(let writer):
            bytes.append(7)
            writer.encode(into: &bytes)
        case .object(let object):
            bytes.append(8)
            object.encodeTemplateFields(into: &bytes)
        case .list(let list):
            Self.tag(9, list.templateCount, &bytes)
            for index in 0..<list.templateCount { list.templateElement(index).encode(into: &bytes) }
        }
    }

    static func tag(_ kind: UInt8, _ count: Int, _ bytes: inout [UInt8]) {
        bytes.append(kind)
        withUnsafeBytes(of: Int64(count).littleEndian) { bytes.append(contentsOf: $0) }
    }

    public static func encode(_ kind: UInt8, _ text: String, _ bytes: inout [UInt8]) {
        tag(kind, text.utf8.count, &bytes)
        bytes.append(contentsOf: text.utf8)
    }
}

extension TemplateObject {
    /// Every field that is not shared, in order; a keyed or dynamic value
    /// encodes its own (see `encodeKeyedFields`).
    public func encodeTemplateFields(into bytes: inout [UInt8]) {
        let fields = Self.templateFields.fields
        TemplateData.tag(10, fields.count, &bytes)
        for (index, field) in fields.enumerated() where !field.isShared {
            templateField(index).encode(into: &bytes)
        }
        encodeKeyedFields(into: &bytes)
    }

    public func encodeKeyedFields(into bytes: inout [UInt8]) {}
}
