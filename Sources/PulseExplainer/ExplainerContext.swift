import SiteModel

/// What an explainer needs to know about the page it is rendered into.
public struct ExplainerContext: Sendable {
    /// The page locale's strings (all keys of `PulseExplainerStrings.used` present).
    public var strings: [String: String]
    public var numbers: LocaleNumbers
    /// URL of the state grid JSON shared by all pages.
    public var statesURL: String
    /// URL of the comparison page in this locale, if the site has one.
    public var comparisonURL: String?
    /// Unique on the page: prefixes every id the explainer uses.
    public var idPrefix: String

    public init(
        strings: [String: String], numbers: LocaleNumbers, statesURL: String, comparisonURL: String?, idPrefix: String
    ) {
        self.strings = strings
        self.numbers = numbers
        self.statesURL = statesURL
        self.comparisonURL = comparisonURL
        self.idPrefix = idPrefix
    }

    subscript(_ key: String) -> String { strings[key] ?? "" }

    /// "4,00 µC" (a number already localised, and its unit).
    func measure(_ value: Double, _ unit: String) -> String {
        unit.isEmpty ? numbers.format(value) : "\(numbers.format(value))\u{00A0}\(unit)"
    }

    /// "20 mA": an input, written as given.
    func input(_ value: Double, _ unit: String) -> String {
        "\(numbers.formatPlain(value))\u{00A0}\(unit)"
    }
}
