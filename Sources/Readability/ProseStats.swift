/// The words of a text and its reading level (what the content report shows of a page's running text).
public struct ProseStats: Sendable {
    public var words: Int
    /// nil: a language without a formula.
    public var level: ReadingLevel?

    public init(words: Int, level: ReadingLevel?) {
        self.words = words
        self.level = level
    }
}
