import Foundation
import SiteSupport

/// The build record's binary form: little-endian integers, strings as a
/// length and UTF-8. Hand-written because a large site's record holds a
/// stamp for every input and output file, which JSON would take a good part
/// of a second to decode, on a build that otherwise has nothing to do.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

    mutating func write(_ value: Int64) { write(UInt64(bitPattern: value)) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ text: String) {
        text.withUTF8Bytes { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write<Elements: Collection>(
        _ elements: Elements, _ each: (inout ByteWriter, Elements.Element) -> Void
    ) {
        write(elements.count)
        for element in elements { each(&self, element) }
    }
}

/// Thrown for a record that does not decode: the build then starts clean.
struct CacheCorrupt: Error {}

struct ByteReader {
    private let bytes: [UInt8]
    private var offset: Int
    /// Where reading stops (the checksum after it is not payload).
    private let end: Int

    init(_ bytes: [UInt8], from offset: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.end = end ?? bytes.count
    }

    var isAtEnd: Bool { offset == end }

    mutating func uint64() throws(CacheCorrupt) -> UInt64 {
        guard end - offset >= 8 else { throw CacheCorrupt() }
        var value: UInt64 = 0
        for shift in 0..<8 { value |= UInt64(bytes[offset + shift]) << (8 * UInt64(shift)) }
        offset += 8
        return value
    }

    mutating func int() throws(CacheCorrupt) -> Int { Int(Int64(bitPattern: try uint64())) }

    mutating func int64() throws(CacheCorrupt) -> Int64 { Int64(bitPattern: try uint64()) }

    mutating func bool() throws(CacheCorrupt) -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw CacheCorrupt() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    /// A count of things still to read: never more than the bytes left, so a
    /// corrupt count cannot make the reader reserve gigabytes.
    mutating func count() throws(CacheCorrupt) -> Int {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw CacheCorrupt() }
        return count
    }

    mutating func string() throws(CacheCorrupt) -> String {
        let count = try count()
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    mutating func array<Element>(_ each: (inout ByteReader) throws(CacheCorrupt) -> Element) throws(CacheCorrupt)
        -> [Element]
    {
        let count = try count()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try each(&self)) }
        return elements
    }
}
