/// Finds a key a mapping names twice, which YAML forbids and an editor should hear about: the
/// second value would otherwise silently win. Keys are text (the composer refuses others).
enum DuplicateKeys {
    /// The error for the smallest key named twice among `keys`, at its first place; nil if none is.
    static func first(in keys: some RandomAccessCollection<YAMLNode.Scalar>) -> YAMLSyntaxError? {
        var repeated: [YAMLNode.Scalar] = []
        if keys.count <= 16 {
            // A few keys, as in most front matter: compared pair by pair, with no table to build.
            for (index, key) in keys.enumerated() {
                if let first = keys.prefix(index).first(where: { $0.string == key.string }) { repeated.append(first) }
            }
        } else {
            var firstPlace: [String: YAMLNode.Scalar] = [:]
            for key in keys {
                if let first = firstPlace[key.string] { repeated.append(first) } else { firstPlace[key.string] = key }
            }
        }
        return repeated.min { $0.string < $1.string }.map { .duplicateKey($0.string, mark: $0.mark) }
    }
}
