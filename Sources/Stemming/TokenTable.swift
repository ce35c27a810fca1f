/// Token bytes → the numbers of the token's terms: the memo that lets a batch of documents
/// stem each distinct token once. Open addressing over the tokens' raw bytes (as written, before
/// lower-casing), so that looking up a token seen before makes no string and hashes no `String`.
struct TokenTable {
    /// A token's term and, for a token with diacritics, the term typed without them (-1: none).
    struct Terms {
        var term: Int32
        var variant: Int32
    }

    private struct Entry {
        var hash: UInt64
        var start: Int
        var count: Int
        var terms: Terms
    }

    /// Indexes into `entries` (-1: empty); a power of two in size, at most half full.
    private var slots = [Int32](repeating: -1, count: 1024)
    private var entries: [Entry] = []
    /// Every token's bytes, one after another.
    private var bytes: [UInt8] = []

    /// Eight bytes at a time, each word mixed in by a multiply, the whole finished by
    /// SplitMix64's finaliser (the table's slot is the hash's low bits).
    @inline(__always)
    static func hash(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(token)
        var hash = UInt64(token.count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        if offset < raw.count {
            var last: UInt64 = 0
            for index in offset..<raw.count { last = last << 8 | UInt64(raw[index]) }
            hash = (hash ^ last) &* 0xFF51_AFD7_ED55_8CCD
        }
        hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 31)
    }

    @inline(__always)
    func find(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Terms? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            let entry = entries[Int(index)]
            if entry.hash == hash, entry.count == token.count, sameBytes(entry, token) { return entry.terms }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64, terms: Terms) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append(Entry(hash: hash, start: bytes.count, count: token.count, terms: terms))
        bytes.append(contentsOf: token)
        place(Int32(entries.count - 1))
    }

    private func sameBytes(_ entry: Entry, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { stored in
            for offset in 0..<token.count where stored[entry.start + offset] != token[offset] { return false }
            return true
        }
    }

    private mutating func place(_ index: Int32) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[Int(index)].hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for index in entries.indices { place(Int32(index)) }
    }
}
