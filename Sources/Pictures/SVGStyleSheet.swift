import Foundation

/// CSS in an SVG, read the way a browser reads it and written back plain. Nothing is copied as it
/// came: comments and escapes (`\72`, `\r`) are decoded first, every declaration is checked on the
/// decoded text, and what is kept is written from that text, which then holds no comment, escape or
/// at-rule for a browser to read differently from this code.
enum SVGStyleSheet {
    /// `text` with each comment replaced by a space and each escape by the character it stands for.
    static func decoded(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                var end = index + 2
                while end + 1 < scalars.count, !(scalars[end] == "*" && scalars[end + 1] == "/") { end += 1 }
                index = min(end + 2, scalars.count)
                result.append(" ")
            } else if scalar == "\\" {
                index += 1
                result.append(escape(scalars, at: &index))
            } else {
                result.append(scalar)
                index += 1
            }
        }
        return String(result)
    }

    /// The character an escape stands for, its backslash already read: up to six hex digits and one
    /// optional white space, or any other character as itself; U+FFFD where CSS says so.
    private static func escape(_ scalars: [Unicode.Scalar], at index: inout Int) -> Unicode.Scalar {
        guard index < scalars.count else { return "\u{FFFD}" }
        var value: UInt32 = 0
        var digits = 0
        while digits < 6, index < scalars.count, scalars[index].isASCII,
            let digit = UInt32(String(scalars[index]), radix: 16)
        {
            value = value * 16 + digit
            digits += 1
            index += 1
        }
        if digits == 0 {
            let character = scalars[index]
            index += 1
            // A backslash before a line break continues a string; read as a space, it still splits words.
            return character == "\n" || character == "\r" || character == "\u{0C}" ? " " : character
        }
        if index < scalars.count, [" ", "\t", "\n", "\r", "\u{0C}"].contains(scalars[index]) {
            let wasCR = scalars[index] == "\r"
            index += 1
            if wasCR, index < scalars.count, scalars[index] == "\n" { index += 1 }
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    /// The declarations of a `style` attribute or a rule's block (already decoded) that are allowed,
    /// as `name:value;name:value`; empty when none is.
    static func declarations(_ decoded: String) -> String {
        var kept: [String] = []
        for declaration in decoded.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let name = declaration[..<colon].trimmingWhitespace.lowercased()
            let value = declaration[declaration.index(after: colon)...].trimmingWhitespace
            if SVGAllowlist.properties.contains(name), let value = plainValue(value) {
                kept.append("\(name):\(value)")
            }
        }
        return kept.joined(separator: ";")
    }

    /// A `<style>` element's text (already decoded) as rules of allowed selectors and declarations,
    /// one a line. At-rules (`@import`, `@font-face`, `@media`…) are dropped whole.
    static func rules(_ decoded: String) -> String {
        var kept: [String] = []
        var rest = Substring(decoded)
        while let brace = rest.firstIndex(where: { $0 == "{" || $0 == ";" }) {
            let prelude = rest[..<brace].trimmingWhitespace
            guard rest[brace] == "{" else {
                rest = rest[rest.index(after: brace)...]
                continue
            }
            var depth = 0
            var end = brace
            while end < rest.endIndex {
                if rest[end] == "{" { depth += 1 }
                if rest[end] == "}" { depth -= 1 }
                if depth == 0 { break }
                end = rest.index(after: end)
            }
            let block = rest[rest.index(after: brace)..<end]
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
            guard !prelude.hasPrefix("@"), isPlainSelector(prelude) else { continue }
            let body = declarations(String(block))
            if !body.isEmpty { kept.append("\(prelude){\(body)}") }
        }
        return kept.joined(separator: "\n")
    }

    /// Selectors choose elements and never load anything; these characters are all they need
    /// (no parentheses: a selector needs no call, and so holds nothing that looks like `url(`).
    private static func isPlainSelector(_ selector: String) -> Bool {
        !selector.isEmpty && !SVGRewriter.hasScriptURL(selector)
            && selector.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
                    || " \t\n#.,>+~*_-:[]=\"'^$|"
                        .unicodeScalars.contains($0)
            }
    }

    /// `value` (decoded) when it is made only of words, numbers, colours, quoted strings and calls
    /// of allowed functions — `url()` only to a `#fragment` of the picture; nil otherwise.
    static func plainValue(_ value: String) -> String? {
        guard !value.isEmpty else { return nil }
        let scalars = Array(value.unicodeScalars)
        var index = 0
        var depth = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if " \t\n,/!".unicodeScalars.contains(scalar) {
                index += 1
            } else if scalar == "\"" || scalar == "'" {
                // A font's name: words, never a URL or anything else CSS could read inside quotes.
                guard let close = scalars[(index + 1)...].firstIndex(of: scalar),
                    scalars[(index + 1)..<close].allSatisfy({
                        $0.properties.isAlphabetic || $0.properties.numericType != nil
                            || " -_.,".unicodeScalars
                                .contains($0)
                    })
                else { return nil }
                index = close + 1
            } else if scalar == ")" {
                depth -= 1
                if depth < 0 { return nil }
                index += 1
            } else if isWordCharacter(scalar) {
                let start = index
                while index < scalars.count, isWordCharacter(scalars[index]) { index += 1 }
                guard index < scalars.count, scalars[index] == "(" else { continue }
                let function = String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
                guard SVGAllowlist.functions.contains(function) else { return nil }
                index += 1
                if function == "url" {
                    guard let close = scalars[index...].firstIndex(of: ")"),
                        isFragmentReference(String(String.UnicodeScalarView(scalars[index..<close])))
                    else { return nil }
                    index = close + 1
                } else {
                    depth += 1
                }
            } else {
                return nil
            }
        }
        return depth == 0 ? value : nil
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            || "-_.#%+".unicodeScalars.contains(scalar)
    }

    /// The inside of `url(…)`: `#name`, perhaps quoted, perhaps spaced.
    private static func isFragmentReference(_ inside: String) -> Bool {
        var reference = Substring(inside.trimmingWhitespace)
        if let first = reference.first, first == "\"" || first == "'" {
            guard reference.count >= 2, reference.last == first else { return false }
            reference = reference.dropFirst().dropLast()
        }
        return reference.hasPrefix("#") && reference.count > 1
            && reference.dropFirst().unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                        || "-_.:".unicodeScalars.contains($0))
            }
    }

    /// What in decoded CSS plainly reaches outside the picture or runs code, in words; nil for none.
    static func outsideReference(in decoded: String) -> String? {
        let lowered = decoded.lowercased()
        if lowered.contains("@import") { return "@import" }
        for function in ["url(", "image-set(", "image(", "src("] {
            var rest = Substring(lowered)
            while let open = rest.range(of: function) {
                rest = rest[open.upperBound...]
                let inside = rest.prefix { $0 != ")" }
                if function != "url(" || !isFragmentReference(String(inside)) { return "\(function)…)" }
            }
        }
        return nil
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars.drop { $0.properties.isWhitespace }
        return String(String.UnicodeScalarView(scalars.reversed().drop { $0.properties.isWhitespace }.reversed()))
    }
}
