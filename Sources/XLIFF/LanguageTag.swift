import Foundation

/// Language tags as XLIFF files and CAT tools write them.
public enum LanguageTag {
    /// Whether two tags name the same language: `en-US` (po2xliff's default) is the `en` of a site,
    /// `fr_FR` is `fr-FR`; `en` is not `es`, and `fr-CA` is not `fr-FR`.
    public static func same(_ a: String, _ b: String) -> Bool {
        let a = a.lowercased().replacingOccurrences(of: "_", with: "-")
        let b = b.lowercased().replacingOccurrences(of: "_", with: "-")
        return a == b || a.hasPrefix(b + "-") || b.hasPrefix(a + "-")
    }
}
