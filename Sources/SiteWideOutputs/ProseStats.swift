public import Readability

/// Words and reading level of a page's running text, as the content report shows them.
public struct ProseStats: Sendable {
    public var words: Int
    /// nil: a language without a formula.
    public var level: ReadingLevel?

    public init(words: Int, level: ReadingLevel?) {
        self.words = words
        self.level = level
    }
}
