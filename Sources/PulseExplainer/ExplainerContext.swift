import SiteModel
public import SiteSupport

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
    /// The plural rules of the strings' language: which form a string with a count takes.
    public var plurals: PluralRules

    public init(
        strings: [String: String], numbers: LocaleNumbers, statesURL: String, comparisonURL: String?, idPrefix: String,
        plurals: PluralRules = PluralRules("en")
    ) {
        self.plurals = plurals
        self.strings = strings
        self.numbers = numbers
        self.statesURL = statesURL
        self.comparisonURL = comparisonURL
        self.idPrefix = idPrefix
    }

    subscript(_ key: String) -> String { strings[key] ?? "" }

    /// The form of `key` for `count` (`train.burst.few` for 7 pulses in Arabic), see `PluralRules.form`.
    subscript(_ key: String, count count: Int) -> String { plurals.form(of: key, count: count, in: strings) ?? "" }

    /// The form of `key` for a number that may have a fraction: `value` as an input is written
    /// (`"0.5"` takes `other` in English: "0.5 bursts").
    subscript(_ key: String, value value: Double) -> String {
        plurals.form(of: key, written: NumberText.plain(value), in: strings) ?? ""
    }

    /// "4,00 µC" (a number already localised, and its unit).
    func measure(_ value: Double, _ unit: String) -> String {
        unit.isEmpty ? numbers.format(value) : "\(numbers.format(value))\u{00A0}\(unit)"
    }

    /// "20 mA": an input, written as given.
    func input(_ value: Double, _ unit: String) -> String {
        "\(numbers.formatPlain(value))\u{00A0}\(unit)"
    }
}
