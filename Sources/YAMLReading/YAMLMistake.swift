import SiteModel

/// A common YAML mistake `YAMLErrorMapper` recognised from the text: what to tell the editor, in
/// words they act on, and where the fix goes when that is not where the parser stopped.
struct YAMLMistake: Equatable {
    var message: String
    /// The 1-based line in the YAML text; nil: the parser's.
    var line: Int?
    /// The 1-based column; nil: the parser's.
    var column: Int?

    init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// Where to report it: the parser's `location` (already in file lines), moved to this line
    /// (`lineOffset` lines down the file) and column when they are known.
    func location(from location: SourceLocation, lineOffset: Int) -> SourceLocation {
        SourceLocation(
            file: location.file, line: line.map { $0 + lineOffset } ?? location.line,
            column: column ?? location.column)
    }
}
