/// Arabic spelling variants a reader may or may not type, made one: tatweel and harakat
/// deleted, hamza and alef forms mapped to their bare letters. In any language's text.
enum ArabicLetters {
    /// `word` with tatweel (U+0640) and harakat (U+064B–U+065F, U+0670) deleted; آ أ إ ٱ → ا,
    /// ؤ → و, ئ and ى → ي.
    static func normalised(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { (0x622...0x671).contains($0.value) }) else { return word }
        var result = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x640, 0x64B...0x65F, 0x670: continue
            case 0x622, 0x623, 0x625, 0x671: result.append("\u{627}")
            case 0x624: result.append("\u{648}")
            case 0x626, 0x649: result.append("\u{64A}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
