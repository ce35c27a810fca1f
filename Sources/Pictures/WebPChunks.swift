import Foundation

/// libvips 8.14's WebP encoder writes an EXIF chunk of its own (orientation and resolution) even
/// when asked to strip metadata. A published picture carries none: the `EXIF` and `XMP ` chunks
/// are dropped from the RIFF container and the extended header's flags for them cleared.
enum WebPChunks {
    static func withoutMetadata(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8)
        else { return data }
        var body: [UInt8] = Array("WEBP".utf8)
        var offset = 12
        while offset + 8 <= bytes.count {
            let name = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(littleEndian: bytes[offset + 4..<offset + 8])
            let padded = size + (size & 1)
            guard offset + 8 + size <= bytes.count else { return data }
            var chunk = Array(bytes[offset..<min(offset + 8 + padded, bytes.count)])
            if name == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0x08 | 0x04) }
            if name != "EXIF" && name != "XMP " { body += chunk }
            offset += 8 + padded
        }
        return Data(Array("RIFF".utf8) + littleEndian(body.count) + body)
    }

    private static func littleEndian(_ value: Int) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}

extension Int {
    fileprivate init(littleEndian bytes: ArraySlice<UInt8>) {
        self = bytes.enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    }
}
