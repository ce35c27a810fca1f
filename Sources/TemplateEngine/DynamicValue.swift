/// Data whose names are known only when it is read, such as JSON: the
/// Mustache specification's tests render through it. Every name is looked
/// up as the template renders; nothing is checked when it is compiled.
public indirect enum DynamicValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([DynamicValue])
    case object([String: DynamicValue])

    public var templateData: TemplateData {
        switch self {
        case .null: .none
        case .bool(let flag): .bool(flag)
        case .number(let number): .decimal(number)
        case .string(let text): .text(text)
        case .array(let elements): .list(DynamicList(elements: elements))
        case .object(let fields): .object(DynamicObject(fields: fields))
        }
    }
}

final class DynamicObject: TemplateObject {
    static let templateFields = TemplateFields<DynamicObject>([])
    let fields: [String: DynamicValue]

    init(fields: [String: DynamicValue]) {
        self.fields = fields
    }

    func templateField(named name: String) -> TemplateData? {
        fields[name]?.templateData
    }
}

struct DynamicList: TemplateList {
    var elements: [DynamicValue]
    var templateCount: Int { elements.count }
    func templateElement(_ index: Int) -> TemplateData { elements[index].templateData }
}
