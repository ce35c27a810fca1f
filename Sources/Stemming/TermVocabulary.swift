/// Terms by number: a batch of documents counts its terms as numbers, and one string per
/// distinct term is kept.
public struct TermVocabulary: Sendable {
    /// Each term, by its number.
    public private(set) var terms: [String] = []
    private var numbers: [String: Int32] = [:]

    public init() {}

    public var count: Int { terms.count }

    /// `term`'s number, given it the first time it is seen.
    public mutating func number(of term: String) -> Int32 {
        if let known = numbers[term] { return known }
        let number = Int32(terms.count)
        terms.append(term)
        numbers[term] = number
        return number
    }

    public subscript(number: Int32) -> String { terms[Int(number)] }
}
