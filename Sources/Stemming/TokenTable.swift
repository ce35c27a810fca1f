import SiteSupport

/// Token bytes → the numbers of the token's terms: the memo that lets a batch of documents
/// stem each distinct token once. Open addressing over the tokens' raw bytes (as written, before
/// lower-casing), so that looking up a token seen before makes no string and hashes no `String`.
///
/// Looking up is what indexing does for every word of every page, and a table of a batch's
/// tokens outgrows the processor's fastest caches: each slot holds all a lookup needs (a part
/// of the hash, the length, the first eight bytes and the terms), so that finding a token of
/// at most eight bytes, most words, reads one slot and nothing else.
///
/// A reference type over raw memory: one table per `TermCounter`, which never shares it.
final class TokenTable {
    /// A token's term and, for a token with diacritics, the term typed without them (-1: none).
    struct Terms {
        var term: Int32
        var variant: Int32
    }

    private struct Slot {
        /// The token's first eight bytes, zero-padded (0 with `length` 0: an empty slot).
        var prefix: UInt64 = 0
        /// The hash's high 32 bits (its low bits chose the slot).
        var tag: UInt32 = 0
        var length: UInt32 = 0
        /// Where the token's bytes start in `bytes` (read for tokens over eight bytes only).
        var start: UInt32 = 0
        var terms = Terms(term: -1, variant: -1)

        var isEmpty: Bool { length == 0 }
    }

    // The table is never shared (see above), so the run-time checks of exclusive access a
    // class's stored properties get are off: they cost a fifth of counting a page's terms.

    /// A power of two in size, at most half full.
    @exclusivity(unchecked) private var slots: UnsafeMutableBufferPointer<Slot>
    @exclusivity(unchecked) private var used = 0
    /// The bytes of every token over eight bytes long, one after another.
    @exclusivity(unchecked) private var bytes: [UInt8] = []

    init() {
        slots = .allocate(capacity: 1024)
        slots.initialize(repeating: Slot())
    }

    deinit {
        slots.deallocate()
    }

    /// A token as the table reads it: its bytes, its first eight bytes as one number (zero-padded)
    /// and its hash, made from both.
    struct Key {
        let token: UnsafeBufferPointer<UInt8>
        let prefix: UInt64
        let hash: UInt64

        /// The token at `range` of `text`: its first eight bytes are read at once when `text`
        /// has eight bytes from there (the usual case, even for a shorter token).
        @inline(__always)
        init(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) {
            token = UnsafeBufferPointer(rebasing: text[range])
            if text.count - range.lowerBound >= 8 {
                let word = ByteLanes.load(text, at: range.lowerBound)
                prefix = range.count >= 8 ? word : word & (1 << (8 * UInt64(range.count)) - 1)
            } else {
                prefix = Self.littleEndian(token, from: 0)
            }
            hash = Self.hash(token, prefix: prefix)
        }

        /// Up to eight bytes of `token` from `offset`, the first lowest, zero-padded.
        private static func littleEndian(_ token: UnsafeBufferPointer<UInt8>, from offset: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in offset..<min(token.count, offset + 8) {
                value |= UInt64(token[index]) << (8 * UInt64(index - offset))
            }
            return value
        }

        /// Eight bytes at a time (the first eight are `prefix`), each word mixed in by a multiply,
        /// the whole finished by SplitMix64's finaliser (the table's slot is the hash's low bits).
        @inline(__always)
        private static func hash(_ token: UnsafeBufferPointer<UInt8>, prefix: UInt64) -> UInt64 {
            var hash = mix(UInt64(token.count) &* 0x9E37_79B9_7F4A_7C15, prefix)
            var offset = 8
            while offset < token.count {
                hash = mix(hash, littleEndian(token, from: offset))
                offset += 8
            }
            hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
            hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
            return hash ^ (hash >> 31)
        }

        @inline(__always)
        private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            return mixed ^ (mixed >> 32)
        }
    }

    @inline(__always)
    func find(_ key: Key) -> Terms? {
        let tag = UInt32(truncatingIfNeeded: key.hash >> 32)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let slot = slots[index]
            if slot.isEmpty { return nil }
            if slot.tag == tag, slot.prefix == key.prefix, Int(slot.length) == key.token.count,
                key.token.count <= 8 || sameTail(slot, key.token)
            {
                return slot.terms
            }
            index = (index + 1) & mask
        }
    }

    func insert(_ key: Key, terms: Terms) {
        let token = key.token
        precondition(!token.isEmpty && token.count <= UInt32.max, "TokenTable: a token of \(token.count) bytes")
        if (used + 1) * 2 > slots.count { grow() }
        var slot = Slot(
            prefix: key.prefix, tag: UInt32(truncatingIfNeeded: key.hash >> 32), length: UInt32(token.count),
            start: 0, terms: terms)
        if token.count > 8 {
            precondition(bytes.count + token.count <= UInt32.max, "TokenTable: over 4 GB of tokens")
            slot.start = UInt32(bytes.count)
            bytes.append(contentsOf: token)
        }
        place(slot, hash: key.hash)
        used += 1
    }

    /// Whether the bytes after the first eight of `slot`'s token and `token`'s are the same
    /// (their lengths are).
    private func sameTail(_ slot: Slot, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { stored in
            let start = Int(slot.start)
            for offset in 8..<token.count where stored[start + offset] != token[offset] { return false }
            return true
        }
    }

    private func place(_ slot: Slot, hash: UInt64) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while !slots[index].isEmpty { index = (index + 1) & mask }
        slots[index] = slot
    }

    /// Twice the slots, each placed again by its token's hash, computed again from its bytes
    /// (a slot keeps only part of the hash).
    private func grow() {
        let old = slots
        slots = .allocate(capacity: old.count * 2)
        slots.initialize(repeating: Slot())
        for slot in old where !slot.isEmpty { place(slot, hash: rehash(slot)) }
        old.deallocate()
    }

    /// The hash of `slot`'s token, computed again from its bytes.
    private func rehash(_ slot: Slot) -> UInt64 {
        let length = Int(slot.length)
        if length <= 8 {
            return withUnsafeBytes(of: slot.prefix.littleEndian) { raw in
                Key(0..<length, in: raw.bindMemory(to: UInt8.self)).hash
            }
        }
        return bytes.withUnsafeBufferPointer { stored in
            Key(Int(slot.start)..<Int(slot.start) + length, in: stored).hash
        }
    }
}
