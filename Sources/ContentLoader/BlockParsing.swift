public import Foundation
public import SiteModel
import SiteSupport
import YAMLReading

extension ContentLoader {
    /// Front-matter keys a shared block may have: a block is no page, so it has no title, URL or
    /// review of its own (the pages that place it have those).
    static let blockKeys: Set<String> = ["translationOf", "pendingUnits", "references"]

    /// Reads and parses every block on all cores; output order follows input order.
    static func parseBlocks(_ sources: [PageSource], limits: PageLimits) -> ParsedBlocks {
        let results = ParallelMap.map(sources) { source -> Decoded<SourceBlock> in
            if source.size > limits.maxBytes {
                return .failed([.error(SourceLocation(file: source.file), "block is larger than a page may be")])
            }
            switch readBytes(source.path, file: source.file) {
            case .failure(let failure): return .failed(failure.diagnostics)
            case .success(let data):
                return parseBlock(data, locale: source.locale, relativePath: source.relativePath, file: source.file)
            }
        }
        var parsed = ParsedBlocks()
        for (source, result) in zip(sources, results) {
            parsed.diagnostics += result.diagnostics
            if let block = result.value, !result.diagnostics.hasErrors {
                parsed.blocks.append(block)
            } else if let name = SourceBlock.name(ofRelativePath: source.relativePath) {
                parsed.broken.insert(name)
            }
        }
        parsed.blocks.sort { ($0.locale, $0.name) < ($1.locale, $1.name) }
        return parsed
    }

    /// Every block read: those that parsed, by locale and name, and the names of those that did not.
    struct ParsedBlocks {
        var blocks: [SourceBlock] = []
        var broken: Set<String> = []
        var diagnostics: [Diagnostic] = []
    }

    /// One block from its bytes: front matter is optional (only `translationOf` and `references`).
    /// - Parameter relativePath: under the locale folder (`_blocks/safety/implanted-devices.md`).
    public static func parseBlock(_ data: [UInt8], locale: String, relativePath: String, file: String)
        -> Decoded<SourceBlock>
    {
        guard let name = SourceBlock.name(ofRelativePath: relativePath) else { return .failed([]) }
        let text: String
        switch TextDecoding.decode(data, file: file) {
        case .failure(let failure): return .failed(failure.diagnostics)
        case .success(let decoded): text = decoded
        }
        guard text.hasPrefix("---") else {
            let start = SourceLocation(file: file, line: 1, column: 1)
            return Decoded(SourceBlock(locale: locale, name: name, body: text, bodyLocation: start))
        }
        let split: SplitDocument
        switch FrontMatterSplitter.split(text, file: file) {
        case .failure(let failure): return .failed(failure.diagnostics)
        case .success(let value): split = value
        }
        var block = SourceBlock(
            locale: locale, name: name, body: split.body,
            bodyLocation: SourceLocation(file: file, line: split.bodyFirstLine, column: 1))
        guard !split.yaml.allSatisfy(\.isWhitespace) else { return Decoded(block) }
        let what = "block front matter"
        var yaml: YAMLMapping
        switch YAMLMapping.parse(split.yaml, file: file, lineOffset: split.yamlFirstLine - 1, what: what) {
        case .failure(let failure): return .failed(failure.diagnostics)
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
        return Decoded(yaml.diagnostics.hasErrors ? nil : block, diagnostics: yaml.diagnostics)
    }
}
