import SiteSupport

/// Walks the words and sentences of plain text once, as the readability
/// formulas see them. A word is a run of letters and digits (with inner
/// apostrophes or hyphens) holding at least one letter; a sentence ends at
/// . ! ? … or at a line break, if it has words.
///
/// It runs over the prose of every page, so it reads UTF-8 bytes with its
/// state in its own stored properties, whose exclusive access a mutating
/// method has checked when compiled (locals captured by nested functions can
/// need a check at run time for every letter). ASCII is classified by table,
/// other scalars are decoded and asked. Each word's letters go lower-cased
/// into one buffer that is reused for every word; no string is made unless
/// the caller asks for one.
struct WordScanner {
    private(set) var sentences = 0
    /// The current word's letters, lower-cased, and how many there are.
    private var letters = UnsafeMutableBufferPointer<Unicode.Scalar>(start: nil, count: 0)
    private var count = 0
    /// The current run's first byte (-1: none) and the end of its last letter, digit or mark.
    private var runStart = -1
    private var runEnd = 0
    private var hasLetter = false
    private var hasCombiningMark = false
    private var sentenceHasWords = false
    /// Whether words' letters are wanted: counting a language's words needs none (no syllable rules).
    private var collectsLetters = true
    /// Whether a word of ASCII letters only comes with no letters, its bytes being its letters.
    private var asciiWordsAsBytes = false

    private enum ScalarClass: UInt8 {
        case letter, digit, combiningMark, joiner, sentenceEnd, other
    }

    /// Calls `word` for each word with its letters in lower case (none unless `collectsLetters`)
    /// and its UTF-8 bytes as written (apostrophes and hyphens trimmed from the ends). With
    /// `asciiWordsAsBytes`, a word of ASCII letters and nothing else (most words) comes with no
    /// letters: its bytes are its letters, in the case they were written, and need no copy.
    mutating func scan(
        _ text: String, collectsLetters: Bool = true, asciiWordsAsBytes: Bool = false,
        word: (_ letters: UnsafeBufferPointer<Unicode.Scalar>, _ bytes: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        self = WordScanner()
        self.collectsLetters = collectsLetters
        self.asciiWordsAsBytes = asciiWordsAsBytes
        letters = .allocate(capacity: 128)
        defer { letters.deallocate() }
        text.withUTF8Bytes { scan(utf8: $0, word: word) }
        if sentenceHasWords { sentences += 1 }
    }

    private mutating func scan(
        utf8 bytes: UnsafeBufferPointer<UInt8>,
        word: (_ letters: UnsafeBufferPointer<Unicode.Scalar>, _ bytes: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let table = Self.asciiClass
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isASCIILetter(byte) {
                // The letters of an ASCII word, most of a page's, found eight bytes at a time.
                let end = Self.asciiLettersEnd(in: bytes, from: index + 1)
                if runStart < 0, end < bytes.count, bytes[end] < 0x80 {
                    let after = table[Int(bytes[end])]
                    if after == .other || after == .sentenceEnd {
                        // A whole word ended by a blank or punctuation, as most are: handed on at
                        // once, with none of a run's state kept in `self` (a third of the scan).
                        wholeWord(index..<end, in: bytes, endsSentence: after == .sentenceEnd, word: word)
                        index = end + 1
                        continue
                    }
                }
                if runStart < 0 { runStart = index }
                if collectsLetters { count = writeASCIILetters(index..<end, of: bytes, from: count) }
                index = end
                hasLetter = true
                runEnd = index
                continue
            }
            let kind: ScalarClass
            let scalar: Unicode.Scalar
            let length: Int
            if byte < 0x80 {
                kind = table[Int(byte)]
                scalar = Unicode.Scalar(byte)
                length = 1
            } else {
                let decoded = UTF8Scalar(bytes, at: index)
                scalar = decoded.scalar
                length = decoded.length
                kind = Self.classify(scalar)
            }
            switch kind {
            case .letter:
                if runStart < 0 { runStart = index }
                if collectsLetters { append(Self.lowercased(scalar)) }
                hasLetter = true
                runEnd = index + length
            case .digit, .combiningMark:
                if runStart < 0 { runStart = index }
                if kind == .combiningMark { hasCombiningMark = true }
                runEnd = index + length
            case .joiner where runStart >= 0:
                // Inside a word only if a letter or digit follows: the end stays where it was.
                break
            case .joiner, .other, .sentenceEnd:
                endWord(in: bytes, word: word)
                if kind == .sentenceEnd {
                    if sentenceHasWords { sentences += 1 }
                    sentenceHasWords = false
                }
            }
            index += length
        }
        endWord(in: bytes, word: word)
    }

    /// The word of ASCII letters at `range`, not inside a run, and the byte after it (ending a
    /// sentence if `endsSentence`): what `scan` and `endWord` would do for them, at once.
    @inline(__always)
    private mutating func wholeWord(
        _ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, endsSentence: Bool,
        word: (_ letters: UnsafeBufferPointer<Unicode.Scalar>, _ bytes: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let written = collectsLetters && !asciiWordsAsBytes ? writeASCIILetters(range, of: bytes, from: 0) : 0
        word(UnsafeBufferPointer(rebasing: letters[0..<written]), UnsafeBufferPointer(rebasing: bytes[range]))
        if endsSentence {
            sentences += 1
            sentenceHasWords = false
        } else {
            sentenceHasWords = true
        }
    }

    /// Writes the ASCII letters at `range` of `bytes` into `letters` from `start`, lower-cased, and
    /// returns where they end: in one loop with the buffer and position in locals (kept in `self`,
    /// they were stored for every letter).
    @inline(__always)
    private mutating func writeASCIILetters(
        _ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int {
        if letters.count - start < range.count { growLetters(toHold: start + range.count) }
        let buffer = letters
        var written = start
        for letter in range {
            buffer[written] = Unicode.Scalar(bytes[letter] | 0x20)  // lower case
            written += 1
        }
        return written
    }

    private mutating func endWord(
        in bytes: UnsafeBufferPointer<UInt8>,
        word: (_ letters: UnsafeBufferPointer<Unicode.Scalar>, _ bytes: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard runStart >= 0 else { return }
        if hasLetter {
            let written = UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd])
            if hasCombiningMark && collectsLetters {
                // Rare: "o" and a combining accent are one letter once precomposed.
                Syllables.letters(of: String(decoding: written, as: UTF8.self)).withUnsafeBufferPointer {
                    word($0, written)
                }
            } else {
                word(UnsafeBufferPointer(rebasing: letters[0..<count]), written)
            }
            sentenceHasWords = true
        }
        runStart = -1
        count = 0
        hasLetter = false
        hasCombiningMark = false
    }

    @inline(__always)
    private mutating func append(_ letter: Unicode.Scalar) {
        if count == letters.count { growLetters() }
        letters[count] = letter
        count += 1
    }

    private mutating func growLetters(toHold needed: Int = 0) {
        let larger = UnsafeMutableBufferPointer<Unicode.Scalar>.allocate(capacity: max(letters.count * 2, needed))
        _ = larger.initialize(from: letters)
        letters.deallocate()
        letters = larger
    }

    /// The end of the run of ASCII letters from `start`: eight bytes are classified at once
    /// while there are eight to read (a byte at a time, the run was a tenth of a scan's work).
    @inline(__always)
    private static func asciiLettersEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index + 8 <= bytes.count {
            let others = nonLetterBytes(ByteLanes.load(bytes, at: index))
            if others != 0 { return index + others.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < bytes.count && isASCIILetter(bytes[index]) { index += 1 }
        return index
    }

    /// The high bit of each byte of `word` (eight bytes, the first lowest) that `isASCIILetter`
    /// does not accept, every byte from 0x80 up included.
    @inline(__always)
    static func nonLetterBytes(_ word: UInt64) -> UInt64 {
        // Upper case folded to lower case, in the seven bits of an ASCII byte.
        let folded = word & ByteLanes.low7 | ByteLanes.ones &* 0x20
        let isLetter = ByteLanes.atLeast(0x61, folded) & ~ByteLanes.atLeast(0x7B, folded) & ByteLanes.ascii(word)
        return ~isLetter & ByteLanes.high
    }

    /// `A`–`Z` and `a`–`z`: the ASCII that `classify` calls a letter.
    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    private static let asciiClass: [ScalarClass] = (0..<128).map { byte in
        classify(Unicode.Scalar(UInt8(byte)))
    }

    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        if TextCounts.isLetter(scalar) { return .letter }
        if TextCounts.isDigit(scalar) { return .digit }
        if TextCounts.isCombining(scalar) { return .combiningMark }
        if TextCounts.isJoiner(scalar) { return .joiner }
        if scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" || scalar == "\n" { return .sentenceEnd }
        return .other
    }

    /// Lower case, with Latin-1's capitals (Spanish accents) done by arithmetic.
    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: return Unicode.Scalar(scalar.value + 32)!
        case 0...0x7F, 0xDF...0xFF: return scalar
        default: return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        }
    }
}
