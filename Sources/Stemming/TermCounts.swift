/// One document's terms, by their numbers in a `TermVocabulary`, each with its weighted count,
/// and the document's length in words.
public struct TermCounts: Sendable, Equatable {
    public var terms: [Int32] = []
    /// The weighted count of each of `terms`.
    public var weights: [Float] = []
    public var length = 0

    public init(terms: [Int32] = [], weights: [Float] = [], length: Int = 0) {
        self.terms = terms
        self.weights = weights
        self.length = length
    }

    /// The same counts, each term numbered as `numbers` maps it.
    public func renumbered(_ numbers: [Int32]) -> TermCounts {
        TermCounts(terms: terms.map { numbers[Int($0)] }, weights: weights, length: length)
    }
}
