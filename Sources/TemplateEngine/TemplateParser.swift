/// A problem in a template, at its position.
public struct TemplateError: Error, Sendable, Hashable {
    /// The template's name; set by the library for errors found while compiling.
    public var template: String
    public var position: TemplatePosition
    public var message: String
    /// For a mistake in a partial or parent: the templates that include it, outermost first.
    public var includedFrom: [TemplateInclusion] = []

    init(_ position: TemplatePosition, _ message: String, template: String = "") {
        self.template = template
        self.position = position
        self.message = message
    }
}

/// A template including another (`{{> partials/tags}}`, `{{<base}}`) at a tag.
public struct TemplateInclusion: Sendable, Hashable {
    public var template: String
    public var position: TemplatePosition

    public init(template: String, position: TemplatePosition) {
        self.template = template
        self.position = position
    }
}

/// Turns tokens into a tree: sections, parents and blocks around their content.
struct TemplateParser {
    private let tokens: [TemplateTokenizer.Token]
    private var index = 0

    static func parse(_ text: String) throws(TemplateError) -> [TemplateNode] {
        var parser = TemplateParser(tokens: try TemplateTokenizer.tokens(of: text))
        return Self.mergingText(try parser.content(until: nil))
    }

    private init(tokens: [TemplateTokenizer.Token]) {
        self.tokens = tokens
    }

    /// Nodes up to the tag closing `opener` (nil: the end of the template), which is consumed.
    private mutating func content(until opener: TemplateTokenizer.Tag?) throws(TemplateError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard case .tag(let tag) = token else {
                if case .text(let text) = token { nodes.append(.text(text)) }
                continue
            }
            switch tag.kind {
            case .variable(let escaped):
                nodes.append(.variable(TemplateName(tag.name), escaped: escaped, at: tag.position))
            case .section, .inverted:
                let inner = try content(until: tag)
                nodes.append(
                    .section(
                        TemplateName(tag.name), inverted: tag.kind == .inverted, content: Self.mergingText(inner),
                        at: tag.position))
            case .block:
                let inner = try content(until: tag)
                nodes.append(.block(Self.block(tag, content: Self.mergingText(inner))))
            case .parent:
                let inner = try content(until: tag)
                // Only blocks count inside a parent tag; other text is ignored.
                let blocks = inner.compactMap { node -> Block? in
                    if case .block(let block) = node { return block }
                    return nil
                }
                nodes.append(
                    .parent(
                        tag.name, indentation: tag.isStandalone ? tag.indentation : [], blocks: blocks,
                        at: tag.position))
            case .partial:
                nodes.append(
                    .partial(tag.name, indentation: tag.isStandalone ? tag.indentation : [], at: tag.position))
            case .close:
                guard let opener else {
                    throw TemplateError(tag.position, "'\(tag.name)' is closed but was never opened")
                }
                guard opener.name == tag.name else {
                    let at = "\(opener.position.line):\(opener.position.column)"
                    throw TemplateError(
                        tag.position,
                        "'\(tag.name)' is closed here, but '\(opener.name)' (opened at \(at)) is still open")
                }
                return nodes
            case .comment:
                continue
            }
        }
        if let opener { throw TemplateError(opener.position, "'\(opener.name)' is opened here but never closed") }
        return nodes
    }

    /// A block's indentation (see `Block.indentation`): on a standalone line,
    /// that of its first line of content, else of the tag itself; inline,
    /// the whitespace before the tag on its line.
    private static func block(_ tag: TemplateTokenizer.Tag, content: [TemplateNode]) -> Block {
        guard tag.isStandalone else {
            return Block(
                name: tag.name, content: content, position: tag.position, indentation: tag.linePrefix,
                indentsFirstLine: false)
        }
        var indentation = tag.indentation
        if case .text(let text)? = content.first {
            indentation = Array(text.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        }
        return Block(
            name: tag.name, content: content, position: tag.position, indentation: indentation, indentsFirstLine: true)
    }

    /// Adjacent text nodes joined into one.
    static func mergingText(_ nodes: [TemplateNode]) -> [TemplateNode] {
        var merged: [TemplateNode] = []
        for node in nodes {
            if case .text(let text) = node, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + text)
            } else {
                merged.append(node)
            }
        }
        return merged
    }
}
