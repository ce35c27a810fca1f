import Foundation

/// Syllable counts by rule, for the readability formulas. Rules, not a
/// dictionary: right for most words, tested on word lists.
public enum Syllables {
    /// English: vowel groups, less a silent final "e", "-es" (not after a
    /// hissing sound: "pulses") or "-ed" (not after t or d: "wanted"); at least one.
    public static func english(_ word: String) -> Int {
        var letters = Self.letters(of: word)
        guard letters.count > 3 else { return letters.isEmpty ? 0 : 1 }
        let beforeEnding = letters[letters.count - 3]
        if letters.last == "e", letters[letters.count - 2] != "l" {
            letters.removeLast()
        } else if letters.suffix(2) == ["e", "s"], !["s", "x", "z", "c", "g", "h"].contains(beforeEnding) {
            letters.removeLast(2)
        } else if letters.suffix(2) == ["e", "d"], !["t", "d"].contains(beforeEnding) {
            letters.removeLast(2)
        }
        let vowels = Self.englishVowels
        var count = 0
        var previousWasVowel = false
        for (index, letter) in letters.enumerated() {
            // A leading "y" is a consonant ("yes").
            let isVowel = vowels.contains(letter) && !(letter == "y" && index == 0)
            if isVowel, !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        return max(1, count)
    }

    // Built once: a set literal in the function body was built again for every word.
    private static let englishVowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y"]
    private static let strongVowels: Set<Unicode.Scalar> = ["a", "e", "o", "á", "é", "ó"]
    private static let weakVowels: Set<Unicode.Scalar> = ["i", "u", "ü"]
    private static let accentedWeakVowels: Set<Unicode.Scalar> = ["í", "ú"]

    /// The word's letters in lower case (precomposed, so "ó" is one letter).
    /// Scalars, not Characters: this runs for every word of every page.
    static func letters(of word: String) -> [Unicode.Scalar] {
        var letters: [Unicode.Scalar] = []
        letters.reserveCapacity(word.utf8.count)
        // ASCII is already in canonical form: most words skip Foundation's normalisation.
        let canonical = word.utf8.allSatisfy { $0 < 0x80 } ? word : word.precomposedStringWithCanonicalMappingIfAvailable
        for scalar in canonical.unicodeScalars where TextCounts.isLetter(scalar) {
            if scalar.isASCII {
                letters.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                letters.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
            }
        }
        return letters
    }

    /// Spanish: one nucleus per vowel group, split where two strong vowels
    /// meet (hiatus) or an accented í/ú stands next to a strong vowel; the
    /// "u" of que/qui/gue/gui is silent.
    public static func spanish(_ word: String) -> Int {
        let letters = Self.letters(of: word)
        let strong = Self.strongVowels, weak = Self.weakVowels, accentedWeak = Self.accentedWeakVowels
        func isVowel(_ index: Int) -> Bool {
            let letter = letters[index]
            if letter == "u", index > 0, ["q", "g"].contains(letters[index - 1]), index + 1 < letters.count, ["e", "i", "é", "í"].contains(letters[index + 1]) {
                return false
            }
            // "y" is a vowel only at the end of a word ("muy", "hoy").
            if letter == "y" { return index == letters.count - 1 && index > 0 }
            return strong.contains(letter) || weak.contains(letter) || accentedWeak.contains(letter)
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
                let hiatus = (strong.contains(before) && strong.contains(letter))
                    || (accentedWeak.contains(letter) && strong.contains(before))
                    || (accentedWeak.contains(before) && strong.contains(letter))
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
        utf8.allSatisfy({ $0 < 0x80 }) || !unicodeScalars.contains(where: { !$0.isASCII && $0.properties.generalCategory == .nonspacingMark })
            ? self : precomposedStringWithCanonicalMapping
    }
}
