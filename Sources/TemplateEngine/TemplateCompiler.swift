import SiteSupport

/// Compiles parsed templates against the shapes of their values: resolves
/// every name to where it lives, expands partials and parents in place, and
/// reports each mistake at its position with a suggestion.
struct TemplateCompiler {
    let library: TemplateLibrary
    let keys: [String: Set<String>]
    let shared: SharedPartials?
    /// Per key space, how to define a key it lacks (`strings` → add it to locale.yml).
    let keyAdvice: [String: @Sendable (String) -> String]
    /// Each key's slot in its space (`KeySlots.order`): keyed names compile to it.
    private let slots: [String: [String: Int]]
    private(set) var errors: [TemplateError] = []
    /// Templates being expanded, innermost last: a loop among them is an error.
    private var expanding: [String] = []
    /// Every name looked up in a key space, with the template it is written in.
    private(set) var usedKeys: [KeyUse] = []

    private static let maximumDepth = 64

    init(
        library: TemplateLibrary, keys: [String: Set<String>], shared: SharedPartials?,
        keyAdvice: [String: @Sendable (String) -> String] = [:]
    ) {
        self.library = library
        self.keys = keys
        self.shared = shared
        self.keyAdvice = keyAdvice
        slots = keys.mapValues { Dictionary(uniqueKeysWithValues: KeySlots.order($0).enumerated().map { ($1, $0) }) }
    }

    /// Where compilation is: which template's text, the shapes of the
    /// context stack (top last), the lowest frame its names may be found in,
    /// and the block arguments in force.
    struct Scope {
        var template: String
        var stack: [TemplateShape]
        /// Above 0 inside a shared partial: the frames below its shared values are not its to name.
        var visibleFrom = 0
        var overrides: Overrides?
        /// The templates that include this one, outermost first, each at the tag that includes.
        var includedFrom: [TemplateInclusion] = []

        /// The frames its names may be found in.
        var visibleStack: [TemplateShape] { Array(stack[visibleFrom...]) }
    }

    /// The arguments of a parent call, and those of the calls around it:
    /// the outermost argument for a name wins.
    final class Overrides: Sendable {
        /// Each argument, with the arguments in force and the template where it was written.
        let arguments: [String: Argument]
        let outer: Overrides?

        struct Argument: Sendable {
            var block: Block
            var scope: Overrides?
            var template: String
            /// The frames its names may be found in: those of the template it is written in.
            var visibleFrom: Int
            /// How the template it is written in was included.
            var includedFrom: [TemplateInclusion] = []
        }

        init(arguments: [String: Argument], outer: Overrides?) {
            self.arguments = arguments
            self.outer = outer
        }

        func argument(_ name: String) -> Argument? {
            outer?.argument(name) ?? arguments[name]
        }
    }

    mutating func compile(_ nodes: [TemplateNode], in scope: Scope) -> [Instruction] {
        var instructions: [Instruction] = []
        for node in nodes {
            switch node {
            case .text(let text):
                if case .text(let previous)? = instructions.last {
                    instructions[instructions.count - 1] = .text(previous + text)
                } else {
                    instructions.append(.text(text))
                }
            case .variable(let name, let escaped, let position):
                guard let resolved = resolve(name, at: position, in: scope) else { continue }
                checkOutput(resolved.shape, name: name, escaped: escaped, at: position, in: scope)
                instructions.append(.write(resolved.access, escaped: escaped))
            case .section(let name, let inverted, let content, let position):
                guard let resolved = resolve(name, at: position, in: scope),
                    let element = sectionElement(
                        resolved.shape, name: name, inverted: inverted, at: position, in: scope)
                else { continue }
                var inner = scope
                // An inverted section's content renders only when there is no value to push.
                if !inverted { inner.stack.append(element) }
                instructions.append(.section(resolved.access, inverted: inverted, body: compile(content, in: inner)))
            case .partial(let name, let indentation, let position):
                let reindent = Reindentation(strip: [], add: indentation, stripsFirstLine: false, addsFirstLine: true)
                instructions += include(name, reindent: reindent, overrides: scope.overrides, at: position, in: scope)
            case .parent(let name, let indentation, let blocks, let position):
                let arguments = Dictionary(
                    blocks.map {
                        (
                            $0.name,
                            Overrides.Argument(
                                block: $0, scope: scope.overrides, template: scope.template,
                                visibleFrom: scope.visibleFrom, includedFrom: scope.includedFrom)
                        )
                    }, uniquingKeysWith: { first, _ in first }
                )
                let overrides = Overrides(arguments: arguments, outer: scope.overrides)
                let reindent = Reindentation(strip: [], add: indentation, stripsFirstLine: false, addsFirstLine: true)
                instructions += include(name, reindent: reindent, overrides: overrides, at: position, in: scope)
            case .block(let block):
                instructions += expand(block, in: scope)
            }
        }
        return instructions
    }

    /// A block where a template is expanded: the argument passed for it,
    /// moved to the block's indentation, or else its own content.
    private mutating func expand(_ block: Block, in scope: Scope) -> [Instruction] {
        guard let argument = scope.overrides?.argument(block.name) else {
            return compile(block.content, in: scope)
        }
        let reindent = Reindentation(
            strip: argument.block.indentation ?? [], add: block.indentation ?? [],
            stripsFirstLine: argument.block.indentsFirstLine, addsFirstLine: block.indentsFirstLine
        )
        // The argument's text is its own template's: its mistakes are reported there.
        var inner = scope
        inner.overrides = argument.scope
        inner.template = argument.template
        inner.visibleFrom = argument.visibleFrom
        inner.includedFrom = argument.includedFrom
        return compile(reindent.apply(to: argument.block.content), in: inner)
    }

    /// A partial or parent, compiled in place. One that includes itself is an
    /// error: typed values would need a deeper type at each level.
    private mutating func include(
        _ name: String, reindent: Reindentation, overrides: Overrides?, at position: TemplatePosition, in scope: Scope
    ) -> [Instruction] {
        guard let nodes = library.parsed[name] else {
            let suggestion = Suggestion.closest(to: name, in: library.names).map { " (did you mean '\($0)'?)" } ?? ""
            error(position, "partial '\(name)' does not exist\(suggestion)", in: scope)
            return []
        }
        guard expanding.count < Self.maximumDepth else {
            error(
                position,
                "templates include each other without end: \((expanding.suffix(4) + [name]).joined(separator: " > "))",
                in: scope)
            return []
        }
        var inner = Scope(
            template: name, stack: scope.stack, visibleFrom: scope.visibleFrom, overrides: overrides,
            includedFrom: scope.includedFrom + [TemplateInclusion(template: scope.template, position: position)])
        expanding.append(name)
        defer { expanding.removeLast() }
        guard let shared, shared.names.contains(name) else { return compile(reindent.apply(to: nodes), in: inner) }
        // A shared partial names only the shared values, pushed above the frames it cannot see.
        inner.stack.append(shared.shape)
        inner.visibleFrom = scope.stack.count
        return [.shared(body: compile(reindent.apply(to: nodes), in: inner))]
    }

    // MARK: Names

    /// Where `name` lives and its shape; nil (with an error) if nowhere.
    private mutating func resolve(_ name: TemplateName, at position: TemplatePosition, in scope: Scope)
        -> ResolvedName?
    {
        guard let first = name.parts.first else {
            return ResolvedName(access: Access(depth: 0, steps: []), shape: scope.stack[scope.stack.count - 1])
        }
        guard let found = frame(holding: first, in: scope) else {
            let visible = visibleNames(in: scope.visibleStack)
            let suggestion =
                Suggestion.closest(to: name.description, in: visible).map { " (did you mean '\($0)'?)" } ?? ""
            error(position, notAValue(name, in: scope) + suggestion, in: scope)
            return nil
        }
        var current = found.shape
        var steps = found.access.steps
        for (offset, part) in name.parts.dropFirst().enumerated() {
            let path = name.parts.prefix(offset + 1).joined(separator: ".")
            switch current.unwrapped {
            case .object(let object):
                guard let field = Self.field(part, of: object) else {
                    let names = object.fields.map { "\(path).\($0.name)" }
                    let suggestion =
                        Suggestion.closest(to: "\(path).\(part)", in: names).map { " (did you mean '\($0)'?)" } ?? ""
                    error(position, notAValue(name, in: scope) + suggestion, in: scope)
                    return nil
                }
                steps.append(field.step)
                // Through an optional, the value may be absent: the result is too.
                current = isOptional(current) && !isOptional(field.shape) ? .optional(field.shape) : field.shape
            case .keyed(let space, let value):
                guard let slot = slots[space]?[part] else {
                    let suggestion =
                        Suggestion.closest(to: part, in: keys[space] ?? []).map { " (did you mean '\(path).\($0)'?)" }
                    let advice = keyAdvice[space].map { (suggestion == nil ? "; " : "; or ") + $0(part) } ?? ""
                    error(
                        position,
                        "'\(path).\(part)' is not defined: no \(space) has the key '\(part)'"
                            + (suggestion ?? "") + advice,
                        in: scope)
                    return nil
                }
                usedKeys.append(KeyUse(space: space, key: part, template: scope.template))
                steps.append(.slot(slot))
                current = value
            default:
                error(position, "'\(path)' is \(current.kindName): it has no value '\(part)'", in: scope)
                return nil
            }
        }
        return ResolvedName(access: Access(depth: found.access.depth, steps: steps), shape: current)
    }

    /// The field `name` of `object`: one of its own, or `has<List>` (`hasTags`), the flag that a list
    /// field (`tags`) is not empty, for a wrapper shown only around a list that has elements.
    static func field(_ name: String, of object: ObjectShape) -> FieldRead? {
        if let index = object.index(of: name) {
            return FieldRead(step: .index(index), shape: object.fields[index].shape)
        }
        guard let list = ListFlag.listName(name), let index = object.index(of: list),
            case .list = object.fields[index].shape
        else { return nil }
        return FieldRead(step: .nonEmpty(index), shape: .bool)
    }

    /// The frame nearest the top of the stack that has the name `first`: the name read there
    /// (the frame's depth and one step), and the name's shape.
    private mutating func frame(holding first: String, in scope: Scope) -> ResolvedName? {
        for depth in 0..<(scope.stack.count - scope.visibleFrom) {
            switch scope.stack[scope.stack.count - 1 - depth].unwrapped {
            case .object(let object):
                if let field = Self.field(first, of: object) {
                    return ResolvedName(access: Access(depth: depth, steps: [field.step]), shape: field.shape)
                }
            case .keyed(let space, let value):
                if let slot = slots[space]?[first] {
                    usedKeys.append(KeyUse(space: space, key: first, template: scope.template))
                    return ResolvedName(access: Access(depth: depth, steps: [.slot(slot)]), shape: value)
                }
            default:
                continue
            }
        }
        return nil
    }

    /// "'page.tags' is not a value of topic pages"; in a shared partial, also which kinds of page
    /// have it and which do not, and where to use it instead.
    private func notAValue(_ name: TemplateName, in scope: Scope) -> String {
        let plain = "'\(name)' is not a value of \(describe(scope.visibleStack))"
        guard scope.visibleFrom > 0, let shared, !shared.including.isEmpty else { return plain }
        let having = shared.including.filter { Self.names(name, in: $0) }
        guard !having.isEmpty else { return plain }
        let lacking = shared.including.filter { !Self.names(name, in: $0) }
        let kinds = { (shapes: [TemplateShape]) in
            Self.listed(
                shapes.map { shape -> String in
                    if case .object(let object) = shape.unwrapped { return object.displayName }
                    return shape.kindName
                })
        }
        return
            "'\(name)' is not a value of every page: \(kinds(having)) have it, but \(kinds(lacking)) do not. "
            + "'\(scope.template)' is rendered for every kind of page, so it may name only what all of them have; "
            + "use '\(name)' in the templates of the pages that have it instead"
    }

    /// "a, b and c".
    private static func listed(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// Whether the dotted `name` reads a value of `shape` (fields and `has<List>` flags only).
    private static func names(_ name: TemplateName, in shape: TemplateShape) -> Bool {
        var current = shape
        for part in name.parts {
            guard case .object(let object) = current.unwrapped, let field = field(part, of: object) else {
                return false
            }
            current = field.shape
        }
        return true
    }

    private func isOptional(_ shape: TemplateShape) -> Bool {
        if case .optional = shape { return true }
        return false
    }

    // MARK: Typed rules

    /// `{{name}}` prints text or numbers, escaped; `{{{name}}}` prints HTML.
    private mutating func checkOutput(
        _ shape: TemplateShape, name: TemplateName, escaped: Bool, at position: TemplatePosition, in scope: Scope
    ) {
        switch (shape.unwrapped, escaped) {
        case (.text, true), (.number, _), (.html, false):
            return
        case (.html, true):
            error(position, "'\(name)' is HTML: write {{{\(name)}}} to insert it as HTML", in: scope)
        case (.text, false):
            error(position, "'\(name)' is text: {{{\(name)}}} would insert it unescaped; write {{\(name)}}", in: scope)
        default:
            error(
                position,
                "'\(name)' is \(shape.kindName), which cannot be printed; use it as a section: "
                    + "{{#\(name)}}…{{/\(name)}}",
                in: scope)
        }
    }

    /// The shape a section pushes while its content renders; nil (with an
    /// error) for a section over a value that is neither a list, a flag
    /// nor optional.
    private mutating func sectionElement(
        _ shape: TemplateShape, name: TemplateName, inverted: Bool, at position: TemplatePosition, in scope: Scope
    ) -> TemplateShape? {
        switch shape {
        case .list(let element): return element
        case .optional(let inner): return inner
        case .bool: return shape
        default:
            let tag = inverted ? "^" : "#"
            error(
                position,
                "'\(name)' is \(shape.kindName), not a list, a flag or an optional value: {{\(tag)\(name)}} cannot "
                    + "test it",
                in: scope)
            return nil
        }
    }

    // MARK: Errors

    private mutating func error(_ position: TemplatePosition, _ message: String, in scope: Scope) {
        var error = TemplateError(position, message, template: scope.template)
        error.includedFrom = scope.includedFrom
        errors.append(error)
    }

    /// "topic pages", or "links or topic pages" inside a section over links.
    private func describe(_ stack: [TemplateShape]) -> String {
        let names = stack.reversed().compactMap { frame -> String? in
            if case .object(let object) = frame.unwrapped { return object.displayName }
            return nil
        }
        return names.isEmpty ? "this template's values" : names.joined(separator: " or ")
    }

    /// Every dotted name reachable from the stack, for suggestions.
    private func visibleNames(in stack: [TemplateShape]) -> [String] {
        stack.flatMap { frame -> [String] in
            switch frame.unwrapped {
            case .object(let object):
                return object.fields.flatMap { field -> [String] in
                    var names = [field.name]
                    if case .object(let inner) = field.shape.unwrapped {
                        names += inner.fields.map { "\(field.name).\($0.name)" }
                    }
                    if case .keyed(let space, _) = field.shape {
                        names += (keys[space] ?? []).map { "\(field.name).\($0)" }
                    }
                    return names
                }
            default:
                return []
            }
        }
    }
}

/// Where a name's value is read from the stack, and its shape.
struct ResolvedName {
    let access: Access
    let shape: TemplateShape
}

/// How a field of an object is read (its own, or a list's `has<List>` flag), and its shape.
struct FieldRead {
    let step: Access.Step
    let shape: TemplateShape
}
