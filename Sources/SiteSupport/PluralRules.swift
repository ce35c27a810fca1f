/// A CLDR plural category: which form of a word a number takes in a language ("1 page",
/// "2 pages"; Arabic has six).
public enum PluralCategory: String, CaseIterable, Sendable, Comparable {
    case zero, one, two, few, many, other

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The CLDR cardinal plural rules of a language (Unicode CLDR 46, `plurals.xml`; exponents, `e`,
/// are not written in the site's numbers), for the languages the site is written in and their
/// neighbours: en, de, nl, sv, es, fr, it, pt (Brazil and Portugal), ar. A language not in the table has only
/// `other`, as CLDR's root does.
public struct PluralRules: Sendable, Hashable {
    /// The primary language subtag, lowercased (`pt` for `pt-BR`); `pt-PT`, whose rule differs
    /// from Brazil's, as itself.
    public let language: String

    /// The rules of `tag`'s language (`en`, `es-419`, `ar`, `pt-BR`).
    public init(_ tag: String) {
        let lowered = tag.lowercased()
        language = lowered.hasPrefix("pt-pt") ? "pt-pt" : String(lowered.split(separator: "-").first ?? "")
    }

    /// The categories the language has, in CLDR's order: what a translator writes forms for.
    public var categories: [PluralCategory] {
        switch language {
        case "ar": [.zero, .one, .two, .few, .many, .other]
        case "es", "fr", "it", "pt", "pt-pt": [.one, .many, .other]
        case "en", "de", "nl", "sv": [.one, .other]
        default: [.other]
        }
    }

    public func category(_ count: Int) -> PluralCategory {
        category(Operands(integer: count))
    }

    /// The category of a number as written (`"1.0"` is not `"1"` in English: "1.0 pages").
    public func category(written number: String) -> PluralCategory {
        Operands(number).map(category) ?? .other
    }

    private func category(_ o: Operands) -> PluralCategory {
        switch language {
        case "en", "de", "nl", "sv":
            return o.i == 1 && o.v == 0 ? .one : .other
        case "es":
            if o.n == 1 { return .one }
            return o.isMillions ? .many : .other
        case "fr":
            if o.i == 0 || o.i == 1 { return .one }
            return o.isMillions ? .many : .other
        case "it", "pt-pt":
            if o.i == 1 && o.v == 0 { return .one }
            return o.isMillions ? .many : .other
        case "pt":
            if o.i == 0 || o.i == 1 { return .one }
            return o.isMillions ? .many : .other
        case "ar":
            return arabic(o)
        default:
            return .other
        }
    }

    /// zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99.
    private func arabic(_ o: Operands) -> PluralCategory {
        guard o.isInteger else { return .other }
        switch o.i {
        case 0: return .zero
        case 1: return .one
        case 2: return .two
        default:
            switch o.i % 100 {
            case 3...10: return .few
            case 11...99: return .many
            default: return .other
            }
        }
    }
}

/// CLDR's operands of a number as written: `i` its integer digits, `v` how many fraction digits
/// it shows, `f` those digits as an integer; `n` is its absolute value.
private struct Operands {
    var i: Int
    var v: Int
    var f: Int

    init(integer: Int) {
        (i, v, f) = (integer == Int.min ? Int.max : abs(integer), 0, 0)
    }

    /// `"12"`, `"-1.50"`; nil for anything else.
    init?(_ text: String) {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let integer = Int(parts[0]), integer >= 0
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.allSatisfy(\.isNumber), parts.count == 1 || !fraction.isEmpty else { return nil }
        i = integer
        v = fraction.count
        f = Int(fraction) ?? 0
    }

    var isInteger: Bool { f == 0 }
    /// `n = 1` and the like: true only for the integer value (1 and 1.0, not 1.5).
    var n: Int? { isInteger ? i : nil }
    /// `e = 0 and i != 0 and i % 1000000 = 0 and v = 0`: whole millions (Spanish "de" forms).
    var isMillions: Bool { i != 0 && i % 1_000_000 == 0 && v == 0 }
}

extension PluralRules {
    /// "1 page", "2 pages": a count in the command line's and the preview's language, English
    /// (`one` and `other`); `other` is the noun with an "s" unless given.
    public static func english(_ count: Int, _ one: String, _ other: String? = nil) -> String {
        "\(count) \(PluralRules("en").category(count) == .one ? one : other ?? one + "s")"
    }
}

extension PluralRules {
    /// The form of the interface string `key` for `count`: `key.<category>` (`train.burst.few`),
    /// else `key.other`, else `key` itself, so a string written once keeps working. A locale
    /// writes the forms its language has (`categories`).
    public func form(of key: String, count: Int, in strings: [String: String]) -> String? {
        form(of: key, category(count), in: strings)
    }

    /// The form of `key` for a number as written (`"2"`, `"0.5"`; a dot before its fraction).
    public func form(of key: String, written number: String, in strings: [String: String]) -> String? {
        form(of: key, category(written: number), in: strings)
    }

    private func form(of key: String, _ category: PluralCategory, in strings: [String: String]) -> String? {
        strings["\(key).\(category.rawValue)"] ?? strings["\(key).other"] ?? strings[key]
    }
}
