import Foundation
import TemplateEngine

/// JSON data as typed template values, so that the Mustache specification's
/// tests run through the compiler and renderer the site uses. Each object's
/// shape lists the keys its data has (for a list, those of every element),
/// as a Swift type would declare them; every value but a flag or a list may
/// be absent, as JSON's `null` allows.
indirect enum JSONType {
    case null, bool, integer, decimal, string
    case list(JSONType)
    case object([String: JSONType])

    init(of json: Any?) {
        switch json {
        case is Bool where Self.isFlag(json): self = .bool
        case let number as NSNumber: self = number.doubleValue.rounded() == number.doubleValue ? .integer : .decimal
        case is String: self = .string
        case let array as [Any]: self = .list(array.map { JSONType(of: $0) }.reduce(.null) { $0.merged(with: $1) })
        case let object as [String: Any]: self = .object(object.mapValues { JSONType(of: $0) })
        default: self = .null
        }
    }

    /// Foundation reads `true` and `1` alike as NSNumber; only flags are of this type.
    static func isFlag(_ json: Any?) -> Bool {
        guard let json else { return false }
        return type(of: json) == type(of: NSNumber(value: true))
    }

    /// A type for data of both: the union of two objects' keys, the wider of two numbers.
    func merged(with other: JSONType) -> JSONType {
        switch (self, other) {
        case (.null, _): other
        case (_, .null): self
        case (.integer, .decimal), (.decimal, .integer): .decimal
        case (.list(let mine), .list(let theirs)): .list(mine.merged(with: theirs))
        case (.object(let mine), .object(let theirs)): .object(mine.merging(theirs) { $0.merged(with: $1) })
        // Scalars of different kinds are printed, as text.
        case (.bool, _), (.integer, _), (.decimal, _), (.string, _): .string
        default: self
        }
    }

    /// The shape the compiler checks against; strings are text, or HTML when
    /// `stringsAreHTML` (a field is one or the other, never both).
    func shape(stringsAreHTML: Bool) -> TemplateShape {
        let string: TemplateShape = stringsAreHTML ? .html : .text
        switch self {
        case .null, .string, .decimal: return .optional(string)
        case .bool: return .bool
        case .integer: return .optional(.number)
        case .list(let element): return .list(element.shape(stringsAreHTML: stringsAreHTML))
        case .object(let fields):
            let infos = fields.keys.sorted().map {
                ObjectShape.FieldInfo(name: $0, shape: fields[$0]!.shape(stringsAreHTML: stringsAreHTML), summary: "")
            }
            return .optional(.object(ObjectShape(typeName: "JSON object", displayName: "JSON objects") { infos }))
        }
    }

    /// `json`, laid out as this type's shape reads it.
    func value(_ json: Any?, stringsAreHTML: Bool) -> TemplateData {
        switch (self, json) {
        case (.bool, let flag as Bool): return .bool(flag)
        case (.integer, let number as NSNumber): return .integer(number.intValue)
        case (.decimal, let number as NSNumber): return string(Self.text(of: number), stringsAreHTML)
        case (.string, let text as String): return string(text, stringsAreHTML)
        case (.string, let number as NSNumber): return string(Self.text(of: number), stringsAreHTML)
        case (.list(let element), let array as [Any]):
            return .list(JSONList(elements: array.map { element.value($0, stringsAreHTML: stringsAreHTML) }))
        case (.object(let fields), let object as [String: Any]):
            let values = fields.keys.sorted().map { fields[$0]!.value(object[$0], stringsAreHTML: stringsAreHTML) }
            return .object(JSONObject(values: values))
        default: return .none
        }
    }

    /// A number as the specification prints it: `1.21`, `85`, `true`.
    private static func text(of number: NSNumber) -> String {
        if isFlag(number) { return number.boolValue ? "true" : "false" }
        let value = number.doubleValue
        return value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private func string(_ text: String, _ isHTML: Bool) -> TemplateData {
        isHTML ? .html(text) : .text(text)
    }
}

/// An object's values in the order of its shape's fields.
final class JSONObject: TemplateObject {
    static let templateFields = TemplateFields<JSONObject>([])
    let values: [TemplateData]

    init(values: [TemplateData]) {
        self.values = values
    }

    func templateField(_ index: Int) -> TemplateData { values[index] }
}

struct JSONList: TemplateList {
    var elements: [TemplateData]
    var templateCount: Int { elements.count }
    func templateElement(_ index: Int) -> TemplateData { elements[index] }
}
