/// `{name}` placeholders in locale text ("Next review due {date}").
public enum Placeholders {
    /// `text` with each `{name}` replaced by `value(name)`, in one pass (a
    /// replacement is never scanned again); nil keeps the placeholder as written.
    public static func fill(_ text: String, _ value: (String) -> String?) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += value(name) ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    public static func fill(_ text: String, _ values: [String: String]) -> String {
        fill(text) { values[$0] }
    }
}
