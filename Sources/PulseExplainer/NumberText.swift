import Glibc

/// Numbers as text: 3 significant figures, locale-independent ("4.00", "-0.194",
/// "1230") for SVG and JSON, then localised for readers by `LocaleNumbers`.
enum NumberText {
    static func significant(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return "" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        var exponent = Int(floor(log10(magnitude)))
        var decimals = max(0, digits - 1 - exponent)
        var scaled = (magnitude * pow(10, Double(decimals))).rounded()
        // 9.996 rounds to 10.00: one more digit than asked; drop a decimal.
        if scaled >= pow(10, Double(digits)), decimals > 0 {
            exponent += 1
            decimals -= 1
            scaled = (magnitude * pow(10, Double(decimals))).rounded()
        }
        var text: String
        if decimals == 0 {
            let unit = pow(10, Double(max(0, exponent - digits + 1)))
            text = String(Int((magnitude / unit).rounded() * unit))
        } else {
            let digitsText = String(Int(scaled))
            let padded = String(repeating: "0", count: max(0, decimals + 1 - digitsText.count)) + digitsText
            text = padded.dropLast(decimals) + "." + padded.suffix(decimals)
        }
        return value < 0 ? "-" + text : text
    }

    /// Inputs and axis ticks as people write them: 20, 0.25, 1500 (up to 3 decimals).
    static func plain(_ value: Double) -> String {
        let thousandths = (abs(value) * 1000).rounded()
        let whole = Int(thousandths / 1000)
        var fraction = String(Int(thousandths) % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let text = fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
        return value < 0 && thousandths > 0 ? "-" + text : text
    }

    /// Coordinates in SVG: at most one decimal, no trailing ".0".
    static func coordinate(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10
        let fraction = abs(Int(tenths) % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}

/// How one locale writes numbers for readers.
public struct LocaleNumbers: Sendable, Hashable {
    public var decimalSeparator: String

    public init(decimalSeparator: String) {
        self.decimalSeparator = decimalSeparator
    }

    /// "4.00" → "4,00"; "-0.194" → "−0,194" (a real minus sign).
    public func localise(_ plain: String) -> String {
        var text = plain.replacingAll(".", with: decimalSeparator)
        if text.hasPrefix("-") { text = "\u{2212}" + text.dropFirst() }
        return text
    }

    /// A computed quantity: 3 significant figures.
    public func format(_ value: Double) -> String { localise(NumberText.significant(value)) }

    /// An input or a tick label, as written: "20", "0,25".
    public func formatPlain(_ value: Double) -> String { localise(NumberText.plain(value)) }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
