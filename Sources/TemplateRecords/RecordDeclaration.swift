/// A `.records` file as read: the template value types it declares, each
/// with its fields in the order templates (and the template guide) list them.
public struct RecordFile: Sendable {
    /// The path the file was read from, for errors and `#sourceLocation`.
    public let path: String
    /// Modules the generated code imports besides TemplateEngine.
    public var imports: [String] = []
    public var declarations: [RecordDeclaration] = []
}

/// One `record` (a class templates read) or `struct` (fields embedded in records).
public struct RecordDeclaration: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A `final class … : TemplateObject`, named in errors and the guide by `displayName`.
        case record(displayName: String)
        /// A struct whose fields the records that embed it offer as their own.
        case group
    }

    public let name: String
    public let kind: Kind
    public let documentation: [String]
    public let line: Int
    public var fields: [FieldDeclaration] = []
}

/// One field: stored (an initialiser parameter) or computed from the others.
public struct FieldDeclaration: Sendable {
    public enum Value: Sendable, Equatable {
        /// Stored, with an optional default value (Swift, as written).
        case stored(defaultValue: String?)
        /// Computed by a Swift expression over the other fields.
        case computed(String)
    }

    public let name: String
    /// The Swift type, as written (`String?`, `[LinkValue]`).
    public let type: String
    public let value: Value
    /// How templates see the field; nil for an embedded one.
    public let row: RowKind?
    /// `///` lines: the doc comment, and the field's text in the template guide.
    public let documentation: [String]
    public let line: Int
    public let column: Int

    /// An `embed` field is stored but offers its type's fields instead of itself.
    public var isEmbedded: Bool { row == nil }
}

/// Which `TemplateFields.Field` constructor reads a field: what templates see.
public enum RowKind: Sendable, Equatable {
    case text, optionalText, html, optionalHTML, writer, flag, number, texts, list, object, optionalObject
    /// Names from a key space (`strings.title`): the space (a Swift expression) and the values' shape.
    case keyed(space: String, value: String)

    /// The constructor's name in `TemplateFields.Field`.
    var constructor: String {
        switch self {
        case .text: "text"
        case .optionalText: "optionalText"
        case .html: "html"
        case .optionalHTML: "optionalHTML"
        case .writer: "writer"
        case .flag: "flag"
        case .number: "number"
        case .texts: "texts"
        case .list: "list"
        case .object: "object"
        case .optionalObject: "optionalObject"
        case .keyed: "keyed"
        }
    }

    /// The `FieldValue` function that writes a field of this kind in place, or nil for a kind that
    /// writes nothing (a list, an object, a key space).
    var inPlaceWriter: String? {
        switch self {
        // HTML is written as text is: escaped by `{{…}}`, as it is by `{{{…}}}`.
        case .text, .html: "writeText"
        case .optionalText, .optionalHTML: "writeOptionalText"
        case .writer: "writeWriter"
        case .flag: "writeFlag"
        case .number: "writeNumber"
        case .texts, .list, .object, .optionalObject, .keyed: nil
        }
    }
}

/// A mistake in a `.records` file, at its line and column.
public struct RecordError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String

    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}
