import Foundation
import SiteModel
import XLIFF

/// A locale's interface strings (`locale.yml` `strings:`) as an XLIFF file, and back.
enum InterfaceStrings {
    /// The `original` of the strings' `<file>`.
    static let original = "locale.yml"

    /// Every string the locale lacks (absent, or still marked `[[TODO`); with `all`, every string.
    static func file(defaultLocale: LocaleConfig, locale: LocaleConfig, all: Bool, pseudo: Bool) -> XLIFFFile {
        var file = XLIFFFile(
            original: original, sourceLanguage: defaultLocale.tag, targetLanguage: locale.tag, datatype: "plaintext",
            units: [])
        for key in defaultLocale.strings.keys.sorted() {
            let current = locale.strings[key].flatMap { ScaffoldPlaceholder.isMarked($0) ? nil : $0 }
            guard all || current == nil else { continue }
            let source = content(defaultLocale.strings[key]!)
            var unit = XLIFFUnit(
                id: key, source: source, location: "\(original)#\(key)",
                note: "Interface text '\(key)', shown on every page of its kind. Keep each {placeholder}.")
            if pseudo {
                unit.pseudoTranslate()
            } else if let current {
                unit.target = content(current)
                unit.state = "translated"
            }
            file.units.append(unit)
        }
        return file
    }

    /// A string's text with each `{placeholder}` as a code whose token is the placeholder itself.
    static func content(_ string: String) -> [XLIFFInline] {
        var result: [XLIFFInline] = []
        var text = ""
        var rest = Substring(string)
        var id = 0
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}"),
                rest[rest.index(after: open)..<close].allSatisfy({ $0.isLetter || $0.isNumber })
            else {
                text += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            text += rest[..<open]
            if !text.isEmpty { result.append(.text(text)) }
            text = ""
            id += 1
            result.append(.placeholder(id: String(id), ctype: "x-placeholder", token: String(rest[open...close])))
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        if !text.isEmpty { result.append(.text(text)) }
        return result
    }

    /// The string a target gives: its text, each placeholder written back; nil with the problem
    /// when a placeholder of the source is missing or repeated, or one is added.
    static func string(from target: [XLIFFInline], source: [XLIFFInline]) -> Result<String, UnitProblem> {
        var tokens: [String: String] = [:]
        for case .placeholder(let id, _, let token) in source { tokens[id] = token }
        var string = ""
        for inline in target {
            switch inline {
            case .text(let text), .term(let text): string += text
            case .placeholder(let id, _, let token): string += tokens[id] ?? token
            case .start(let id, _), .end(let id): return .failure(.unknownCode(id))
            }
        }
        let expected = placeholders(in: tokens.values.joined(separator: " ")).sorted()
        let found = placeholders(in: string).sorted()
        guard expected == found else { return .failure(.placeholders(expected: expected, found: found)) }
        return .success(string)
    }

    private static func placeholders(in string: String) -> [String] {
        content(string).compactMap { inline in
            if case .placeholder(_, _, let token) = inline { return token }
            return nil
        }
    }

    /// `locale.yml`'s text with `values` set under `strings:`, each on a line of its own; every other
    /// line (comments, name, direction) as it was.
    static func updated(_ text: String, with values: [String: String]) -> String {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var start = lines.firstIndex { $0.hasPrefix("strings:") }
        if start == nil {
            lines.append("strings:")
            start = lines.count - 1
        }
        var end = start! + 1
        while end < lines.count, lines[end].isEmpty || lines[end].hasPrefix(" ") || lines[end].hasPrefix("#") {
            end += 1
        }
        while end > start! + 1, lines[end - 1].trimmed.isEmpty { end -= 1 }
        for key in values.keys.sorted() {
            let line = "  \(key): \(YAMLText.quoted(values[key]!))"
            if let existing = lines[(start! + 1)..<end].firstIndex(where: { $0.hasPrefix("  \(key):") }) {
                var last = existing + 1
                while last < end, lines[last].hasPrefix("   ") { last += 1 }
                lines.replaceSubrange(existing..<last, with: [line])
                end -= last - existing - 1
            } else {
                lines.insert(line, at: end)
                end += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
