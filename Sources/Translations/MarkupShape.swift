/// The markup of a text block without its text: which codes open, close or stand where, in order.
/// A translation written back as Markdown must read back with its original's shape.
public struct MarkupShape: Sendable, Hashable, CustomStringConvertible {
    public enum Role: Sendable, Hashable {
        case start, end, standalone
    }

    private var marks: [Mark]

    private struct Mark: Hashable {
        var role: Role
        var shape: String
    }

    public init(_ pieces: [InlinePiece]) {
        marks = pieces.compactMap { piece in
            switch piece {
            // GFM links every e-mail address in text, in an original as in a translation.
            case _ where Self.isMail(piece): nil
            case .text, .term: nil
            case .start(let code): Mark(role: .start, shape: code.kind.shape)
            case .end(let code): Mark(role: .end, shape: code.kind.shape)
            case .standalone(let code): Mark(role: .standalone, shape: code.kind.shape)
            }
        }
    }

    private static func isMail(_ piece: InlinePiece) -> Bool {
        if case .standalone(let code) = piece, case .autolink(let destination, _) = code.kind {
            return destination.hasPrefix("mailto:")
        }
        return false
    }

    /// The shape `content` has when cmark-gfm reads it as the content of a block of `kind`, in a
    /// document that defines `footnotes` (labels).
    public init(readingBack content: String, as kind: TextBlock.Kind, footnotes: [String] = []) {
        var document: String
        let id: String
        switch kind {
        case .paragraph: (document, id) = (content, "p1")
        case .heading(let level): (document, id) = (String(repeating: "#", count: level) + " " + content, "h1")
        case .tableCell: (document, id) = ("| |\n|-|\n| " + content + " |", "table1.row2.cell1")
        }
        for label in footnotes { document += "\n\n[^" + label + "]: ." }
        let block = TextBlockReader.blocks(in: document).first { $0.id == id }
        self.init(block?.pieces ?? [])
        // Content that reads as another kind of block cannot match any original's shape.
        if block == nil { marks.append(Mark(role: .standalone, shape: "another block")) }
    }

    public var description: String {
        marks.map { mark in
            switch mark.role {
            case .start: "start of \(mark.shape)"
            case .end: "end of \(mark.shape)"
            case .standalone: mark.shape
            }
        }.joined(separator: ", ")
    }
}
