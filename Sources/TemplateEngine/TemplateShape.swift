/// What a name holds, as far as a template's compiler can know: checked once
/// per build, so that a misspelt name or a section over text is an error at
/// its line instead of empty output.
public indirect enum TemplateShape: Sendable {
    case text
    case html
    case number
    case bool
    case optional(TemplateShape)
    case list(TemplateShape)
    case object(ObjectShape)
    /// Names from a set known only when the site is built (`strings.title`,
    /// `assets.style_css`): checked against the key space of that name, each
    /// holding a `value`.
    case keyed(space: String, value: TemplateShape)

    /// How the template guide and error messages name the kind.
    public var kindName: String {
        switch self {
        case .text: "text"
        case .html: "HTML"
        case .number: "number"
        case .bool: "flag"
        case .optional(let inner): "optional \(inner.kindName)"
        case .list(let element): "list of \(element.kindName)"
        case .object(let object): object.displayName
        case .keyed(let space, let value): "\(value.kindName) by key (\(space))"
        }
    }

    /// The shape with optionals unwrapped: what fields a value has.
    public var unwrapped: TemplateShape {
        if case .optional(let inner) = self { return inner.unwrapped }
        return self
    }
}

/// The fields of a value type, as the compiler sees them.
public struct ObjectShape: Sendable {
    public let typeName: String
    /// How errors name values of the type ("topic pages", "links").
    public let displayName: String
    private let provideFields: @Sendable () -> [FieldInfo]

    public struct FieldInfo: Sendable {
        public let name: String
        public let shape: TemplateShape
        /// One line for the template guide.
        public let summary: String

        public init(name: String, shape: TemplateShape, summary: String) {
            self.name = name
            self.shape = shape
            self.summary = summary
        }
    }

    public static func of<Object: TemplateObject>(_ type: Object.Type) -> ObjectShape {
        ObjectShape(typeName: String(describing: type), displayName: Object.templateName) {
            Object.templateFields.fieldInfos
        }
    }

    /// The shape of values whose fields are known only at run time (data read from a file):
    /// they answer `TemplateObject.templateField(_:)` for each index of `fields`.
    public init(typeName: String, displayName: String, fields: @escaping @Sendable () -> [FieldInfo]) {
        self.typeName = typeName
        self.displayName = displayName
        provideFields = fields
    }

    /// Read lazily, so that a type may list itself among its fields' shapes.
    public var fields: [FieldInfo] { provideFields() }

    func index(of name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }
}

/// A typed value's fields: each name once, with its shape, a summary for the
/// template guide, and how to read it.
public struct TemplateFields<Owner>: Sendable {
    public struct Field: Sendable {
        public let name: String
        public let shape: TemplateShape
        public let summary: String
        let read: @Sendable (Owner) -> TemplateData

        public init(
            _ name: String, _ shape: TemplateShape, _ summary: String,
            read: @escaping @Sendable (Owner) -> TemplateData
        ) {
            self.name = name
            self.shape = shape
            self.summary = summary
            self.read = read
        }
    }

    public let fields: [Field]
    /// Each field's `read`, by index: rendering reads one without copying its field, whose name,
    /// shape and summary a copy would retain and release for every value a page shows.
    let readers: [@Sendable (Owner) -> TemplateData]

    public init(_ fields: [Field]) {
        precondition(Set(fields.map(\.name)).count == fields.count, "a field name is listed twice")
        self.fields = fields
        readers = fields.map(\.read)
    }

    var fieldInfos: [ObjectShape.FieldInfo] {
        fields.map { ObjectShape.FieldInfo(name: $0.name, shape: $0.shape, summary: $0.summary) }
    }
}

extension TemplateFields.Field {
    public static func text(_ name: String, _ summary: String, _ read: @escaping @Sendable (Owner) -> String) -> Self {
        Self(name, .text, summary) { FieldValue.text(read($0)) }
    }

    public static func optionalText(_ name: String, _ summary: String, _ read: @escaping @Sendable (Owner) -> String?)
        -> Self
    {
        Self(name, .optional(.text), summary) { FieldValue.optionalText(read($0)) }
    }

    public static func html(_ name: String, _ summary: String, _ read: @escaping @Sendable (Owner) -> String) -> Self {
        Self(name, .html, summary) { FieldValue.html(read($0)) }
    }

    public static func optionalHTML(_ name: String, _ summary: String, _ read: @escaping @Sendable (Owner) -> String?)
        -> Self
    {
        Self(name, .optional(.html), summary) { FieldValue.optionalHTML(read($0)) }
    }

    public static func writer(
        _ name: String, _ summary: String, _ read: @escaping @Sendable (Owner) -> any TemplateHTMLWriter
    ) -> Self {
        Self(name, .html, summary) { FieldValue.writer(read($0)) }
    }

    public static func flag(_ name: String, _ summary: String, _ read: @escaping @Sendable (Owner) -> Bool) -> Self {
        Self(name, .bool, summary) { FieldValue.flag(read($0)) }
    }

    public static func number(_ name: String, _ summary: String, _ read: @escaping @Sendable (Owner) -> Int) -> Self {
        Self(name, .number, summary) { FieldValue.number(read($0)) }
    }

    public static func object<Value: TemplateObject>(
        _ name: String, _ summary: String, _ read: @escaping @Sendable (Owner) -> Value
    ) -> Self {
        Self(name, .object(.of(Value.self)), summary) { FieldValue.object(read($0)) }
    }

    public static func optionalObject<Value: TemplateObject>(
        _ name: String, _ summary: String, _ read: @escaping @Sendable (Owner) -> Value?
    ) -> Self {
        Self(name, .optional(.object(.of(Value.self))), summary) { FieldValue.optionalObject(read($0)) }
    }

    public static func list<Value: TemplateObject>(
        _ name: String, _ summary: String, _ read: @escaping @Sendable (Owner) -> [Value]
    ) -> Self {
        Self(name, .list(.object(.of(Value.self))), summary) { FieldValue.list(read($0)) }
    }

    public static func texts(_ name: String, _ summary: String, _ read: @escaping @Sendable (Owner) -> [String])
        -> Self
    {
        Self(name, .list(.text), summary) { FieldValue.texts(read($0)) }
    }

    /// Names checked against the key space `space` (see `TemplateShape.keyed`).
    public static func keyed(
        _ name: String, _ summary: String, space: String, value: TemplateShape,
        _ read: @escaping @Sendable (Owner) -> any TemplateObject
    ) -> Self {
        Self(name, .keyed(space: space, value: value), summary) { FieldValue.keyed(read($0)) }
    }
}

extension TemplateFields {
    /// Every field of `Value`, read through `read`: a value's fields offered
    /// at the top level of another (the common values on every page kind).
    public static func fields<Value: TemplateObject>(
        of type: Value.Type, via read: @escaping @Sendable (Owner) -> Value
    ) -> [Field] {
        Value.templateFields.fields.map { inner in
            Field(inner.name, inner.shape, inner.summary) { inner.read(read($0)) }
        }
    }
}
