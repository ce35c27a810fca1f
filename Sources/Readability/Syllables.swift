import Foundation

/// Syllable counts by rule, for the readability formulas. Rules, not a
/// dictionary: right for most words, tested on word lists.
public enum Syllables {
    /// English: vowel groups, less a silent final "e", "-es" (not after a
    /// hissing sound: "pulses") or "-ed" (not after t or d: "wanted"); at least one.
    public static func english(_ word: String) -> Int {
        Self.letters(of: word).withUnsafeBufferPointer { english(letters: $0) }
    }

    /// `english` of a word's letters, already in lower case.
    static func english(letters: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        guard letters.count > 3 else { return letters.isEmpty ? 0 : 1 }
        let end =
            letters.count - englishSilentEnding(letters[letters.count - 3], letters[letters.count - 2], letters.last!)
        var count = 0
        var previousWasVowel = false
        for index in 0..<end {
            let letter = letters[index]
            // A leading "y" is a consonant ("yes").
            let isVowel = Self.isEnglishVowel(letter) && !(letter == "y" && index == 0)
            if isVowel, !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        return max(1, count)
    }

    /// `english` of a word of ASCII letters only, in either case, read from its bytes: most of a
    /// page's words, counted without first writing their letters out as lower-case scalars, and
    /// without a branch on a letter's class (see `spanish(asciiLetters:)`).
    static func english(asciiLetters word: UnsafeBufferPointer<UInt8>) -> Int {
        guard word.count > 3 else { return word.isEmpty ? 0 : 1 }
        let (beforeEnding, penultimate, last) = (word[word.count - 3], word[word.count - 2], word[word.count - 1])
        let end =
            word.count
            - englishSilentEnding(
                Unicode.Scalar(beforeEnding | 0x20), Unicode.Scalar(penultimate | 0x20), Unicode.Scalar(last | 0x20))
        var count = 0
        var previousWasVowel = 0
        // A leading "y" is a consonant ("yes").
        var index = word[0] | 0x20 == UInt8(ascii: "y") ? 1 : 0
        while index < end {
            let isVowel = Self.asciiVowels &>> Int(word[index] & 31) & 1
            count &+= isVowel & ~previousWasVowel
            previousWasVowel = isVowel
            index += 1
        }
        return max(1, count)
    }

    /// How many of a word's last letters (lower case, the word over three letters long) are
    /// silent: a final "e" (not after "l"), "-es" (not after a hissing sound) or "-ed" (not after
    /// t or d).
    private static func englishSilentEnding(
        _ beforeEnding: Unicode.Scalar, _ penultimate: Unicode.Scalar, _ last: Unicode.Scalar
    ) -> Int {
        if last == "e", penultimate != "l" { return 1 }
        if penultimate == "e", last == "s", !Self.isHissing(beforeEnding) { return 2 }
        if penultimate == "e", last == "d", beforeEnding != "t", beforeEnding != "d" { return 2 }
        return 0
    }

    /// English's vowels as bits, by an ASCII letter's low five bits (the same in either case):
    /// a 1, e 5, i 9, o 15, u 21, y 25.
    private static let asciiVowels = 1 << 1 | 1 << 5 | 1 << 9 | 1 << 15 | 1 << 21 | 1 << 25

    // Switches, not sets or array literals: a literal in a function body is
    // built again for every word, and a set hashes every letter it is asked
    // about; either made syllable counting a fifth of a build.
    private static func isEnglishVowel(_ letter: Unicode.Scalar) -> Bool {
        switch letter {
        case "a", "e", "i", "o", "u", "y": true
        default: false
        }
    }

    /// Endings after which English "-es" is a syllable ("pulses", "boxes").
    private static func isHissing(_ letter: Unicode.Scalar) -> Bool {
        switch letter {
        case "s", "x", "z", "c", "g", "h": true
        default: false
        }
    }

    private static func isStrongVowel(_ letter: Unicode.Scalar) -> Bool {
        switch letter {
        case "a", "e", "o", "á", "é", "ó": true
        default: false
        }
    }

    private static func isWeakVowel(_ letter: Unicode.Scalar) -> Bool {
        switch letter {
        case "i", "u", "ü": true
        default: false
        }
    }

    private static func isAccentedWeakVowel(_ letter: Unicode.Scalar) -> Bool {
        letter == "í" || letter == "ú"
    }

    /// Spanish: a "u" after these is silent before e or i (que, gui).
    private static func silencesU(_ letter: Unicode.Scalar) -> Bool {
        letter == "q" || letter == "g"
    }

    private static func followsSilentU(_ letter: Unicode.Scalar) -> Bool {
        switch letter {
        case "e", "i", "é", "í": true
        default: false
        }
    }

    /// The word's letters in lower case (precomposed, so "ó" is one letter).
    /// Scalars, not Characters: this runs for every word of every page.
    static func letters(of word: String) -> [Unicode.Scalar] {
        var letters: [Unicode.Scalar] = []
        letters.reserveCapacity(word.utf8.count)
        // ASCII is already in canonical form: most words skip Foundation's normalisation.
        let canonical =
            word.utf8.allSatisfy { $0 < 0x80 } ? word : word.precomposedStringWithCanonicalMappingIfAvailable
        for scalar in canonical.unicodeScalars where TextCounts.isLetter(scalar) {
            letters.append(WordScanner.lowercased(scalar))
        }
        return letters
    }

    /// Spanish: one nucleus per vowel group, split where two strong vowels
    /// meet (hiatus) or an accented í/ú stands next to a strong vowel; the
    /// "u" of que/qui/gue/gui is silent.
    public static func spanish(_ word: String) -> Int {
        Self.letters(of: word).withUnsafeBufferPointer { spanish(letters: $0) }
    }

    /// `spanish` of a word's letters, already in lower case.
    static func spanish(letters: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        func isVowel(_ index: Int) -> Bool {
            let letter = letters[index]
            if letter == "u", index > 0, Self.silencesU(letters[index - 1]), index + 1 < letters.count,
                Self.followsSilentU(letters[index + 1])
            {
                return false
            }
            // "y" is a vowel only at the end of a word ("muy", "hoy").
            if letter == "y" { return index == letters.count - 1 && index > 0 }
            return isStrongVowel(letter) || isWeakVowel(letter) || isAccentedWeakVowel(letter)
        }
        var count = 0
        var previous: Unicode.Scalar?
        for index in letters.indices {
            guard isVowel(index) else {
                previous = nil
                continue
            }
            let letter = letters[index]
            if let before = previous {
                let hiatus =
                    (isStrongVowel(before) && isStrongVowel(letter))
                    || (isAccentedWeakVowel(letter) && isStrongVowel(before))
                    || (isAccentedWeakVowel(before) && isStrongVowel(letter))
                if hiatus { count += 1 }
            } else {
                count += 1
            }
            previous = letter
        }
        return max(letters.isEmpty ? 0 : 1, count)
    }

    /// `spanish` of a word of ASCII letters only, in either case, read from its bytes (no accents,
    /// so the only hiatus is two strong vowels). Without a branch on a letter's class: which
    /// vowel comes next is what a processor cannot predict.
    static func spanish(asciiLetters word: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var previousWasVowel = 0
        var previousWasStrong = 0
        for index in word.indices {
            let letter = word[index] | 0x20
            let bit = Int(letter & 31)
            let isStrong = Self.asciiStrongVowels &>> bit & 1
            var isVowel = (Self.asciiStrongVowels | Self.asciiWeakVowels) &>> bit & 1
            if letter == UInt8(ascii: "u") || letter == UInt8(ascii: "y") {
                isVowel = isSpanishVowel(asciiUOrY: index, of: word) ? 1 : 0
            }
            count &+= isVowel & (~previousWasVowel | previousWasStrong & isStrong)
            previousWasVowel = isVowel
            previousWasStrong = isVowel & isStrong
        }
        return max(word.isEmpty ? 0 : 1, count)
    }

    /// Whether the "u" or "y" at `index` of an ASCII word is a vowel: the "u" of que/qui/gue/gui
    /// is silent, and "y" is a vowel only at the end of a word ("muy", "hoy").
    /// (Rare letters: read with the rules' own tests, no masks of their own.)
    private static func isSpanishVowel(asciiUOrY index: Int, of word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word[index] | 0x20 == UInt8(ascii: "u") else { return index == word.count - 1 && index > 0 }
        return
            !(index > 0 && index + 1 < word.count && silencesU(Unicode.Scalar(word[index - 1] | 0x20))
            && followsSilentU(Unicode.Scalar(word[index + 1] | 0x20)))
    }

    // Spanish's letter classes as bits by an ASCII letter's low five bits, as `asciiVowels`.
    /// a, e, o.
    private static let asciiStrongVowels = 1 << 1 | 1 << 5 | 1 << 15
    /// i, u.
    private static let asciiWeakVowels = 1 << 9 | 1 << 21
}

extension String {
    /// Precomposed ("o" + combining acute → "ó") when the text has combining
    /// marks; Markdown files almost never do, so the common path is free.
    var precomposedStringWithCanonicalMappingIfAvailable: String {
        utf8.allSatisfy({ $0 < 0x80 })
            || !unicodeScalars.contains(where: { !$0.isASCII && $0.properties.generalCategory == .nonspacingMark })
            ? self : precomposedStringWithCanonicalMapping
    }
}
