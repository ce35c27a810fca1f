/// Eight bytes tested at once as the lanes of one 64-bit word (the first byte lowest): each
/// test gives a mask with the high bit of every lane that passes. The scanners of search text
/// (word ends, HTML text runs, JSON escapes) skip eight ordinary bytes with a few instructions
/// instead of testing them one by one.
public enum ByteLanes {
    public static let ones: UInt64 = 0x0101_0101_0101_0101
    public static let high: UInt64 = 0x8080_8080_8080_8080
    public static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The eight bytes of `bytes` from `index` (at least eight must remain), the first lowest
    /// on any processor.
    @inlinable
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// The lanes of `word` below 0x80.
    @inlinable
    public static func ascii(_ word: UInt64) -> UInt64 {
        ~word & high
    }

    /// The lanes of `word` that are `byte`.
    @inlinable
    public static func equal(_ byte: UInt8, _ word: UInt64) -> UInt64 {
        let difference = word ^ ones &* UInt64(byte)
        // A lane's high bit ends up set unless all eight of its bits are clear; the sum of
        // seven-bit parts never carries into the next lane.
        return ~(((difference & low7) &+ low7) | difference) & high
    }

    /// The lanes of `sevenBit` (every lane below 0x80) that are at least `limit` (at most 0x80).
    @inlinable
    public static func atLeast(_ limit: UInt8, _ sevenBit: UInt64) -> UInt64 {
        (sevenBit &+ ones &* UInt64(0x80 - limit)) & high
    }

    /// The lanes of `word` below `limit` (at most 0x80).
    @inlinable
    public static func below(_ limit: UInt8, _ word: UInt64) -> UInt64 {
        ~atLeast(limit, word & low7) & ascii(word)
    }
}
