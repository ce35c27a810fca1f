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
        var end = letters.count
        let (beforeEnding, penultimate, last) = (letters[end - 3], letters[end - 2], letters[end - 1])
        if last == "e", penultimate != "l" {
            end -= 1
        } else if penultimate == "e", last == "s", !Self.isHissing(beforeEnding) {
            end -= 2
        } else if penultimate == "e", last == "d", beforeEnding != "t", beforeEnding != "d" {
            end -= 2
        }
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
