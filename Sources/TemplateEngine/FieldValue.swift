/// How a field's Swift value becomes what a template sees, one function per kind of field. Said
/// once, here: the `TemplateFields.Field` constructors read fields through these, and so does the
/// `templateField(_:)` that template-records writes for each record (a `switch` over the fields,
/// read directly: through the rows' closures, each read cost two calls and a retain of each
/// closure's context, for every value every page shows).
public enum FieldValue {
    @inlinable public static func text(_ value: String) -> TemplateData { .text(value) }

    @inlinable public static func optionalText(_ value: String?) -> TemplateData {
        value.map(TemplateData.text) ?? .none
    }

    @inlinable public static func html(_ value: String) -> TemplateData { .html(value) }

    @inlinable public static func optionalHTML(_ value: String?) -> TemplateData {
        value.map(TemplateData.html) ?? .none
    }

    @inlinable public static func writer(_ value: any TemplateHTMLWriter) -> TemplateData { .writer(value) }

    @inlinable public static func flag(_ value: Bool) -> TemplateData { .bool(value) }

    @inlinable public static func number(_ value: Int) -> TemplateData { .integer(value) }

    @inlinable public static func object(_ value: some TemplateObject) -> TemplateData { .object(value) }

    @inlinable public static func optionalObject(_ value: (some TemplateObject)?) -> TemplateData {
        value.map { .object($0) } ?? .none
    }

    @inlinable public static func list(_ value: [some TemplateObject]) -> TemplateData { .list(value) }

    @inlinable public static func texts(_ value: [String]) -> TemplateData { .list(TextList(value)) }

    @inlinable public static func keyed(_ value: any TemplateObject) -> TemplateData { .object(value) }

    // How `{{…}}` (`escaped`) and `{{{…}}}` write each kind, said once: `TemplateData.write` calls
    // these for a value, and template-records' `writeTemplateField(_:escaped:into:)` for a field in
    // place, without making its value (a string retained and released for every field written). One
    // signature for all (a flag, a number or a writer's HTML is never escaped); kinds not here
    // write nothing.

    @inlinable public static func writeText(_ value: String, escaped: Bool, into output: inout HTMLOutput) {
        if escaped { output.appendEscaped(value) } else { output.appendRaw(value) }
    }

    @inlinable public static func writeOptionalText(_ value: String?, escaped: Bool, into output: inout HTMLOutput) {
        if let value { writeText(value, escaped: escaped, into: &output) }
    }

    @inlinable public static func writeWriter(
        _ value: any TemplateHTMLWriter, escaped: Bool, into output: inout HTMLOutput
    ) {
        value.write(into: &output)
    }

    @inlinable public static func writeFlag(_ value: Bool, escaped: Bool, into output: inout HTMLOutput) {
        output.appendRaw(value ? "true" : "false")
    }

    @inlinable public static func writeNumber(_ value: Int, escaped: Bool, into output: inout HTMLOutput) {
        output.appendRaw(String(value))
    }
}
