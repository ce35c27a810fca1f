import Foundation
public import SiteModel
import SiteSupport

/// A YAML mapping read key by key into typed values. Every problem becomes a
/// diagnostic at the key's own line and column; nothing is guessed.
public struct YAMLMapping {
    public let file: String
    /// Added to YAML line numbers: front matter starts on the file's second line.
    public let lineOffset: Int
    public private(set) var diagnostics: [Diagnostic] = []
    /// Each key's entry, by the key's text.
    private var entries: [String: Entry] = [:]
    private var keyOrder: [String] = []
    /// One `key: value` of the mapping as parsed: the key's node says where it was written.
    private struct Entry {
        let key: YAMLNode.Scalar
        let value: YAMLNode
    }

    /// Unknown keys by the known key each seems a typo of (`description` → `descripton`).
    private var misspelt: [String: String] = [:]
    public let location: SourceLocation

    /// Parses `text`. Returns nil (with diagnostics) when it is not a mapping.
    public static func parse(_ text: String, file: String, lineOffset: Int, what: String) -> Result<
        YAMLMapping, BuildFailure
    > {
        let start = SourceLocation(file: file, line: 1 + lineOffset, column: 1)
        let node: YAMLNode?
        switch YAMLComposer.compose(text) {
        case .success(let composed): node = composed
        case .failure(let error):
            return .failure(
                BuildFailure([
                    YAMLErrorMapper.diagnostic(error, file: file, lineOffset: lineOffset, what: what, text: text)
                ]))
        }
        guard let node else {
            return .failure(BuildFailure([.error(start, "\(what): is empty")]))
        }
        let budget = NodeBudget.limit(forBytes: text.utf8.count)
        if NodeBudget.exceeds(node, limit: budget) {
            return .failure(
                BuildFailure([
                    .error(
                        start,
                        "\(what): its aliases ('*name') expand to more than \(budget) values, past the alias "
                            + "budget (one value per byte of the text, at least \(NodeBudget.minimum): values "
                            + "written out never reach it); write the values out instead of repeating them")
                ]))
        }
        guard case .mapping(let mapping) = node else {
            return .failure(BuildFailure([.error(start, "\(what): expected 'key: value' lines")]))
        }
        var result = YAMLMapping(file: file, lineOffset: lineOffset, location: start)
        result.add(mapping)
        return .success(result)
    }

    /// A mapping nested in another (same file), or nil with an error if `node` is not one.
    public mutating func mapping(_ key: String, what: String) -> YAMLMapping? {
        guard let node = node(key) else { return nil }
        guard let nested = YAMLMapping(node: node, file: file, lineOffset: lineOffset) else {
            error(location(of: node), "\(what): '\(key)' must be 'name: value' lines")
            return nil
        }
        return nested
    }

    /// The node as a mapping, or nil if it is not one.
    public init?(node: YAMLNode, file: String, lineOffset: Int) {
        guard case .mapping(let mapping) = node else { return nil }
        self.init(
            file: file, lineOffset: lineOffset,
            location: Self.location(of: node, file: file, lineOffset: lineOffset))
        add(mapping)
    }

    /// Keeps each pair of `mapping` by its key (the composer has checked that none is written twice).
    private mutating func add(_ mapping: YAMLNode.Mapping) {
        for (key, value) in mapping {
            entries[key.string] = Entry(key: key, value: value)
            keyOrder.append(key.string)
        }
    }

    /// The keys in file order.
    public var keys: [String] { keyOrder }

    /// Adds diagnostics found by a nested mapping.
    public mutating func absorb(_ nested: YAMLMapping) {
        diagnostics += nested.diagnostics
    }

    private init(file: String, lineOffset: Int, location: SourceLocation) {
        self.file = file
        self.lineOffset = lineOffset
        self.location = location
    }

    public static func location(of node: YAMLNode, file: String, lineOffset: Int) -> SourceLocation {
        location(at: node.mark, file: file, lineOffset: lineOffset)
    }

    private static func location(at mark: YAMLNode.Mark, file: String, lineOffset: Int) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    public func location(of node: YAMLNode) -> SourceLocation {
        Self.location(of: node, file: file, lineOffset: lineOffset)
    }

    /// Where `key` was written, or the mapping's start.
    public func location(ofKey key: String) -> SourceLocation {
        entries[key].map { Self.location(at: $0.key.mark, file: file, lineOffset: lineOffset) } ?? location
    }

    public mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(.error(location, message))
    }

    /// A required key is not there: said at its typo when an unknown key seems one (the warning about
    /// that key becomes this error), else at the mapping's start.
    private mutating func missing(_ key: String, what: String) {
        guard let written = misspelt[key] else {
            error(location, "\(what): '\(key)' is missing")
            return
        }
        let place = location(ofKey: written)
        diagnostics.removeAll { $0.severity == .warning && $0.location == place }
        error(place, "\(what): unknown key '\(written)' (did you mean '\(key)'?); '\(key)' is required")
    }

    /// Warns about every key not in `known`, in file order.
    public mutating func warnUnknownKeys(_ known: Set<String>, what: String) {
        for name in keyOrder where !known.contains(name) {
            let closest = Suggestion.closest(to: name, in: known)
            if let closest, entries[closest] == nil { misspelt[closest] = name }
            let suggestion = closest.map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.append(
                .warning(location(ofKey: name), "\(what): unknown key '\(name)' is ignored\(suggestion)"))
        }
    }

    public func node(_ key: String) -> YAMLNode? {
        guard let entry = entries[key] else { return nil }
        if case .scalar(let scalar) = entry.value, scalar.style == .plain,
            ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        {
            return nil
        }
        return entry.value
    }

    public mutating func string(_ key: String, required: Bool, what: String) -> Located<String>? {
        guard let node = node(key) else {
            if required { missing(key, what: what) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            error(location(of: node), "\(what): '\(key)' must be \(Self.oneText(key, not: node))")
            return nil
        }
        let value = scalar.string.trimmed
        if value.isEmpty, required {
            error(location(of: node), "\(what): '\(key)' is empty")
            return nil
        }
        return Located(value, at: location(of: node))
    }

    public mutating func int(_ key: String, what: String) -> Int? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
            error(location(of: node), "\(what): '\(key)' must be a whole number")
            return nil
        }
        return value
    }

    public mutating func bool(_ key: String, what: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Bool(scalar.string.lowercased())
        else {
            error(location(of: node), "\(what): '\(key)' must be true or false")
            return nil
        }
        return value
    }

    /// "one text, not a list: …": what to write instead of `node`.
    static func oneText(_ key: String, not node: YAMLNode) -> String {
        switch node {
        case .sequence: "one text, not a list: write \(key): \"…\" on one line"
        case .mapping: "one text, not 'name: value' lines: write \(key): \"…\" on one line, in quotes"
        default: "text"
        }
    }

    /// A list of text; a single text value is taken as a list of one.
    public mutating func strings(_ key: String, what: String) -> [Located<String>] {
        guard let node = node(key) else { return [] }
        let items: [YAMLNode]
        switch node {
        case .scalar: items = [node]
        case .sequence(let sequence): items = Array(sequence)
        default:
            error(
                location(of: node),
                "\(what): '\(key)' must be a list, not 'name: value' lines: write \(key): [first, second], or one "
                    + "'- item' line per item")
            return []
        }
        var result: [Located<String>] = []
        for item in items {
            guard case .scalar(let scalar) = item else {
                error(location(of: item), "\(what): each item of '\(key)' must be text")
                continue
            }
            result.append(Located(scalar.string, at: location(of: item)))
        }
        return result
    }

    /// A mapping of text to text (a locale's `strings:`).
    public mutating func stringMap(_ key: String, what: String) -> [String: Located<String>] {
        guard let node = node(key) else { return [:] }
        guard case .mapping(let mapping) = node else {
            error(location(of: node), "\(what): '\(key)' must be 'name: text' lines")
            return [:]
        }
        var result: [String: Located<String>] = [:]
        for (name, valueNode) in mapping {
            guard case .scalar(let value) = valueNode else {
                error(location(of: valueNode), "\(what): each entry of '\(key)' must be 'name: text'")
                continue
            }
            result[name.string] = Located(value.string, at: location(of: valueNode))
        }
        return result
    }
}

/// Counts values, aliases expanded, up to a limit: aliases share nodes, so a
/// few lines can stand for billions of values ("billion laughs"). The limit
/// grows with the text: every value written out takes at least one byte, so a
/// text of N bytes without aliases holds fewer than N values, and only aliases
/// can reach the limit, however long a glossary grows.
public enum NodeBudget {
    public static let minimum = 10_000

    /// The budget of a text of `bytes` bytes.
    public static func limit(forBytes bytes: Int) -> Int { max(minimum, bytes) }

    public static func exceeds(_ node: YAMLNode, limit: Int) -> Bool {
        var remaining = limit
        return !visit(node, &remaining)
    }

    private static func visit(_ node: YAMLNode, _ remaining: inout Int) -> Bool {
        remaining -= 1
        guard remaining >= 0 else { return false }
        switch node {
        case .scalar: return true
        case .sequence(let sequence): return sequence.allSatisfy { visit($0, &remaining) }
        case .mapping(let mapping):
            return mapping.allSatisfy { visit(.scalar($0.key), &remaining) && visit($0.value, &remaining) }
        }
    }
}
