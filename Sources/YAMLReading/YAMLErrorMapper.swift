import Foundation
public import SiteModel
import SiteSupport

/// Turns a libyaml or composer error into a diagnostic at the right file line, in words an editor acts
/// on: the common mistakes (a tab, a colon in an unquoted value, a key written twice) are named
/// with their fix; anything else keeps the parser's words.
public enum YAMLErrorMapper {
    /// - Parameter text: the YAML that failed, to find the line a mistake is on.
    public static func diagnostic(
        _ error: YAMLSyntaxError, file: String, lineOffset: Int, what: String, text: String = ""
    ) -> Diagnostic {
        let start = SourceLocation(file: file, line: 1 + lineOffset, column: 1)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = { (mark: YAMLNode.Mark) in
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .syntax(_, let context, let problem, let mark):
            let location = at(mark)
            let line = mark.line >= 1 && mark.line <= lines.count ? lines[mark.line - 1] : ""
            let keyMissing =
                context?.text.contains("block mapping") == true && problem.contains("did not find expected key")
            let mistake =
                plainWords(problem: problem, line: line)
                ?? context.flatMap { unclosed(context: $0.text, problem: problem, at: $0.mark, lines) }
                ?? (keyMissing ? misindented(line: mark.line, lines, lineOffset: lineOffset) : nil)
            if let mistake {
                return .error(mistake.location(from: location, lineOffset: lineOffset), "\(what): \(mistake.message)")
            }
            let detail = context.map { "\($0.text) " } ?? ""
            return .error(location, "\(what): invalid YAML: \(detail)\(problem)")
        case .duplicateKey(let key, let mark):
            let location = secondOccurrence(of: key, in: lines).map {
                SourceLocation(file: file, line: $0.line + lineOffset, column: $0.column)
            }
            return .error(
                location ?? at(mark), "\(what): '\(key)' is written twice; keep one (each key may appear once)")
        case .keyNotText(let mark):
            return .error(at(mark), "\(what): a key must be text, not a list or a mapping")
        case .tooDeep(let limit, let mark):
            return .error(
                at(mark), "\(what): lists and mappings are nested more than \(limit) deep; write them flatter")
        case .reader(let problem):
            return .error(start, "\(what): invalid YAML: \(problem)")
        case .outOfMemory:
            return .error(start, "\(what): out of memory while reading the YAML")
        }
    }

    /// The fix for libyaml's most common complaints, found from the line's text.
    static func plainWords(problem: String, line: String) -> YAMLMistake? {
        if problem.contains("found character that cannot start any token"), let tab = line.firstIndex(of: "\t") {
            let at = line.distance(from: line.startIndex, to: tab) + 1
            return YAMLMistake(
                "a tab is used for indentation; YAML needs spaces: replace the tab with spaces", column: at)
        }
        if problem.contains("mapping values are not allowed"), let colon = line.range(of: ": ") {
            let key = line[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
            let value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
            let quoted = YAMLText.quoted(value)
            let indent = String(line.prefix { $0 == " " })
            return YAMLMistake(
                "the value of '\(key)' contains ': ', which YAML reads as another key; put the value in quotes: "
                    + "\(indent)\(key): \(quoted)")
        }
        return nil
    }

    /// A `[` or `{` never closed: said at the end of the line that opens it, with that line closed.
    static func unclosed(context: String, problem: String, at mark: YAMLNode.Mark, _ lines: [String]) -> YAMLMistake? {
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let line = lines[mark.line - 1]
        let (kind, open, close): (String, String, String)
        if context.contains("flow sequence"), problem.contains("']'") {
            (kind, open, close) = ("list", "[", "]")
        } else if context.contains("flow mapping"), problem.contains("'}'") {
            (kind, open, close) = ("mapping", "{", "}")
        } else if context.contains("quoted scalar"), mark.column >= 1, mark.column <= line.count {
            let quote = String(line[line.index(line.startIndex, offsetBy: mark.column - 1)])
            guard quote == "\"" || quote == "'" else { return nil }
            (kind, open, close) = ("text", quote, quote)
        } else {
            return nil
        }
        let kept = String(line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
        return YAMLMistake(
            "the \(kind) opened with \(open) is not closed: end it with \(close) on the same line: "
                + "\(kept.trimmingCharacters(in: .whitespaces))\(close)",
            line: mark.line, column: kept.count + 1)
    }

    /// A line indented like no key above it: said at its first character, with the line
    /// indented as the nearest key above it that is indented more than its parent.
    static func misindented(line number: Int, _ lines: [String], lineOffset: Int) -> YAMLMistake? {
        guard number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1]
        let indent = line.prefix { $0 == " " }.count
        let text = line.dropFirst(indent)
        guard !text.isEmpty else { return nil }
        // The nearest key line above: the sibling the author most likely meant to line up with.
        for (index, above) in lines[..<(number - 1)].enumerated().reversed() {
            let aboveIndent = above.prefix { $0 == " " }.count
            let aboveText = above.dropFirst(aboveIndent)
            guard !aboveText.isEmpty, !aboveText.hasPrefix("#"), aboveIndent != indent,
                let colon = aboveText.firstIndex(of: ":")
            else { continue }
            let key = aboveText[..<colon]
            let fixed = String(repeating: " ", count: aboveIndent) + text
            let spaces = { (count: Int) in count == 1 ? "1 space" : "\(count) spaces" }
            let wanted =
                aboveIndent == 0 ? "start it at the beginning of the line" : "indent it by \(spaces(aboveIndent))"
            return YAMLMistake(
                "this line is indented by \(spaces(indent)), which lines it up with no key above it; \(wanted), like "
                    + "'\(key)' on line \(index + 1 + lineOffset): \(fixed.trimmingCharacters(in: .newlines))",
                column: indent + 1)
        }
        return nil
    }

    /// Where `key:` starts a line the second time (1-based line and column).
    static func secondOccurrence(of key: String, in lines: [String]) -> TextPosition? {
        var seen = false
        for (index, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            let unquoted = rest.hasPrefix(key + ":")
            let quoted = rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':")
            guard unquoted || quoted else { continue }
            if seen { return TextPosition(line: index + 1, column: indent + 1) }
            seen = true
        }
        return nil
    }
}
