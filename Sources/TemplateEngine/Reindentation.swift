/// Moves a piece of template text to another indentation, line by line: the
/// lines of a standalone partial gain the tag's indentation, and an argument
/// passed to a parent loses the indentation it was written with and gains
/// that of the block it fills. Only the template's own text moves; values
/// interpolated into it are never reindented.
struct Reindentation {
    /// Removed from the start of every line (as much of it as is there).
    var strip: [UInt8]
    /// Put at the start of every line.
    var add: [UInt8]
    /// Whether the first line starts a line (else it follows text already printed).
    var stripsFirstLine: Bool
    var addsFirstLine: Bool

    var isIdentity: Bool { strip.isEmpty && add.isEmpty }

    func apply(to nodes: [TemplateNode]) -> [TemplateNode] {
        guard !isIdentity else { return nodes }
        var state = LineState(strip: stripsFirstLine, add: addsFirstLine)
        return TemplateParser.mergingText(transform(nodes, &state))
    }

    /// Whether the next thing printed starts a line, and what it then gets.
    private struct LineState {
        var strip: Bool
        var add: Bool

        static let lineStart = LineState(strip: true, add: true)
        static let midLine = LineState(strip: false, add: false)
    }

    private func transform(_ nodes: [TemplateNode], _ state: inout LineState) -> [TemplateNode] {
        var result: [TemplateNode] = []
        for node in nodes {
            switch node {
            case .text(let text):
                result.append(.text(reindent(text, &state)))
            case .variable:
                if state.add { result.append(.text(add)) }
                result.append(node)
                state = .midLine
            case .section(let name, let inverted, let content, let position):
                result.append(.section(name, inverted: inverted, content: transform(content, &state), at: position))
            case .partial(let name, let indentation, let position):
                if indentation.isEmpty {
                    if state.add { result.append(.text(add)) }
                    result.append(node)
                    state = .midLine
                } else {
                    // Standalone: its line (and the partial's) starts at the new indentation.
                    result.append(.partial(name, indentation: moved(indentation, state), at: position))
                    state = .lineStart
                }
            case .parent(let name, let indentation, let blocks, let position):
                var inner = LineState.midLine
                let arguments = blocks.map { moved($0, &inner) }
                if indentation.isEmpty, state.add { result.append(.text(add)) }
                result.append(
                    .parent(
                        name, indentation: indentation.isEmpty ? [] : moved(indentation, state), blocks: arguments,
                        at: position))
                state = indentation.isEmpty ? .midLine : .lineStart
            case .block(var block):
                block = moved(block, &state)
                result.append(.block(block))
            }
        }
        return result
    }

    /// A block's own indentation moved with its line, and its content reindented.
    private func moved(_ block: Block, _ state: inout LineState) -> Block {
        var block = block
        if let indentation = block.indentation {
            // A standalone block's line was removed; an inline one's whitespace is already in the text before it.
            block.indentation = block.indentsFirstLine ? moved(indentation, state) : moved(indentation, .lineStart)
        }
        var inner = block.indentsFirstLine ? state : .midLine
        block.content = transform(block.content, &inner)
        state = inner
        return block
    }

    private func moved(_ indentation: [UInt8], _ state: LineState) -> [UInt8] {
        (state.add ? add : [])
            + (state.strip ? Array(indentation.dropFirst(Self.matchingLength(strip, indentation[...]))) : indentation)
    }

    private func reindent(_ text: [UInt8], _ state: inout LineState) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count + add.count)
        var index = 0
        while index < text.count {
            if state.strip {
                index += Self.matchingLength(strip, text[index...])
                state.strip = false
            }
            guard index < text.count else { break }
            if state.add {
                output += add
                state.add = false
            }
            while index < text.count {
                output.append(text[index])
                index += 1
                if text[index - 1] == UInt8(ascii: "\n") {
                    state = .lineStart
                    break
                }
            }
        }
        return output
    }

    /// How many leading bytes of `text` match `prefix`.
    private static func matchingLength(_ prefix: [UInt8], _ text: ArraySlice<UInt8>) -> Int {
        var count = 0
        for (byte, other) in zip(prefix, text) {
            guard byte == other else { break }
            count += 1
        }
        return count
    }
}
