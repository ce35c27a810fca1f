import CLibYAML

/// Why a text is not a YAML document `YAMLComposer` accepts, with libyaml's own words and marks
/// (`YAMLErrorMapper` turns the common ones into plain advice).
public enum YAMLSyntaxError: Error, Sendable {
    /// Where libyaml gave up: reading tokens, parsing them into events, or composing nodes.
    public enum Stage: Sendable {
        case scanner, parser, composer
    }

    /// What libyaml was reading when it stopped ("while parsing a flow sequence") and where that began.
    public struct Context: Sendable {
        public let text: String
        public let mark: YAMLNode.Mark
    }

    case syntax(Stage, context: Context?, problem: String, mark: YAMLNode.Mark)
    /// The bytes are not text libyaml reads (invalid UTF-8, a control character).
    case reader(problem: String)
    /// A mapping names `key` twice (the smallest such key, if several); `mark` is its first place.
    case duplicateKey(String, mark: YAMLNode.Mark)
    /// A mapping's key is a list or a mapping; `mark` is where it starts.
    case keyNotText(mark: YAMLNode.Mark)
    case tooDeep(limit: Int, mark: YAMLNode.Mark)
    case outOfMemory

    /// The error libyaml's `parser` has stopped with.
    init(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let mark = YAMLNode.Mark(line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
        let context = parser.context.map {
            Context(
                text: String(cString: $0),
                mark: YAMLNode.Mark(line: parser.context_mark.line + 1, column: parser.context_mark.column + 1))
        }
        switch parser.error {
        case YAML_READER_ERROR: self = .reader(problem: problem)
        case YAML_SCANNER_ERROR: self = .syntax(.scanner, context: context, problem: problem, mark: mark)
        case YAML_PARSER_ERROR: self = .syntax(.parser, context: context, problem: problem, mark: mark)
        case YAML_COMPOSER_ERROR: self = .syntax(.composer, context: context, problem: problem, mark: mark)
        default: self = .outOfMemory
        }
    }
}
