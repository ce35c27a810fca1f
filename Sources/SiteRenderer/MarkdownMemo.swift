import SiteSupport

/// Everything a conversion reads, the body, the language its reading level
/// is scored in and the locale's Markdown options, by their digests: the body's
/// was made once, when its page was loaded, so a lookup never reads the body.
public struct ConversionInput: Hashable, Sendable {
    private let body: Fingerprint
    private let language: String
    private let options: Fingerprint

    init(body: Fingerprint, language: String, options: Fingerprint) {
        self.body = body
        self.language = language
        self.options = options
    }
}

/// Markdown conversions by input, kept in memory from one build to the
/// next: a page whose input is here is not converted again.
public struct MarkdownMemo: Sendable {
    private var byInput: [ConversionInput: MarkdownConversion] = [:]

    /// A conversion with the input it was made from.
    struct Entry: Sendable {
        let input: ConversionInput
        let conversion: MarkdownConversion
    }

    public init() {}

    /// The conversions made, the first of each input kept.
    init(_ made: [Entry]) {
        byInput = Dictionary(made.map { ($0.input, $0.conversion) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(_ input: ConversionInput) -> MarkdownConversion? {
        get { byInput[input] }
        set { byInput[input] = newValue }
    }
}
