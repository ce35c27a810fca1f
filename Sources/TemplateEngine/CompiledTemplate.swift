/// A template compiled against the shape of its values: names resolved to
/// the frame and field that hold them, partials and parents expanded, text
/// merged into byte runs. Rendering only reads fields and appends bytes.
public struct CompiledTemplate: Sendable {
    let root: [Instruction]
    /// Reads the shared values of the root value, for `Instruction.shared`.
    let sharedValues: (@Sendable (TemplateData) -> TemplateData)?
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
        // By index: `for … in` copies each step out of the array, retaining what it holds.
        for index in instructions.indices {
            switch instructions[index] {
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
            case .shared(let body):
                stack.append(sharedValues?(stack[0]) ?? .none)
                run(body, &stack, &output)
                stack.removeLast()
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
        case .bool(let flag):
            output.appendRaw(flag ? "true" : "false")
        case .none, .object, .list:
            break
        }
    }
}

/// One step of a compiled template. Not `indirect`: a section's body is an array, a reference
/// already, and a boxed case would be one more retain and release for every step rendered.
enum Instruction: Sendable {
    case text([UInt8])
    case write(Access, escaped: Bool)
    case section(Access, inverted: Bool, body: [Instruction])
    /// A shared partial: `body` runs with the root value's shared values on top of the stack.
    case shared(body: [Instruction])
}

/// Where a name's value is found at render time: a frame of the context
/// stack, then the fields read from it, one per part of a dotted name.
struct Access: Sendable {
    /// The frame, counted from the top of the stack.
    let depth: Int
    /// Empty for `.`, the frame itself.
    let steps: [Step]

    enum Step: Sendable {
        case index(Int)
        /// A key of a key space, by its slot (see `KeySlots`).
        case slot(Int)
        /// Whether the list at this field index has elements (`hasTags`).
        case nonEmpty(Int)
    }

    func resolve(in stack: [TemplateData]) -> TemplateData {
        let frame = stack.count - 1 - depth
        guard !steps.isEmpty else { return stack[frame] }
        // The frame is read in place, not copied first: most names are one field of it.
        guard case .object(let object) = stack[frame] else { return .none }
        var value = Self.read(steps[0], of: object)
        var next = 1
        while next < steps.count {
            guard case .object(let inner) = value else { return .none }
            value = Self.read(steps[next], of: inner)
            next += 1
        }
        return value
    }

    @inline(__always)
    private static func read(_ step: Step, of object: any TemplateObject) -> TemplateData {
        switch step {
        case .index(let index): object.templateField(index)
        case .slot(let slot): object.templateField(slot: slot)
        case .nonEmpty(let index): .bool(object.templateField(index).isTruthy)
        }
    }
}
