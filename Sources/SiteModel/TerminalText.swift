/// Text made safe to print on a terminal. A file name or a page's text can hold control
/// characters (`ESC [2J` clears the screen, `CR` overwrites the line before it, bidirectional
/// overrides reorder what follows); printed raw they would act on the reader's terminal instead
/// of being read. Each is shown as `\u{1B}`, so the name stays recognisable and nothing runs.
public enum TerminalText {
    /// `text` with every control character escaped; line breaks and tabs kept when `keepsLines`.
    public static func inert(_ text: String, keepsLines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { acts($0, keepsLines: keepsLines) }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if acts(scalar, keepsLines: keepsLines) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates.
    private static func acts(_ scalar: Unicode.Scalar, keepsLines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepsLines
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
