public import Foundation
public import SiteModel
import SiteSupport
import YAMLReading

extension ContentLoader {
    /// Front-matter keys a shared block may have: a block is no page, so it has no title, URL or
    /// review of its own (the pages that place it have those).
    static let blockKeys: Set<String> = ["translationOf", "pendingUnits", "references"]

    /// Reads and parses every block on all cores; output order follows input order.
    static func parseBlocks(_ sources: [PageSource], limits: PageLimits) -> (
        blocks: [SourceBlock], broken: Set<String>, diagnostics: [Diagnostic]
    ) {
        let results = ParallelMap.map(sources) { source -> (SourceBlock?, [Diagnostic]) in
            if source.size > limits.maxBytes {
                return (nil, [.error(SourceLocation(file: source.file), "block is larger than a page may be")])
            }
            switch readData(source.url, file: source.file) {
            case .failure(let failure): return (nil, failure.diagnostics)
            case .success(let data):
                return parseBlock(data, locale: source.locale, relativePath: source.relativePath, file: source.file)
            }
        }
        var blocks: [SourceBlock] = []
        var broken: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for (source, (block, blockDiagnostics)) in zip(sources, results) {
            diagnostics += blockDiagnostics
            if let block, !blockDiagnostics.hasErrors {
                blocks.append(block)
            } else if let name = SourceBlock.name(ofRelativePath: source.relativePath) {
                broken.insert(name)
            }
        }
        return (blocks.sorted { ($0.locale, $0.name) < ($1.locale, $1.name) }, broken, diagnostics)
    }

    /// One block from its bytes: front matter is optional (only `translationOf` and `references`).
    /// - Parameter relativePath: under the locale folder (`_blocks/safety/implanted-devices.md`).
    public static func parseBlock(_ data: Data, locale: String, relativePath: String, file: String) -> (
        SourceBlock?, [Diagnostic]
    ) {
        guard let name = SourceBlock.name(ofRelativePath: relativePath) else { return (nil, []) }
        let text: String
        switch TextDecoding.decode(data, file: file) {
        case .failure(let failure): return (nil, failure.diagnostics)
        case .success(let decoded): text = decoded
        }
        guard text.hasPrefix("---") else {
            let start = SourceLocation(file: file, line: 1, column: 1)
            return (SourceBlock(locale: locale, name: name, body: text, bodyLocation: start), [])
        }
        let split: SplitDocument
        switch FrontMatterSplitter.split(text, file: file) {
        case .failure(let failure): return (nil, failure.diagnostics)
        case .success(let value): split = value
        }
        var block = SourceBlock(
            locale: locale, name: name, body: split.body,
            bodyLocation: SourceLocation(file: file, line: split.bodyFirstLine, column: 1))
        guard !split.yaml.allSatisfy(\.isWhitespace) else { return (block, []) }
        let what = "block front matter"
        var yaml: YAMLMapping
        switch YAMLMapping.parse(split.yaml, file: file, lineOffset: split.yamlFirstLine - 1, what: what) {
        case .failure(let failure): return (nil, failure.diagnostics)
        case .success(let mapping): yaml = mapping
        }
        for key in yaml.keys where !blockKeys.contains(key) {
            let suggestion = Suggestion.closest(to: key, in: blockKeys).map { " (did you mean '\($0)'?)" } ?? ""
            yaml.error(
                yaml.location(ofKey: key),
                "\(what): unknown key '\(key)'\(suggestion); a block has only 'translationOf' and 'references'")
        }
        block.translationOf = yaml.string("translationOf", required: false, what: what)
        if let stamp = block.translationOf, !TranslationDigest.isWellFormed(stamp.value) {
            yaml.error(
                stamp.location,
                "\(what): 'translationOf' must be 12 hex digits, as written by 'spinesite translations stamp'")
        }
        block.pendingUnits = FrontMatterDecoder.decodePendingUnits(&yaml, what: what)
        block.references = ReferenceDecoder.decode(&yaml, what: what)
        return yaml.diagnostics.hasErrors ? (nil, yaml.diagnostics) : (block, yaml.diagnostics)
    }
}
