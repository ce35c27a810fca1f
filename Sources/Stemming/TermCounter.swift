import SiteSupport

/// Counts the terms of a batch of documents, one document after another, as numbers in its
/// own `vocabulary`: each distinct token is turned into terms once (see `SearchWords`), and a
/// token seen before costs a hash of its bytes and no allocation.
///
/// One counter per task: parallel work shares nothing but the stemmer's code. Not copyable:
/// its token table is a reference, and a copy that learned tokens into it would give the
/// original term numbers its own vocabulary does not have.
public struct TermCounter: ~Copyable {
    public private(set) var vocabulary = TermVocabulary()
    private let stemmer: Stemmer?
    private let tokens = TokenTable()
    /// The document's weighted count of each term, by number (0: not in the document).
    private var weights: [Float] = []
    /// The terms of the document, in the order first seen.
    private var seen: [Int32] = []
    private var length = 0

    public init(language tag: String) {
        stemmer = Stemmer(language: tag)
    }

    /// Counts every term of `text` (and the unaccented variant of a term, see
    /// `SearchWords.forEachTermAndVariant`) `weight` times, which must be above zero; adds its
    /// words to the document's length if `counted`.
    public mutating func add(_ text: String, weight: Float, counted: Bool) {
        text.withUTF8Bytes { add(utf8: $0, weight: weight, counted: counted) }
    }

    /// `add` for text as UTF-8 (valid).
    public mutating func add(utf8 text: [UInt8], weight: Float, counted: Bool) {
        text.withUnsafeBufferPointer { add(utf8: $0, weight: weight, counted: counted) }
    }

    private mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>, weight: Float, counted: Bool) {
        var found = 0
        WordTokens.forEach(in: bytes) { range in
            let key = TokenTable.Key(range, in: bytes)
            let terms = tokens.find(key) ?? learn(key)
            guard terms.term >= 0 else { return }
            count(terms.term, weight)
            if terms.variant >= 0 { count(terms.variant, weight) }
            found += 1
        }
        if counted { length += found }
    }

    /// The document's counts; the next `add` starts another document.
    public mutating func takeDocument() -> TermCounts {
        let counts = TermCounts(terms: seen, weights: seen.map { weights[Int($0)] }, length: length)
        for term in seen { weights[Int(term)] = 0 }
        seen.removeAll(keepingCapacity: true)
        length = 0
        return counts
    }

    @inline(__always)
    private mutating func count(_ term: Int32, _ weight: Float) {
        let index = Int(term)
        if index >= weights.count { weights += repeatElement(0, count: vocabulary.count - weights.count) }
        if weights[index] == 0 { seen.append(term) }
        weights[index] += weight
    }

    private mutating func learn(_ key: TokenTable.Key) -> TokenTable.Terms {
        let found = SearchWords.terms(of: Substring(String(decoding: key.token, as: UTF8.self)), stemmer: stemmer)
        let terms = TokenTable.Terms(
            term: found.term.isEmpty ? -1 : vocabulary.number(of: found.term),
            variant: found.unaccented.isEmpty ? -1 : vocabulary.number(of: found.unaccented))
        tokens.insert(key, terms: terms)
        return terms
    }
}
