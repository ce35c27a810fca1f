/// A 1-based line and column in a text, before it is tied to a file (that is SiteModel's
/// `SourceLocation`): what a reader that sees only the text reports.
public struct TextPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
