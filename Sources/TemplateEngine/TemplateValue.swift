/// A value as a template sees it while rendering.
public enum TemplateData {
    case none
    case bool(Bool)
    case integer(Int)
    /// Escaped by `{{…}}`.
    case text(String)
    /// Trusted HTML, inserted by `{{{…}}}` as it is.
    case html(String)
    /// Trusted HTML that writes itself into the output (a page body).
    case writer(any TemplateHTMLWriter)
    case object(any TemplateObject)
    case list(any TemplateList)

    /// Whether a section over the value renders (a list: once per element).
    var isTruthy: Bool {
        switch self {
        case .none: false
        case .bool(let flag): flag
        case .list(let list): list.templateCount > 0
        default: true
        }
    }
}

/// HTML made elsewhere that a template inserts with `{{{…}}}`.
public protocol TemplateHTMLWriter {
    func write(into output: inout HTMLOutput)
}

/// A value with named fields. Typed values list their fields once, in
/// `templateFields`, which both the compiler (names, kinds) and the renderer
/// (reads by index) use.
public protocol TemplateObject: AnyObject, SendableMetatype {
    static var templateFields: TemplateFields<Self> { get }
    /// How error messages and the template guide name values of the type ("topic pages").
    static var templateName: String { get }
    /// The field at `index` of `templateFields`.
    func templateField(_ index: Int) -> TemplateData
    /// A key of a keyed value (`strings.title`), by its slot in the key
    /// space's `KeySlots.order`.
    func templateField(slot: Int) -> TemplateData
    /// Writes the field at `index` as `{{…}}` (`escaped`) or `{{{…}}}` writes it. template-records
    /// writes each field in place, without making, retaining and releasing its value first.
    func writeTemplateField(_ index: Int, escaped: Bool, into output: inout HTMLOutput)
}

/// The order of a key space's keys that compiled templates address them by:
/// a keyed value lays its values out in this order, so that rendering reads
/// `strings.title` by position instead of looking the key up for every page.
public enum KeySlots {
    public static func order(_ keys: Set<String>) -> [String] { keys.sorted() }
}

extension TemplateObject {
    public static var templateName: String { String(describing: Self.self) }

    public func templateField(_ index: Int) -> TemplateData {
        Self.templateFields.readers[index](self)
    }

    public func templateField(slot: Int) -> TemplateData { .none }

    public func writeTemplateField(_ index: Int, escaped: Bool, into output: inout HTMLOutput) {
        templateField(index).write(escaped: escaped, into: &output)
    }
}

extension TemplateData {
    /// Writes the value as `{{…}}` (`escaped`) or `{{{…}}}` does, through the `FieldValue` writer of
    /// its kind (what template-records' in-place writes call too); nothing for `.none`, an object or
    /// a list.
    func write(escaped: Bool, into output: inout HTMLOutput) {
        switch self {
        case .text(let text), .html(let text): FieldValue.writeText(text, escaped: escaped, into: &output)
        case .writer(let writer): FieldValue.writeWriter(writer, escaped: escaped, into: &output)
        case .integer(let number): FieldValue.writeNumber(number, escaped: escaped, into: &output)
        case .bool(let flag): FieldValue.writeFlag(flag, escaped: escaped, into: &output)
        case .none, .object, .list: break
        }
    }

    /// The object whose fields a frame's names read: the value itself, or `NoFields` for a value
    /// that is no object (its names read `.none`, as for any frame that is not an object).
    var frameObject: any TemplateObject {
        if case .object(let object) = self { return object }
        return NoFields.shared
    }
}

/// The object of a frame that is not one: every field it is asked for is `.none`.
final class NoFields: TemplateObject, Sendable {
    static let shared = NoFields()
    static let templateFields = TemplateFields<NoFields>([])

    func templateField(_ index: Int) -> TemplateData { .none }
}

/// The elements of a list field.
public protocol TemplateList {
    var templateCount: Int { get }
    func templateElement(_ index: Int) -> TemplateData
}

extension Array: TemplateList where Element: TemplateObject {
    public var templateCount: Int { count }
    public func templateElement(_ index: Int) -> TemplateData { .object(self[index]) }
}

/// Plain texts as a list (`{{#tags}}{{.}}{{/tags}}`).
public struct TextList: TemplateList {
    public var texts: [String]

    public init(_ texts: [String]) {
        self.texts = texts
    }

    public var templateCount: Int { texts.count }
    public func templateElement(_ index: Int) -> TemplateData { .text(texts[index]) }
}
