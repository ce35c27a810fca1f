/// `{name}` placeholders in locale text ("Next review due {date}").
public enum Placeholders {
    /// `text` with each `{name}` replaced by `value(name)`, in one pass (a
    /// replacement is never scanned again); nil keeps the placeholder as written.
    public static func fill(_ text: String, _ value: (String) -> String?) -> String {
        // On UTF-8 bytes: `{` and `}` are ASCII, and finding them by Character
        // would segment graphemes on every page's review line.
        let utf8 = text.utf8
        var result = ""
        var start = utf8.startIndex
        var cursor = start
        while let open = utf8[cursor...].firstIndex(of: UInt8(ascii: "{")),
            let close = utf8[utf8.index(after: open)...].firstIndex(of: UInt8(ascii: "}"))
        {
            let name = String(text[utf8.index(after: open)..<close])
            if let replacement = value(name) {
                result += text[start..<open]
                result += replacement
                start = utf8.index(after: close)
            }
            cursor = utf8.index(after: close)
        }
        return result + text[start...]
    }

    public static func fill(_ text: String, _ values: [String: String]) -> String {
        fill(text) { values[$0] }
    }
}
