/// Walks the words and sentences of plain text once, as the readability
/// formulas see them. A word is a run of letters and digits (with inner
/// apostrophes or hyphens) holding at least one letter; a sentence ends at
/// . ! ? … or at a line break, if it has words.
///
/// It runs over the prose of every page, so it reads UTF-8 bytes: ASCII is
/// classified by table, other scalars are decoded and asked. Each word's
/// letters go lower-cased into one reused buffer; no string is made unless
/// the caller asks for one.
struct WordScanner {
    /// The current word's letters in lower case (what syllable rules read):
    /// the first `letterCount` of a buffer that only grows, since emptying an
    /// array for every word went through a generic, slow path.
    private var letters: [Unicode.Scalar] = Array(repeating: " ", count: 64)
    private var letterCount = 0
    /// Where the current run started and ended in the text's bytes, and whether it has a letter yet.
    private var runStart = -1
    private var runEnd = 0
    private var hasLetter = false
    private var hasCombiningMark = false
    private var sentenceHasWords = false
    private(set) var sentences = 0

    init() {}

    /// Calls `word` for each word with its letters in lower case and its
    /// UTF-8 bytes as written (apostrophes and hyphens trimmed from the ends).
    mutating func scan(_ text: String, word: (_ letters: ArraySlice<Unicode.Scalar>, _ bytes: UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        let table = Self.asciiClass
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    let kind = table[Int(byte)]
                    if kind == .letter {
                        // The common case, inline: a lower-case ASCII letter or a capital.
                        if runStart < 0 { runStart = index }
                        appendLetter(Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte))
                        hasLetter = true
                        runEnd = index + 1
                    } else {
                        handle(kind, Unicode.Scalar(byte), at: index, length: 1, bytes, word)
                    }
                    index += 1
                } else {
                    let (scalar, length) = Self.decode(bytes, at: index)
                    handle(Self.classify(scalar), scalar, at: index, length: length, bytes, word)
                    index += length
                }
            }
            endWord(bytes, word)
        }
        endSentence()
    }

    private enum ScalarClass: UInt8 {
        case letter, digit, combiningMark, joiner, sentenceEnd, other
    }

    private mutating func handle(
        _ kind: ScalarClass, _ scalar: Unicode.Scalar, at index: Int, length: Int,
        _ bytes: UnsafeBufferPointer<UInt8>, _ word: (_ letters: ArraySlice<Unicode.Scalar>, _ bytes: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        switch kind {
        case .letter:
            if runStart < 0 { runStart = index }
            appendLetter(Self.lowercased(scalar))
            hasLetter = true
        case .digit:
            if runStart < 0 { runStart = index }
        case .combiningMark:
            if runStart < 0 { runStart = index }
            hasCombiningMark = true
        case .joiner where runStart >= 0:
            // Inside a word only if a letter or digit follows: the end stays where it was.
            return
        case .joiner, .other, .sentenceEnd:
            endWord(bytes, word, end: index)
            if kind == .sentenceEnd { endSentence() }
            return
        }
        runEnd = index + length
    }

    private mutating func appendLetter(_ letter: Unicode.Scalar) {
        if letterCount == letters.count { letters.append(letter) } else { letters[letterCount] = letter }
        letterCount += 1
    }

    private mutating func endWord(_ bytes: UnsafeBufferPointer<UInt8>, _ word: (_ letters: ArraySlice<Unicode.Scalar>, _ bytes: UnsafeBufferPointer<UInt8>) -> Void, end: Int? = nil) {
        guard runStart >= 0 else { return }
        defer {
            runStart = -1
            letterCount = 0
            hasLetter = false
            hasCombiningMark = false
        }
        guard hasLetter else { return }
        // A run starts and ends with a letter, digit or mark: a joiner neither
        // opens one nor moves its end, so joiners at its ends are left out.
        let written = UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd])
        if hasCombiningMark {
            // Rare: "o" and a combining accent are one letter once precomposed.
            word(Syllables.letters(of: String(decoding: written, as: UTF8.self))[...], written)
        } else {
            word(letters[..<letterCount], written)
        }
        sentenceHasWords = true
    }

    private mutating func endSentence() {
        if sentenceHasWords { sentences += 1 }
        sentenceHasWords = false
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

    /// The scalar starting at `index` of valid UTF-8, and its length.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
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
