import Foundation
import SiteSupport

/// Text → search terms, the same way at build time and in the browser (`search-words.js`):
/// tokens (runs of letters, marks and digits), lower-cased and NFC, Arabic letters normalised,
/// stemmed with the language's Snowball stemmer (none: left whole), diacritics folded.
/// No stop words: BM25's IDF weighs common words down, and phrases need them.
///
/// The reference for the word pipeline, token by token; the index counts terms with a
/// `TermCounter`, which turns each distinct token into terms through `terms(of:stemmer:)` once.
public struct SearchWords: Sendable {
    /// The stemmer of the language; nil when Snowball has none (the terms are then unstemmed).
    public let stemmer: Stemmer?

    public init(language tag: String) {
        stemmer = Stemmer(language: tag)
    }

    /// Every term of `text`, in order.
    public func terms(_ text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append($0) }
        return terms
    }

    /// Calls `body` with every term of `text`, in order.
    public func forEachTerm(in text: String, _ body: (String) -> Void) {
        Self.forEachToken(in: text) { token in
            if let term = term(of: token) { body(term) }
        }
    }

    /// Calls `body` with every term of `text`, in order, and the term a reader typing the token
    /// without its diacritics gets, where that differs: the stemmer sees the accents before they
    /// are folded, so "estimulacion" stems otherwise than "estimulación". The index holds both.
    public func forEachTermAndVariant(in text: String, _ body: (String, String?) -> Void) {
        Self.forEachToken(in: text) { token in
            let terms = Self.terms(of: token, stemmer: stemmer)
            if !terms.term.isEmpty { body(terms.term, terms.unaccented.isEmpty ? nil : terms.unaccented) }
        }
    }

    /// Calls `body` with every token of `text` (before lower-casing), in order.
    public static func forEachToken(in text: String, _ body: (Substring) -> Void) {
        let ranges = text.withUTF8Bytes { bytes in
            var ranges: [Range<Int>] = []
            WordTokens.forEach(in: bytes) { ranges.append($0) }
            return ranges
        }
        let utf8 = text.utf8
        for range in ranges {
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            body(text[start..<utf8.index(start, offsetBy: range.count)])
        }
    }

    /// The term of one token; nil if nothing is left of it.
    public func term(of token: Substring) -> String? {
        let term = Self.terms(of: token, stemmer: stemmer).term
        return term.isEmpty ? nil : term
    }

    /// A token's term, and the term of the token typed without its diacritics where that differs
    /// ("" where there is none; a term "" when nothing is left of the token).
    struct TokenTerms {
        var term: String
        var unaccented: String
    }

    static func terms(of token: Substring, stemmer: Stemmer?) -> TokenTerms {
        if let lowered = asciiLowercased(token) {
            // ASCII: no normalisation, no Arabic letters, no diacritics to fold.
            return TokenTerms(
                term: stemmer.map { lowered.isEmpty ? lowered : $0.stem(lowered) } ?? lowered, unaccented: "")
        }
        let term = stemmedTerm(of: token, stemmer: stemmer)
        let folded = foldingDiacritics(String(token))
        guard folded != String(token) else { return TokenTerms(term: term, unaccented: "") }
        let variant = stemmedTerm(of: Substring(folded), stemmer: stemmer)
        return TokenTerms(term: term, unaccented: variant == term ? "" : variant)
    }

    /// `token` lower-cased, if it is all ASCII; nil otherwise.
    private static func asciiLowercased(_ token: Substring) -> String? {
        let utf8 = token.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            for byte in utf8 {
                buffer[count] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                count += 1
            }
            return count
        }
    }

    private static func stemmedTerm(of token: Substring, stemmer: Stemmer?) -> String {
        var word = token.lowercased()
        let isASCII = word.utf8.allSatisfy { $0 < 0x80 }
        if !isASCII { word = ArabicLetters.normalised(word.precomposedStringWithCanonicalMapping) }
        if let stemmer, !word.isEmpty { word = stemmer.stem(word) }
        return isASCII ? word : foldingDiacritics(word)
    }

    /// NFD, combining diacritical marks (U+0300–U+036F) deleted, NFC: "estimulación" → "estimulacion".
    public static func foldingDiacritics(_ word: String) -> String {
        let decomposed = word.decomposedStringWithCanonicalMapping.unicodeScalars
        guard decomposed.contains(where: { (0x300...0x36F).contains($0.value) }) else {
            return word.precomposedStringWithCanonicalMapping
        }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: decomposed.filter { !(0x300...0x36F).contains($0.value) })
        return String(kept).precomposedStringWithCanonicalMapping
    }

    /// Letters (L*), marks (M*) and numbers (N*): what JavaScript's `[\p{L}\p{M}\p{N}]` matches.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return WordTokens.isASCIIWordByte(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
