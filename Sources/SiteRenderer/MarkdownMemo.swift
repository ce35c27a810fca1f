import SiteSupport

/// Everything a conversion reads, the body, the language its reading level
/// is scored in and the locale's Markdown options, as one digest made when the
/// input is made: a lookup hashes 16 bytes and compares 16, never the body.
public struct ConversionInput: Hashable, Sendable {
    private let digest: Fingerprint

    init(body: String, language: String, options: Fingerprint) {
        var hasher = FingerprintHasher()
        hasher.combine(options)
        hasher.combine(language)
        hasher.combine(body)
        digest = hasher.finalize()
    }
}

/// Markdown conversions by input, kept in memory from one build to the
/// next: a page whose input is here is not converted again.
public struct MarkdownMemo: Sendable {
    private var byInput: [ConversionInput: MarkdownConversion] = [:]

    public init() {}

    /// The conversions made, the first of each input kept.
    init(_ made: [(input: ConversionInput, conversion: MarkdownConversion)]) {
        byInput = Dictionary(made.map { ($0.input, $0.conversion) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(_ input: ConversionInput) -> MarkdownConversion? {
        get { byInput[input] }
        set { byInput[input] = newValue }
    }
}
