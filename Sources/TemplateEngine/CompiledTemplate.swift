/// A template compiled against the shape of its values: names resolved to
/// the frame and field that hold them, partials and parents expanded, text
/// merged into byte runs. Rendering only reads fields and appends bytes.
public struct CompiledTemplate: Sendable {
    let root: [Instruction]
    /// Partials that include themselves (through data that ends the
    /// recursion), compiled once and called by index.
    let shared: [[Instruction]]
    /// Every name the template (with its partials) looks up in a key space.
    public let usedKeys: [KeyUse]

    /// Renders with `data` as the only frame of the context stack.
    public func render(_ data: TemplateData, into output: inout HTMLOutput) {
        var stack: [TemplateData] = [data]
        stack.reserveCapacity(8)
        run(root, &stack, &output)
    }

    /// Renders a typed value.
    public func render(_ value: some TemplateObject, into output: inout HTMLOutput) {
        render(.object(value), into: &output)
    }

    private func run(_ instructions: [Instruction], _ stack: inout [TemplateData], _ output: inout HTMLOutput) {
        for instruction in instructions {
            switch instruction {
            case .text(let bytes):
                output.appendRaw(bytes)
            case .write(let access, let escaped):
                Self.write(access.resolve(in: stack), escaped: escaped, into: &output)
            case .section(let access, let inverted, let body):
                let value = access.resolve(in: stack)
                if inverted {
                    if !value.isTruthy { run(body, &stack, &output) }
                } else if case .list(let list) = value {
                    for index in 0..<list.templateCount {
                        stack.append(list.templateElement(index))
                        run(body, &stack, &output)
                        stack.removeLast()
                    }
                } else if value.isTruthy {
                    stack.append(value)
                    run(body, &stack, &output)
                    stack.removeLast()
                }
            case .call(let index):
                run(shared[index], &stack, &output)
            }
        }
    }

    private static func write(_ value: TemplateData, escaped: Bool, into output: inout HTMLOutput) {
        switch value {
        case .text(let text), .html(let text):
            if escaped { output.appendEscaped(text) } else { output.appendRaw(text) }
        case .writer(let writer):
            writer.write(into: &output)
        case .integer(let number):
            output.appendRaw(String(number))
        case .decimal(let number):
            output.appendRaw(number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number))
        case .bool(let flag):
            output.appendRaw(flag ? "true" : "false")
        case .none, .object, .list:
            break
        }
    }
}

/// One step of a compiled template.
indirect enum Instruction: Sendable {
    case text([UInt8])
    case write(Access, escaped: Bool)
    case section(Access, inverted: Bool, body: [Instruction])
    case call(Int)
}

/// Where a name's value is found at render time.
struct Access: Sendable {
    /// Frames to try, from the top of the stack; the first that answers wins.
    let candidates: [Candidate]
    /// Fields read after the first part of a dotted name.
    let rest: [Step]
    /// For a typed name (`page.title`, nearly all of them): the frame and
    /// the field indices, read without going through candidates and steps.
    private let fieldPath: (depth: Int, indices: [Int])?

    init(candidates: [Candidate], rest: [Step]) {
        self.candidates = candidates
        self.rest = rest
        var path: (depth: Int, indices: [Int])?
        if candidates.count == 1, case .known(let depth, .index(let first)) = candidates[0] {
            let indices = rest.compactMap { step -> Int? in if case .index(let index) = step { index } else { nil } }
            if indices.count == rest.count { path = (depth, [first] + indices) }
        }
        fieldPath = path
    }

    enum Candidate: Sendable {
        /// The frame `depth` below the top has the name: read it there.
        case known(depth: Int, Step)
        /// A dynamic frame may have it; if not, the next candidate is tried.
        case dynamic(depth: Int, name: String)
        /// `.`: the frame itself.
        case implicit
    }

    enum Step: Sendable {
        case index(Int)
        /// A key of a key space, by its slot (see `KeySlots`).
        case slot(Int)
        case name(String)

        func read(_ value: TemplateData) -> TemplateData {
            guard case .object(let object) = value else { return .none }
            switch self {
            case .index(let index): return object.templateField(index)
            case .slot(let slot): return object.templateField(slot: slot)
            case .name(let name): return object.templateField(named: name) ?? .none
            }
        }
    }

    func resolve(in stack: [TemplateData]) -> TemplateData {
        if let (depth, indices) = fieldPath {
            var value = stack[stack.count - 1 - depth]
            for index in indices {
                guard case .object(let object) = value else { return .none }
                value = object.templateField(index)
            }
            return value
        }
        var value = TemplateData.none
        search: for candidate in candidates {
            switch candidate {
            case .implicit:
                value = stack[stack.count - 1]
                break search
            case .known(let depth, let step):
                value = step.read(stack[stack.count - 1 - depth])
                break search
            case .dynamic(let depth, let name):
                if case .object(let object) = stack[stack.count - 1 - depth],
                    let found = object.templateField(named: name)
                {
                    value = found
                    break search
                }
            }
        }
        for step in rest {
            value = step.read(value)
        }
        return value
    }
}
