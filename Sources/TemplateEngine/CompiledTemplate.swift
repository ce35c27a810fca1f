/// A template compiled against the shape of its values: names resolved to
/// the frame and field that hold them, partials and parents expanded, text
/// merged into byte runs. Rendering only reads fields and appends bytes.
public struct CompiledTemplate: Sendable {
    /// The instructions, laid out flat (see `FlatProgram`).
    let program: FlatProgram
    /// Reads the shared values of the root value, for `FlatProgram.Operation.shared`.
    let sharedValues: (@Sendable (TemplateData) -> TemplateData)?
    /// Every name the template (with its partials) looks up in a key space.
    public let usedKeys: [KeyUse]

    init(
        root: [Instruction], sharedValues: (@Sendable (TemplateData) -> TemplateData)?, usedKeys: [KeyUse]
    ) {
        program = FlatProgram(root)
        self.sharedValues = sharedValues
        self.usedKeys = usedKeys
    }

    /// Renders with `data` as the only frame of the context stack.
    public func render(_ data: TemplateData, into output: inout HTMLOutput) {
        var stack: [TemplateData] = [data]
        stack.reserveCapacity(8)
        program.operations.withUnsafeBufferPointer { operations in
            program.text.withUnsafeBufferPointer { text in
                program.steps.withUnsafeBufferPointer { steps in
                    let code = FlatProgram.Code(operations: operations, text: text, steps: steps)
                    run(code, 0..<operations.count, &stack, top: data.frameObject, &output)
                }
            }
        }
    }

    /// Renders a typed value.
    public func render(_ value: some TemplateObject, into output: inout HTMLOutput) {
        render(.object(value), into: &output)
    }

    /// Runs `range` with `stack` as the context; `top` is the object of its top frame (`NoFields` if
    /// that frame is not an object). Names of the top frame, most names, are read through `top`, a
    /// parameter: reading a frame from the stack copied it, retaining and releasing its object for
    /// every name (7 % of the pages stage's instructions at 40 locales).
    private func run(
        _ code: FlatProgram.Code, _ range: Range<Int>, _ stack: inout [TemplateData], top: any TemplateObject,
        _ output: inout HTMLOutput
    ) {
        var index = range.lowerBound
        while index < range.upperBound {
            switch code.operations[index] {
            case .text(let start, let count):
                output.appendRaw(UnsafeBufferPointer(rebasing: code.text[start..<start + count]))
                index += 1
            case .write(let name, let escaped):
                code.write(name, escaped: escaped, in: stack, top: top, into: &output)
                index += 1
            case .section(let name, let inverted, let end):
                let value = code.resolve(name, in: stack, top: top)
                let body = index + 1..<end
                if inverted {
                    if !value.isTruthy { run(code, body, &stack, top: top, &output) }
                } else {
                    // Consumed, not copied: the value moves onto the stack, or its list out of it, and
                    // a frame's object is read before the frame moves (read after, the frame was
                    // copied onto the stack and destroyed, for every element of every list).
                    switch consume value {
                    case .list(let list):
                        for element in 0..<list.templateCount {
                            let frame = list.templateElement(element)
                            let frameTop = frame.frameObject
                            stack.append(consume frame)
                            run(code, body, &stack, top: frameTop, &output)
                            stack.removeLast()
                        }
                    case let other where other.isTruthy:
                        let frameTop = other.frameObject
                        stack.append(consume other)
                        run(code, body, &stack, top: frameTop, &output)
                        stack.removeLast()
                    default:
                        break
                    }
                }
                index = end
            case .shared(let end):
                let shared = sharedValues?(stack[0]) ?? .none
                stack.append(shared)
                run(code, index + 1..<end, &stack, top: shared.frameObject, &output)
                stack.removeLast()
                index = end
            }
        }
    }
}

/// The compiled instructions in three flat arrays of plain values: operations, whose section
/// bodies are the operations that follow them up to their end; the text they write, as ranges of
/// one byte array; and the steps of their names. Rendering reads them through buffer pointers and
/// retains nothing for a step: the tree of `Instruction`s it was made from held arrays in its
/// cases, and reading each case retained them (a third of rendering's time was reference counting).
struct FlatProgram: Sendable {
    private(set) var operations: [Operation] = []
    private(set) var text: [UInt8] = []
    private(set) var steps: [Access.Step] = []

    enum Operation: Sendable {
        case text(start: Int, count: Int)
        case write(Name, escaped: Bool)
        /// The body is the operations after this one, up to `end`.
        case section(Name, inverted: Bool, end: Int)
        case shared(end: Int)
    }

    /// An `Access` whose steps are `steps[start..<start + count]`.
    struct Name: Sendable {
        let depth: Int
        let start: Int
        let count: Int
    }

    init(_ instructions: [Instruction]) {
        append(instructions)
    }

    private mutating func append(_ instructions: [Instruction]) {
        for instruction in instructions {
            switch instruction {
            case .text(let bytes):
                operations.append(.text(start: text.count, count: bytes.count))
                text += bytes
            case .write(let access, let escaped):
                operations.append(.write(name(access), escaped: escaped))
            case .section(let access, let inverted, let body):
                // The name once: each `name(_:)` stores the access's steps.
                let (at, sectionName) = (operations.count, name(access))
                operations.append(.section(sectionName, inverted: inverted, end: at))
                append(body)
                operations[at] = .section(sectionName, inverted: inverted, end: operations.count)
            case .shared(let body):
                let at = operations.count
                operations.append(.shared(end: at))
                append(body)
                operations[at] = .shared(end: operations.count)
            }
        }
    }

    private mutating func name(_ access: Access) -> Name {
        defer { steps += access.steps }
        return Name(depth: access.depth, start: steps.count, count: access.steps.count)
    }

    /// The arrays as buffers, for the time of one rendering.
    struct Code {
        let operations: UnsafeBufferPointer<Operation>
        let text: UnsafeBufferPointer<UInt8>
        let steps: UnsafeBufferPointer<Access.Step>

        /// Where `name`'s value is: its frame of the stack (the top one's object is `top`), then the
        /// fields its steps read.
        func resolve(_ name: Name, in stack: [TemplateData], top: any TemplateObject) -> TemplateData {
            let frame = stack.count - 1 - name.depth
            guard name.count > 0 else { return stack[frame] }
            var value: TemplateData
            if name.depth == 0 {
                value = Access.read(steps[name.start], of: top)
            } else {
                guard case .object(let object) = stack[frame] else { return .none }
                value = Access.read(steps[name.start], of: object)
            }
            var next = name.start + 1
            while next < name.start + name.count {
                guard case .object(let inner) = value else { return .none }
                value = Access.read(steps[next], of: inner)
                next += 1
            }
            return value
        }

        /// Writes `name`'s value. A field of the top frame's object, the usual name, is written by the
        /// object itself: its value is not made, retained and released to be written.
        func write(
            _ name: Name, escaped: Bool, in stack: [TemplateData], top: any TemplateObject,
            into output: inout HTMLOutput
        ) {
            if name.depth == 0, name.count == 1, case .index(let field) = steps[name.start] {
                top.writeTemplateField(field, escaped: escaped, into: &output)
            } else {
                resolve(name, in: stack, top: top).write(escaped: escaped, into: &output)
            }
        }
    }
}

/// One step of a compiled template, as the compiler makes it: a tree, whose sections hold their
/// bodies. `FlatProgram` lays it out flat once; rendering never reads it.
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

    @inline(__always)
    static func read(_ step: Step, of object: any TemplateObject) -> TemplateData {
        switch step {
        case .index(let index): object.templateField(index)
        case .slot(let slot): object.templateField(slot: slot)
        // `.none` from an object without the field (`NoFields`), as for a frame that is no object.
        case .nonEmpty(let index):
            switch object.templateField(index) {
            case .none: .none
            case let list: .bool(list.isTruthy)
            }
        }
    }
}
