/// Which Snowball stemming algorithm stems a language: the one place that decides it, for the
/// index the build writes (libstemmer, by name) and the search page's stemmer (the WebAssembly
/// module of the same name, `Templates/stemmers/<name>.wasm`), so that both stem a word alike.
public enum SnowballAlgorithm {
    /// libstemmer 2.2.0's algorithms (Debian 12's libstemmer0d, `sb_stemmer_list()`) by the
    /// ISO 639-1 code its `libstemmer/modules.txt` gives each. `porter`, English's older
    /// algorithm, has no code, so no language picks it.
    public static let byLanguage: [String: String] = [
        "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish", "nl": "dutch",
        "en": "english", "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
        "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
        "ne": "nepali", "no": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian",
        "sr": "serbian", "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
    ]

    /// The algorithm for `tag`'s primary language subtag (`spanish` for `es-419`), or nil when
    /// Snowball has none for it: then words are indexed and searched unstemmed.
    public static func forLanguage(_ tag: String) -> String? {
        let primary = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first
        return primary.flatMap { byLanguage[String($0)] }
    }
}
