/// A YAML value as written, with where it starts: what `YAMLComposer` makes of a document.
/// Scalars stay text (typed values are read by `YAMLMapping`, field by field), and an alias is
/// the value its anchor names.
public enum YAMLNode: Sendable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// A 1-based line and column of the YAML text (columns count characters, as libyaml does).
    public struct Mark: Sendable, Equatable {
        public let line: Int
        public let column: Int
    }

    public struct Scalar: Sendable {
        public enum Style: Sendable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        public let string: String
        public let style: Style
        public let mark: Mark
    }

    /// The items of a list, in order.
    public struct Sequence: RandomAccessCollection, Sendable {
        let items: [YAMLNode]
        public let mark: Mark

        public var startIndex: Int { items.startIndex }
        public var endIndex: Int { items.endIndex }
        public subscript(position: Int) -> YAMLNode { items[position] }
    }

    /// The `key: value` pairs of a mapping, in file order. Keys are text, none written twice: the
    /// composer refuses other mappings.
    public struct Mapping: RandomAccessCollection, Sendable {
        let pairs: [(key: Scalar, value: YAMLNode)]
        public let mark: Mark

        public var startIndex: Int { pairs.startIndex }
        public var endIndex: Int { pairs.endIndex }
        public subscript(position: Int) -> (key: Scalar, value: YAMLNode) { pairs[position] }
    }

    public var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(let sequence): sequence.mark
        case .mapping(let mapping): mapping.mark
        }
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }
}
