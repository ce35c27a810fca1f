import CLibYAML
import SiteSupport

/// One YAML document → a `YAMLNode`, from libyaml's parser events.
///
/// Every page's front matter goes through here, so each event is read in place and each value
/// costs its own text and little else: Yams, which this replaced, made an object for every event
/// and tag and hashed every key to find one written twice, about two fifths of the loading
/// stage's processor time at 10,000 topics (docs/BENCHMARKS.md).
public struct YAMLComposer: ~Copyable {
    /// Deeper than this, a document is refused: the composer recurses once per level, and a
    /// contributor's file of nothing but `[` must not exhaust a thread's stack.
    public static let maximumDepth = 256

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The current event: the parser writes each over the last (a pointer, so that `deinit`,
    /// which cannot mutate `self`, can free what it holds).
    private let current: UnsafeMutablePointer<yaml_event_t>
    private let initialized: Bool
    private var anchors: [String: YAMLNode] = [:]
    private var depth = 0

    /// The document `text` holds (nil: none), or why it is not YAML.
    public static func compose(_ text: String) -> Result<YAMLNode?, YAMLSyntaxError> {
        text.withUTF8Bytes { bytes in
            var composer = YAMLComposer(bytes)
            return Result { () throws(YAMLSyntaxError) in try composer.singleDocument() }
        }
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        current = .allocate(capacity: 1)
        current.initialize(to: yaml_event_t())
        // Fails only when out of memory (and leaves nothing to free but the parser's own memory).
        initialized = yaml_parser_initialize(parser) == 1
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_event_delete(current)
        current.deallocate()
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The stream's one document: a second is an error (front matter and settings files hold one).
    private mutating func singleDocument() throws(YAMLSyntaxError) -> YAMLNode? {
        guard initialized else { throw .outOfMemory }
        try next()  // the stream's start
        try next()
        guard event.type == YAML_DOCUMENT_START_EVENT else { return nil }
        try next()
        let root = try node()
        try next()  // the document's end
        try next()
        if event.type != YAML_STREAM_END_EVENT {
            throw .syntax(
                .composer,
                context: .init(text: "expected a single document in the stream", mark: .init(line: 1, column: 1)),
                problem: "but found another document", mark: startMark)
        }
        return root
    }

    /// Replaces the current event with the next one.
    private mutating func next() throws(YAMLSyntaxError) {
        yaml_event_delete(current)
        guard yaml_parser_parse(parser, current) == 1 else { throw YAMLSyntaxError(parser.pointee) }
    }

    /// The node the current event starts; the current event is then its last.
    private mutating func node() throws(YAMLSyntaxError) -> YAMLNode {
        let mark = startMark
        switch event.type {
        case YAML_ALIAS_EVENT:
            guard let found = anchors[String(cString: event.data.alias.anchor)] else {
                throw .syntax(.composer, context: nil, problem: "found undefined alias", mark: mark)
            }
            return found
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return remember(
                .scalar(.init(string: text, style: Self.style(scalar.style), mark: mark)), as: Self.name(scalar.anchor)
            )
        case YAML_SEQUENCE_START_EVENT:
            // The anchor's name is read before the items replace the event that holds it.
            let anchor = Self.name(event.data.sequence_start.anchor)
            return remember(.sequence(.init(items: try items(), mark: mark)), as: anchor)
        case YAML_MAPPING_START_EVENT:
            let anchor = Self.name(event.data.mapping_start.anchor)
            return remember(.mapping(.init(pairs: try pairs(), mark: mark)), as: anchor)
        default:
            throw .syntax(.composer, context: nil, problem: "found an unexpected event", mark: mark)
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }

    /// `node`, kept for the aliases after it that name `anchor` (a later anchor of the same name
    /// hides it).
    private mutating func remember(_ node: YAMLNode, as anchor: String?) -> YAMLNode {
        if let anchor { anchors[anchor] = node }
        return node
    }

    /// A sequence's items, from its start event to its end.
    private mutating func items() throws(YAMLSyntaxError) -> [YAMLNode] {
        try enter()
        var items: [YAMLNode] = []
        try next()
        while event.type != YAML_SEQUENCE_END_EVENT {
            items.append(try node())
            try next()
        }
        depth -= 1
        return items
    }

    /// A mapping's pairs, from its start event to its end; a key that is not text, or is written
    /// twice, is an error.
    private mutating func pairs() throws(YAMLSyntaxError) -> [(key: YAMLNode.Scalar, value: YAMLNode)] {
        try enter()
        var pairs: [(key: YAMLNode.Scalar, value: YAMLNode)] = []
        try next()
        while event.type != YAML_MAPPING_END_EVENT {
            // A list or mapping as a key (`? [a, b]`) names nothing a reader of these files looks up.
            let key = try node()
            guard case .scalar(let text) = key else { throw .keyNotText(mark: key.mark) }
            try next()
            pairs.append((text, try node()))
            try next()
        }
        depth -= 1
        if let repeated = DuplicateKeys.first(in: pairs.lazy.map(\.key)) { throw repeated }
        return pairs
    }

    private mutating func enter() throws(YAMLSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw .tooDeep(limit: Self.maximumDepth, mark: startMark) }
    }

    private var event: yaml_event_t { current.pointee }

    private var startMark: YAMLNode.Mark {
        .init(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
