import Crypto
import Foundation
import Mustache
import SiteModel

/// `Templates/`: the Mustache layouts and partials, and the assets they use.
public struct Theme: Sendable {
    public static let requiredTemplates = ["home", "section", "topic", "404", "redirect", "root", "search"]

    /// Templates under `cached/` are rendered once per locale, with only the
    /// values every page shares, and included as `{{{cached.NAME}}}`.
    static let cachedPrefix = "cached/"

    var library: MustacheLibrary
    var cachedTemplates: [String]
    /// `strings.KEY` names each template uses, with the template that uses it first.
    var usedStrings: [String: String]
    public var assets: [Asset]
    /// Each template's fingerprint: its text and the texts of every partial and
    /// parent it includes, transitively. A page's output key starts with it.
    var templateFingerprints: [String: Fingerprint] = [:]

    /// A file from `Templates/assets/`, published under a content-hashed name.
    public struct Asset: Sendable {
        /// `style.css`.
        public var name: String
        /// `assets/style.3f2a9c1b.css`.
        public var outputPath: String
        public var contents: Data
        /// `style_css`: how templates refer to it (`{{assets.style_css}}`).
        public var key: String { name.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_") }
    }

    /// Reads every `*.mustache` under `templatesURL` and every file in `assets/`.
    public static func load(from templatesURL: URL, displayRoot: String) throws(BuildFailure) -> Theme {
        _ = HTMLEscaping.registration
        var library = MustacheLibrary()
        var usedStrings: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var texts: [String: String] = [:]
        let files = (FileManager.default.subpaths(atPath: templatesURL.path) ?? []).sorted()
        for path in files where path.hasSuffix(".mustache") {
            let display = "\(displayRoot)/\(path)"
            guard let text = try? String(contentsOf: templatesURL.appendingPathComponent(path), encoding: .utf8) else {
                diagnostics.append(.error(SourceLocation(file: display), "cannot read template (is it UTF-8?)"))
                continue
            }
            texts[String(path.dropLast(".mustache".count))] = text
            do {
                // Same escaping rules, faster escaper; on the first line so line numbers stay right.
                let pragma = "{{% CONTENT_TYPE: \(HTMLEscaping.contentTypeName) }}"
                try library.register(pragma + text, named: String(path.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(file: display, line: error.context.lineNumber, column: error.context.columnNumber)
                diagnostics.append(.error(location, "template: \(error.error)"))
            } catch {
                diagnostics.append(.error(SourceLocation(file: display), "template: \(error)"))
            }
            for key in Self.stringKeys(in: text) where usedStrings[key] == nil { usedStrings[key] = display }
        }
        let unparsed = Set(diagnostics.map(\.location.file))
        for name in requiredTemplates where library.getTemplate(named: name) == nil && !unparsed.contains("\(displayRoot)/\(name).mustache") {
            diagnostics.append(.error(SourceLocation(file: "\(displayRoot)/\(name).mustache"), "template '\(name)' is missing"))
        }
        let assets = loadAssets(templatesURL.appendingPathComponent("assets"), diagnostics: &diagnostics, displayRoot: displayRoot)
        if diagnostics.hasErrors { throw BuildFailure(diagnostics) }
        let cached = files.filter { $0.hasPrefix(cachedPrefix) && $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        var theme = Theme(library: library, cachedTemplates: cached, usedStrings: usedStrings, assets: assets)
        theme.templateFingerprints = texts.keys.reduce(into: [:]) { $0[$1] = fingerprint(of: $1, texts: texts) }
        return theme
    }

    /// The text of `name` and of everything it includes (`{{> partial}}`, `{{< parent}}`).
    static func fingerprint(of name: String, texts: [String: String]) -> Fingerprint {
        var hasher = FingerprintHasher()
        var seen: Set<String> = [], pending = [name]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted, let text = texts[next] else { continue }
            hasher.combine(next)
            hasher.combine(text)
            pending += includedNames(in: text).sorted()
        }
        return hasher.finalize()
    }

    /// Names after `{{>` and `{{<` in a template's text.
    static func includedNames(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let mark = rest.first, mark == ">" || mark == "<" else { continue }
            let name = rest.dropFirst().drop { $0 == " " }.prefix { $0 != "}" && $0 != " " }
            if !name.isEmpty { names.insert(String(name)) }
        }
        return names
    }

    private static func loadAssets(_ folder: URL, diagnostics: inout [Diagnostic], displayRoot: String) -> [Asset] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.filter { !$0.hasPrefix(".") }.compactMap { name in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else {
                diagnostics.append(.error(SourceLocation(file: "\(displayRoot)/assets/\(name)"), "cannot read asset"))
                return nil
            }
            let hash = contentHash(data)
            let dot = name.lastIndex(of: ".") ?? name.endIndex
            let hashed = "\(name[..<dot]).\(hash)\(name[dot...])"
            return Asset(name: name, outputPath: "assets/\(hashed)", contents: data)
        }
    }

    /// The first 8 hex digits of the SHA-256 of `data`: a name that changes with the content.
    static func contentHash(_ data: Data) -> String {
        SHA256.hash(data: data).prefix(4).map { String(format: "%02x", $0) }.joined()
    }

    /// `{{strings.key}}`-style references in a template's text.
    static func stringKeys(in text: String) -> [String] {
        var keys: [String] = []
        var rest = text[...]
        while let range = rest.range(of: "strings.") {
            let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { keys.append(String(name)) }
            rest = rest[range.upperBound...]
        }
        return keys
    }
}
