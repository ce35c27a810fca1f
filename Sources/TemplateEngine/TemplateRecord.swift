/// A template value declared as a struct: each field is written once, as a
/// stored property (Swift writes the memberwise initialiser), and offered
/// to templates by its row in `templateFields`, which reads it through the
/// record's box.
public protocol TemplateRecord: Sendable {
    static var templateFields: TemplateFields<TemplateBox<Self>> { get }
    /// How error messages and the template guide name values of the type ("topic pages").
    static var templateName: String { get }
}

extension TemplateRecord {
    public static var templateName: String { String(describing: Self.self) }
}

/// A record behind a reference, as templates read it: a frame or a list
/// element is one pointer, whatever the record's size, and a field is read
/// in place, never copied out.
public final class TemplateBox<Record: TemplateRecord>: TemplateObject, Sendable {
    public let value: Record

    public init(_ value: Record) {
        self.value = value
    }

    public static var templateFields: TemplateFields<TemplateBox> { Record.templateFields }
    public static var templateName: String { Record.templateName }

    public func templateField(_ index: Int) -> TemplateData {
        Record.templateFields.fields[index].read(self)
    }
}

extension CompiledTemplate {
    /// Renders a record.
    public func render(_ value: some TemplateRecord, into output: inout HTMLOutput) {
        render(.object(TemplateBox(value)), into: &output)
    }
}

extension ObjectShape {
    /// The shape of a record's values.
    public static func of<Record: TemplateRecord>(_ type: Record.Type) -> ObjectShape {
        of(TemplateBox<Record>.self)
    }
}

/// A record field of a record, boxed once, when the outer record is made.
@propertyWrapper
public struct Boxed<Record: TemplateRecord>: Sendable {
    public var projectedValue: TemplateBox<Record>

    public init(wrappedValue: Record) {
        projectedValue = TemplateBox(wrappedValue)
    }

    public var wrappedValue: Record {
        get { projectedValue.value }
        set { projectedValue = TemplateBox(newValue) }
    }
}

/// An optional record field of a record, boxed once.
@propertyWrapper
public struct BoxedOptional<Record: TemplateRecord>: Sendable {
    public var projectedValue: TemplateBox<Record>?

    public init(wrappedValue: Record?) {
        projectedValue = wrappedValue.map(TemplateBox.init)
    }

    public var wrappedValue: Record? {
        get { projectedValue?.value }
        set { projectedValue = newValue.map(TemplateBox.init) }
    }
}

/// A list of records in a record, each boxed once.
@propertyWrapper
public struct BoxedList<Record: TemplateRecord>: Sendable {
    public var projectedValue: [TemplateBox<Record>]

    public init(wrappedValue: [Record]) {
        projectedValue = wrappedValue.map(TemplateBox.init)
    }

    public var wrappedValue: [Record] {
        get { projectedValue.map(\.value) }
        set { projectedValue = newValue.map(TemplateBox.init) }
    }
}
