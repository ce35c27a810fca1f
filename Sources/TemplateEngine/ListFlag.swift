/// `has<List>`: beside every list field (`tags`), the flag that it has elements (`hasTags`), so a
/// template can show a wrapper once around a list only when the list is not empty:
/// `{{#page.hasTags}}<ul>{{#page.tags}}<li>{{.}}</li>{{/page.tags}}</ul>{{/page.hasTags}}`.
/// A field of that name, where a value has one, is that field.
public enum ListFlag {
    /// `hasTags` for the list `tags`.
    public static func name(for list: String) -> String {
        "has" + list.prefix(1).uppercased() + list.dropFirst()
    }

    /// `tags` for `hasTags`; nil for a name not of that form.
    static func listName(_ flag: String) -> String? {
        guard flag.hasPrefix("has") else { return nil }
        let rest = flag.dropFirst(3)
        guard let first = rest.first, first.isUppercase else { return nil }
        return first.lowercased() + rest.dropFirst()
    }
}
