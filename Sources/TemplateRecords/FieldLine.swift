/// One field line of a `.records` file:
/// `[embed] name: Type [as kind] [= default | { expression }]`.
enum FieldLine {
    /// What is wrong, and how far into the trimmed line.
    struct Mistake: Error {
        let offset: Int
        let message: String
    }

    static func parse(_ text: String, documentation: [String], line: Int, column: Int) throws(Mistake)
        -> FieldDeclaration
    {
        var rest = Substring(text)
        let isEmbedded = rest.hasPrefix("embed ")
        if isEmbedded { rest = rest.dropFirst("embed ".count).drop { $0 == " " } }
        guard let colon = rest.firstIndex(of: ":"), String(rest[..<colon]).isIdentifier else {
            throw Mistake(offset: 0, message: "expected `name: Type`")
        }
        let name = String(rest[..<colon])
        var head = String(rest[rest.index(after: colon)...]).trimmingWhitespace()
        var value = FieldDeclaration.Value.stored(defaultValue: nil)
        if head.hasSuffix("}"), let brace = head.firstRange(of: " {") {
            let body = head[brace.upperBound...].dropLast()
            value = .computed(String(body).trimmingWhitespace())
            head = String(head[..<brace.lowerBound])
        } else if let equals = head.firstRange(of: " = ") {
            value = .stored(defaultValue: String(head[equals.upperBound...]).trimmingWhitespace())
            head = String(head[..<equals.lowerBound])
        }
        var annotation: String?
        if let kind = head.firstRange(of: " as ") {
            annotation = String(head[kind.upperBound...]).trimmingWhitespace()
            head = String(head[..<kind.lowerBound])
        }
        let type = head.trimmingWhitespace()
        guard !type.isEmpty, !type.contains(" ") else {
            throw Mistake(offset: 0, message: "expected `name: Type` with one type after the colon, got '\(type)'")
        }
        return try declaration(
            name: name, type: type, annotation: annotation, value: value, isEmbedded: isEmbedded,
            documentation: documentation, line: line, column: column)
    }

    private static func declaration(
        name: String, type: String, annotation: String?, value: FieldDeclaration.Value, isEmbedded: Bool,
        documentation: [String], line: Int, column: Int
    ) throws(Mistake) -> FieldDeclaration {
        if isEmbedded {
            guard annotation == nil, value == .stored(defaultValue: nil), type.isIdentifier else {
                throw Mistake(offset: 0, message: "an `embed` field is `embed name: Type`, a record or struct type")
            }
        } else if documentation.isEmpty {
            throw Mistake(
                offset: 0, message: "'\(name)' needs a `///` line above it: the template guide shows it")
        }
        let row = isEmbedded ? nil : try rowKind(of: type, annotation: annotation)
        return FieldDeclaration(
            name: name, type: type, value: value, row: row, documentation: documentation, line: line,
            column: column)
    }

    /// The row a type makes, unless `as` names another: text, flags, numbers,
    /// lists and objects by their Swift types; HTML, writers and keyed values by name.
    static func rowKind(of type: String, annotation: String?) throws(Mistake) -> RowKind {
        let isOptional = type.hasSuffix("?")
        let base = isOptional ? String(type.dropLast()) : type
        let isList = base.hasPrefix("[") && base.hasSuffix("]")
        let element = base.dropFirst().dropLast()
        switch (annotation, base, isOptional) {
        case (nil, "String", _): return isOptional ? .optionalText : .text
        case (nil, "Bool", false): return .flag
        case (nil, "Int", false): return .number
        case (nil, "[String]", false): return .texts
        case (nil, _, false) where isList && element.isRecordName: return .list
        case (nil, _, _) where base.isRecordName: return isOptional ? .optionalObject : .object
        case ("html", "String", _): return isOptional ? .optionalHTML : .html
        case ("writer", _, false) where base.isIdentifier: return .writer
        case (.some(let kind), _, false) where kind.hasPrefix("keyed(") && kind.hasSuffix(")"):
            return try keyed(kind)
        case (nil, _, _):
            throw Mistake(
                offset: 0,
                message: "templates cannot read a '\(type)': use String, Bool, Int, [String], a record type, "
                    + "an optional String or record, or a list of records")
        case (.some(let kind), _, _):
            throw Mistake(
                offset: 0,
                message: "'\(type) as \(kind)' is not a kind: write `String as html`, `String? as html`, "
                    + "`Type as writer` or `Type as keyed(SPACE, text)` (or html)")
        }
    }

    private static func keyed(_ kind: String) throws(Mistake) -> RowKind {
        let arguments = kind.dropFirst("keyed(".count).dropLast().split(separator: ",").map {
            String($0).trimmingWhitespace()
        }
        guard arguments.count == 2, !arguments[0].isEmpty, ["text", "html"].contains(arguments[1]) else {
            throw Mistake(offset: 0, message: "expected `as keyed(SPACE, text)` or `as keyed(SPACE, html)`")
        }
        return .keyed(space: arguments[0], value: arguments[1])
    }
}

extension StringProtocol {
    /// Whether a type may be a record's: a name, and not one of Swift's own values templates read otherwise.
    fileprivate var isRecordName: Bool {
        String(self).isIdentifier && !["Bool", "Int", "Double", "Float", "String", "Substring"].contains(String(self))
    }
}
