/// Reads a `.records` file: `record Name "display name"` or `struct Name` at
/// the start of a line, then its fields, indented, one a line:
///
///     /// The page's title.          (doc comment and template-guide text)
///     title: String
///     lang: String? = nil            (a default value)
///     hasToc: Bool { !toc.isEmpty }  (computed from the other fields)
///     jsonLD: String? as html        (a kind the type does not tell)
///     embed frame: PageFrame         (its fields offered as this type's own)
///
/// `//` lines are notes for the reader of the file; `import Module` lines
/// import a module into the generated code.
public struct RecordParser {
    private let path: String
    private var file: RecordFile
    private var pendingDocumentation: [String] = []
    private var pendingDocumentationLine = 0

    public static func parse(_ text: String, path: String) throws(RecordError) -> RecordFile {
        var parser = RecordParser(path: path)
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            try parser.read(String(line), number: offset + 1)
        }
        try parser.refuseDanglingDocumentation()
        return parser.file
    }

    private init(path: String) {
        self.path = path
        file = RecordFile(path: path)
    }

    private mutating func read(_ line: String, number: Int) throws(RecordError) {
        let text = line.trimmingWhitespace()
        let column = line.prefix { $0 == " " || $0 == "\t" }.count + 1
        if text.isEmpty {
            try refuseDanglingDocumentation()
        } else if text.hasPrefix("///") {
            if pendingDocumentation.isEmpty { pendingDocumentationLine = number }
            pendingDocumentation.append(String(text.dropFirst(3)).trimmingWhitespace())
        } else if text.hasPrefix("//") {
            return
        } else if column > 1 {
            try readField(text, line: number, column: column)
        } else {
            try readDeclaration(text, line: number)
        }
    }

    private mutating func readDeclaration(_ text: String, line: Int) throws(RecordError) {
        let words = text.split(separator: " ", maxSplits: 2).map(String.init)
        let documentation = takeDocumentation()
        switch words.first {
        case "import" where words.count == 2 && words[1].isIdentifier:
            file.imports.append(words[1])
        case "record" where words.count == 3 && words[1].isIdentifier && words[2].isQuoted:
            let displayName = String(words[2].dropFirst().dropLast())
            try declare(words[1], .record(displayName: displayName), documentation, line: line)
        case "struct" where words.count == 2 && words[1].isIdentifier:
            try declare(words[1], .group, documentation, line: line)
        default:
            throw error(
                line, 1,
                "expected `record Name \"display name\"`, `struct Name` or `import Module`; fields are indented")
        }
    }

    private mutating func declare(
        _ name: String, _ kind: RecordDeclaration.Kind, _ documentation: [String], line: Int
    ) throws(RecordError) {
        if file.declarations.contains(where: { $0.name == name }) {
            throw error(line, 1, "'\(name)' is declared twice in this file")
        }
        file.declarations.append(RecordDeclaration(name: name, kind: kind, documentation: documentation, line: line))
    }

    private mutating func readField(_ text: String, line: Int, column: Int) throws(RecordError) {
        guard !file.declarations.isEmpty else {
            throw error(line, column, "a field must follow a `record` or `struct` line")
        }
        let field: FieldDeclaration
        do {
            field = try FieldLine.parse(text, documentation: takeDocumentation(), line: line, column: column)
        } catch {
            throw self.error(line, column + error.offset, error.message)
        }
        let index = file.declarations.count - 1
        if file.declarations[index].fields.contains(where: { $0.name == field.name }) {
            throw error(line, column, "'\(field.name)' is declared twice in '\(file.declarations[index].name)'")
        }
        file.declarations[index].fields.append(field)
    }

    private mutating func takeDocumentation() -> [String] {
        defer { pendingDocumentation = [] }
        return pendingDocumentation
    }

    private func refuseDanglingDocumentation() throws(RecordError) {
        guard !pendingDocumentation.isEmpty else { return }
        throw error(
            pendingDocumentationLine, 1, "a `///` comment must stand right above the field or type it describes")
    }

    private func error(_ line: Int, _ column: Int, _ message: String) -> RecordError {
        RecordError(path: path, line: line, column: column, message: message)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }

    var isIdentifier: Bool {
        guard let first, first.isLetter || first == "_" else { return false }
        return allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    var isQuoted: Bool { count >= 2 && hasPrefix("\"") && hasSuffix("\"") }
}
