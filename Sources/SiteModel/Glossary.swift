/// One entry of `Content/<locale>/glossary.yml`.
public struct GlossaryTerm: Sendable, Hashable {
    /// Shared by the term's translations.
    public var id: String
    /// The headword.
    public var term: String
    /// The forms marked in page text: case-sensitive if they contain an
    /// uppercase letter (abbreviations), otherwise case-insensitive.
    public var matches: [String]
    public var definition: String
    public var location: SourceLocation

    public init(id: String, term: String, matches: [String], definition: String, location: SourceLocation) {
        self.id = id
        self.term = term
        self.matches = matches
        self.definition = definition
        self.location = location
    }
}
