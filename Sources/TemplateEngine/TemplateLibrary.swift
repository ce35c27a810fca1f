/// Every template of a theme, parsed once: what partials and parents name.
public struct TemplateLibrary: Sendable {
    var parsed: [String: [TemplateNode]]

    /// Parses each source; a template that does not parse is left out and
    /// its error returned.
    public init(sources: [String: String]) {
        self = Self.parse(sources).library
    }

    /// The templates that parse, and the errors of those that do not, by template and position.
    public struct Parsed: Sendable {
        public var library: TemplateLibrary
        public var errors: [TemplateError]
    }

    public static func parse(_ sources: [String: String]) -> Parsed {
        var parsed: [String: [TemplateNode]] = [:]
        var errors: [TemplateError] = []
        for (name, text) in sources {
            do {
                parsed[name] = try TemplateParser.parse(text)
            } catch {
                var error = error
                error.template = name
                errors.append(error)
            }
        }
        return Parsed(
            library: TemplateLibrary(parsed: parsed),
            errors: errors.sorted { ($0.template, $0.position) < ($1.template, $1.position) })
    }

    private init(parsed: [String: [TemplateNode]]) {
        self.parsed = parsed
    }

    public var names: [String] { parsed.keys.sorted() }

    /// Compiles `name` for values of `shape`.
    /// - Parameters:
    ///   - keys: the names of each key space (`strings` → every string key).
    ///   - shared: partials compiled against the values every kind of root value shares.
    ///
    /// Typed rules hold: unknown names, missing partials, sections over text
    /// and unescaped text are errors, each at its position.
    ///   - keyAdvice: per key space, how to define a key it lacks, said after "is not defined".
    public func compile(
        _ name: String, for shape: TemplateShape, keys: [String: Set<String>] = [:], shared: SharedPartials? = nil,
        keyAdvice: [String: @Sendable (String) -> String] = [:]
    ) -> Result<CompiledTemplate, TemplateFailure> {
        var compiler = TemplateCompiler(library: self, keys: keys, shared: shared, keyAdvice: keyAdvice)
        guard let nodes = parsed[name] else {
            return .failure(
                TemplateFailure(errors: [
                    TemplateError(
                        TemplatePosition(line: 1, column: 1), "template '\(name)' does not exist", template: name)
                ]))
        }
        let root = compiler.compile(nodes, in: TemplateCompiler.Scope(template: name, stack: [shape], overrides: nil))
        guard compiler.errors.isEmpty else {
            return .failure(
                TemplateFailure(
                    errors: compiler.errors.sorted { ($0.template, $0.position) < ($1.template, $1.position) }))
        }
        return .success(CompiledTemplate(root: root, sharedValues: shared?.read, usedKeys: compiler.usedKeys))
    }
}

/// Partials that every kind of root value includes (a page's head, its
/// header), compiled against the values all kinds share instead of each
/// kind's own: a name they use is one every kind has, and a mistake in them
/// is the same error whichever kind includes them.
public struct SharedPartials: Sendable {
    public var names: Set<String>
    /// The shape of the shared values.
    public var shape: TemplateShape
    /// The shared values of a root value.
    public var read: @Sendable (TemplateData) -> TemplateData
    /// The shapes of the root values that include these partials (every page kind): an error
    /// for a name some of them lack says which.
    public var including: [TemplateShape] = []

    public init(names: Set<String>, shape: TemplateShape, read: @escaping @Sendable (TemplateData) -> TemplateData) {
        self.names = names
        self.shape = shape
        self.read = read
    }
}

/// Every error found compiling one template.
public struct TemplateFailure: Error, Sendable {
    public var errors: [TemplateError]
}

/// A name looked up in a key space (`strings.home` in `partials/header`).
public struct KeyUse: Sendable, Hashable {
    public var space: String
    public var key: String
    public var template: String
}
