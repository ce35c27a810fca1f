/// A translation's unit matched to its original's, by structural position.
enum TranslatedUnit {
    /// Whether two units at the same id are the same kind of thing (a heading is not a paragraph).
    static func sameKind(_ translation: PageUnits.Part, _ original: PageUnits.Part) -> Bool {
        switch (translation, original) {
        case (.block(let a), .block(let b)): a.kind == b.kind
        case (.frontMatter(let a), .frontMatter(let b)): a == b
        case (.altText, .altText), (.caption, .caption): true
        default: false
        }
    }

    /// The translation's pieces with the original's codes: the k-th link of the translation is
    /// the original's k-th link, and so on for each kind of code. A code the original lacks is
    /// dropped (its text kept): the CAT tool then shows the translator the tag to place.
    static func aligned(_ translation: [InlinePiece], to original: [InlinePiece]) -> [InlinePiece] {
        var originals: [String: [InlineCode]] = [:]
        for piece in original {
            if case .start(let code) = piece { originals[code.kind.shape, default: []].append(code) }
            if case .standalone(let code) = piece { originals[code.kind.shape, default: []].append(code) }
        }
        var used: [String: Int] = [:]
        var mapped: [Int: InlineCode] = [:]
        var result: [InlinePiece] = []
        for piece in translation {
            switch piece {
            case .text, .term: result.append(piece)
            case .start(let code), .standalone(let code):
                let shape = code.kind.shape
                let index = used[shape, default: 0]
                used[shape] = index + 1
                guard let match = originals[shape].flatMap({ index < $0.count ? $0[index] : nil }) else { continue }
                mapped[code.id] = match
                if case .start = piece { result.append(.start(match)) } else { result.append(.standalone(match)) }
            case .end(let code):
                if let match = mapped[code.id] { result.append(.end(match)) }
            }
        }
        return result
    }
}
