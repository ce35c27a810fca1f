/// Where something is in a template's text: 1-based line and column
/// (columns count Unicode scalars).
public struct TemplatePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A dotted name as written in a tag: `page.title`, or `.` for the current value.
public struct TemplateName: Sendable, Hashable, CustomStringConvertible {
    /// Empty for `.`, the implicit iterator.
    public var parts: [String]

    init(_ text: String) {
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    public var isImplicit: Bool { parts.isEmpty }
    public var description: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
}

/// One parsed template: text and tags in a tree (sections, parents and
/// blocks hold their content).
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(TemplateName, escaped: Bool, at: TemplatePosition)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(TemplateName, inverted: Bool, content: [TemplateNode], at: TemplatePosition)
    /// `{{>name}}`; `indentation` is the whitespace before a standalone tag.
    case partial(String, indentation: [UInt8], at: TemplatePosition)
    /// `{{<name}}…{{/name}}`: the blocks inside override the parent's.
    case parent(String, indentation: [UInt8], blocks: [Block], at: TemplatePosition)
    /// `{{$name}}default{{/name}}` in a template: a place a child may fill.
    case block(Block)
}

/// `{{$name}}…{{/name}}`, as a parent's parameter (its default content) or as
/// the argument a child passes to it.
struct Block: Sendable {
    var name: String
    var content: [TemplateNode]
    var position: TemplatePosition
    /// How lines of this block are indented: where it is defined, the
    /// indentation its content's lines carry (removed from an argument);
    /// where it is expanded, the indentation an argument's lines receive.
    /// Nil when text precedes the tag on its line.
    var indentation: [UInt8]?
    /// False when the opening tag shares its line with text or output: the
    /// argument's first line then follows that text, unindented.
    var indentsFirstLine: Bool
}
